#include "platform/ClipboardGuard.h"

#include "common/Clock.h"

#include <QClipboard>
#include <QGuiApplication>

namespace confer {

ClipboardGuard::ClipboardGuard(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &ClipboardGuard::check);
}

ClipboardGuard::~ClipboardGuard()
{
    clearNow();
}

void ClipboardGuard::copy(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    m_copied = text;
    m_copiedAtMs = m_clock.monotonicMs();
    m_isHolding = true;
    m_poll.start();
}

void ClipboardGuard::check()
{
    if (m_isHolding && m_clock.monotonicMs() - m_copiedAtMs >= ClearAfterMs)
        clearNow();
}

void ClipboardGuard::clearNow()
{
    if (!m_isHolding)
        return;
    m_isHolding = false;
    m_poll.stop();
    // The application may already be gone when a guard outlives it at exit.
    QClipboard* clipboard = qGuiApp ? QGuiApplication::clipboard() : nullptr;
    // Only take back our own text: whatever the user copied since is theirs.
    if (clipboard && clipboard->text() == m_copied)
        clipboard->clear();
    m_copied.clear();
}

} // namespace confer
