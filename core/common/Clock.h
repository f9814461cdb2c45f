#pragma once

#include <QDateTime>

#include <mutex>

namespace confer {

// Everything that depends on "now" asks a Clock, so tests move time by hand instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    // Monotonic milliseconds, for measuring intervals (inactivity, back-off).
    virtual qint64 monotonicMs() const = 0;
    // The calendar date where the user is: what "today", "overdue" and "due on" mean to a panel in
    // the UK (between midnight and 1 am in summer the UTC date is still yesterday).
    QDate today() const { return nowUtc().toLocalTime().date(); }
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
    static SystemClock& instance();
};

// A clock that only moves when told to; used by tests and by the screenshot tour. A test may move it while
// long work reads it on a worker thread, hence the lock.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
    void advanceMs(qint64 ms);
    void advanceSeconds(qint64 s) { advanceMs(s * 1000); }

private:
    mutable std::mutex m_mutex;
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};

} // namespace confer
