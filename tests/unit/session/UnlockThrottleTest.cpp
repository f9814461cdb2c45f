#include "session/UnlockThrottle.h"

#include "common/Clock.h"

#include <gtest/gtest.h>

namespace confer {
namespace {

TEST(UnlockThrottle, FirstThreeFailuresCostNothingThenTheDelayDoubles)
{
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(0), 0);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(2), 0);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(3), 1000);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(4), 2000);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(5), 4000);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(8), 32000);
}

TEST(UnlockThrottle, DelayIsCappedAtOneMinuteEvenAfterVeryManyFailures)
{
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(9), 60000);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(70), 60000);
    EXPECT_EQ(UnlockThrottle::delayAfterFailures(1'000'000), 60000);
}

TEST(UnlockThrottle, WaitRunsOnTheInjectedClock)
{
    ManualClock clock;
    UnlockThrottle throttle(clock);
    throttle.recordFailure();
    throttle.recordFailure();
    EXPECT_FALSE(throttle.isWaiting());
    throttle.recordFailure();
    EXPECT_EQ(throttle.remainingMs(), 1000);
    clock.advanceMs(400);
    EXPECT_EQ(throttle.remainingMs(), 600);
    clock.advanceMs(600);
    EXPECT_FALSE(throttle.isWaiting());
    throttle.recordFailure();
    EXPECT_EQ(throttle.remainingMs(), 2000);
}

TEST(UnlockThrottle, SuccessStartsAgainFromZero)
{
    ManualClock clock;
    UnlockThrottle throttle(clock);
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure();
    ASSERT_TRUE(throttle.isWaiting());
    throttle.recordSuccess();
    EXPECT_FALSE(throttle.isWaiting());
    EXPECT_EQ(throttle.consecutiveFailures(), 0);
    throttle.recordFailure();
    EXPECT_FALSE(throttle.isWaiting());
}

} // namespace
} // namespace confer
