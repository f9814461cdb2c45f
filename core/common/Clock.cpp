#include "common/Clock.h"

#include <QElapsedTimer>

namespace confer {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

SystemClock& SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{}

void ManualClock::advanceMs(qint64 ms)
{
    m_now = m_now.addMSecs(ms);
    m_monotonicMs += ms;
}

} // namespace confer
