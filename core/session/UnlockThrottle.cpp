#include "session/UnlockThrottle.h"

#include "common/Clock.h"

#include <algorithm>

namespace confer {

UnlockThrottle::UnlockThrottle(const Clock& clock)
    : m_clock(clock)
{}

void UnlockThrottle::recordFailure()
{
    ++m_failures;
    m_allowedFromMs = m_clock.monotonicMs() + delayAfterFailures(m_failures);
}

void UnlockThrottle::recordSuccess()
{
    m_failures = 0;
    m_allowedFromMs = 0;
}

qint64 UnlockThrottle::remainingMs() const
{
    return std::max<qint64>(0, m_allowedFromMs - m_clock.monotonicMs());
}

qint64 UnlockThrottle::delayAfterFailures(int failures)
{
    if (failures < FreeAttempts)
        return 0;
    const int exponent = failures - FreeAttempts;
    // 2^6 s already passes the cap; stopping here also keeps the shift from overflowing.
    if (exponent >= 6)
        return MaximumDelayMs;
    return std::min<qint64>(MaximumDelayMs, (qint64(1) << exponent) * 1000);
}

} // namespace confer
