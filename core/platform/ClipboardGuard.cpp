#include "platform/ClipboardGuard.h"

#include "common/Clock.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

#include <algorithm>

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

void ClipboardGuard::setClearAfterMs(qint64 ms)
{
    m_clearAfterMs = ms;
    // As for the inactivity timer: once a second for the real 30 s, a quarter of a shorter wait.
    m_poll.setInterval(int(std::clamp<qint64>(ms / 4, 10, 1000)));
}

void ClipboardGuard::copy(const QString& text)
{
    auto* data = new QMimeData; // the clipboard takes ownership
    data->setText(text);
    // Clipboard managers write their history to disk, outside the store; KDE Klipper and several
    // others leave out whatever carries this hint.
    data->setData(QString::fromLatin1(PasswordManagerHintFormat), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(data);
    m_copied = text;
    m_copiedAtMs = m_clock.monotonicMs();
    m_isHolding = true;
    m_poll.start();
}

void ClipboardGuard::check()
{
    if (m_isHolding && m_clock.monotonicMs() - m_copiedAtMs >= m_clearAfterMs)
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
