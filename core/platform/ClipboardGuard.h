#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace confer {

class Clock;

// Copies text for the user and takes it back: after 30 seconds, and at once on lock or exit — but
// only if the clipboard still holds what Confer put there (never wipe what the user copied since).
class ClipboardGuard final : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 ClearAfterMs = 30 * 1000;

    explicit ClipboardGuard(const Clock& clock, QObject* parent = nullptr);
    ~ClipboardGuard() override;

    void copy(const QString& text);
    void clearNow();
    // Clears when ClearAfterMs has passed on the clock; polled by a timer, called by tests.
    void check();
    bool isHolding() const { return m_isHolding; }

private:
    const Clock& m_clock;
    QTimer m_poll;
    QString m_copied;
    qint64 m_copiedAtMs = 0;
    bool m_isHolding = false;
};

} // namespace confer
