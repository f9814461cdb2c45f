#include "common/Clock.h"

#include <time.h>

namespace confer {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    // CLOCK_BOOTTIME keeps counting while the laptop is suspended, so a lid closed for an hour counts
    // as an hour of inactivity (CLOCK_MONOTONIC would stop and resume unlocked).
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return static_cast<qint64>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

SystemClock& SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{}

QDateTime ManualClock::nowUtc() const
{
    const std::lock_guard lock(m_mutex);
    return m_now;
}

qint64 ManualClock::monotonicMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_monotonicMs;
}

void ManualClock::advanceMs(qint64 ms)
{
    const std::lock_guard lock(m_mutex);
    m_now = m_now.addMSecs(ms);
    m_monotonicMs += ms;
}

} // namespace confer
