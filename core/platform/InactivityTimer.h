#pragma once

#include <QObject>
#include <QTimer>

namespace confer {

class Clock;

// Emits inactive() once the user has not touched keyboard or mouse for the timeout. An
// application-wide event filter notes input; a coarse timer asks the injected Clock, so tests move
// the clock and call check() instead of waiting.
class InactivityTimer final : public QObject {
    Q_OBJECT
public:
    explicit InactivityTimer(const Clock& clock, QObject* parent = nullptr);

    void setTimeoutMs(qint64 ms);
    qint64 timeoutMs() const { return m_timeoutMs; }
    void start(); // (re)starts watching from now
    void stop();
    bool isActive() const { return m_isActive; }
    // Compares the clock with the last input; emits inactive() and stops when the timeout passed.
    void check();

signals:
    void inactive();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const Clock& m_clock;
    QTimer m_poll;
    qint64 m_timeoutMs = 5 * 60 * 1000;
    qint64 m_lastActivityMs = 0;
    bool m_isActive = false;
};

} // namespace confer
