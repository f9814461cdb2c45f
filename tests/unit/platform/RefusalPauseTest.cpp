#include "platform/RefusalPause.h"

#include <gtest/gtest.h>

#include <vector>

using namespace confer;
using std::chrono::milliseconds;

namespace {

struct NotedSleeps {
    std::vector<milliseconds> waits;
    RefusalPause pause()
    {
        return RefusalPause([this](milliseconds length) { waits.push_back(length); });
    }
};

} // namespace

TEST(RefusalPause, AWrongPassphraseOrUserCostsTwoSeconds)
{
    NotedSleeps sleeps;
    sleeps.pause().after(Error{ErrorCode::WrongCredentials, QStringLiteral("x"), {}});
    ASSERT_EQ(sleeps.waits.size(), 1u);
    EXPECT_EQ(sleeps.waits.front(), milliseconds(2000));
}

TEST(RefusalPause, AnythingElseIsNotAGuessAndCostsNothing)
{
    NotedSleeps sleeps;
    for (ErrorCode code :
         {ErrorCode::DeviceSecretMissing, ErrorCode::StoreCorrupt, ErrorCode::AuditChainBroken,
          ErrorCode::Conflict, ErrorCode::DiskFull, ErrorCode::InvalidInput})
        sleeps.pause().after(Error{code, QStringLiteral("x"), {}});
    EXPECT_TRUE(sleeps.waits.empty());
}
