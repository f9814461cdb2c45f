#include "platform/InactivityTimer.h"

#include "common/Clock.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace confer {

InactivityTimer::InactivityTimer(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{
    // Coarse on purpose: the clock decides, the timer only asks once a second.
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &InactivityTimer::check);
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
}

void InactivityTimer::setTimeoutMs(qint64 ms)
{
    m_timeoutMs = ms;
    // Once a second is coarse enough for minutes; a shorter timeout (a test's) is asked about four
    // times within it, so it is noticed at most a quarter late.
    m_poll.setInterval(int(std::clamp<qint64>(ms / 4, 10, 1000)));
}

void InactivityTimer::start()
{
    m_lastActivityMs = m_clock.monotonicMs();
    m_isActive = true;
    m_poll.start();
}

void InactivityTimer::stop()
{
    m_isActive = false;
    m_poll.stop();
}

void InactivityTimer::check()
{
    if (!m_isActive)
        return;
    if (m_clock.monotonicMs() - m_lastActivityMs < m_timeoutMs)
        return;
    stop(); // before emitting, so a slot that restarts us is not undone
    emit inactive();
}

bool InactivityTimer::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        m_lastActivityMs = m_clock.monotonicMs();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confer
