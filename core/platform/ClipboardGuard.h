#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace confer {

class Clock;

// Copies text for the user and takes it back: after 30 seconds, and at once on lock or exit — but
// only if the clipboard still holds what Confer put there (never wipe what the user copied since).
// The copy is marked secret so clipboard managers keep it out of their history.
// Never used for the recovery key: that is written down, not copied.
class ClipboardGuard final : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 ClearAfterMs = 30 * 1000;
    // The format KDE's password managers set; Klipper and others do not store data that has it.
    static constexpr const char* PasswordManagerHintFormat = "x-kde-passwordManagerHint";

    explicit ClipboardGuard(const Clock& clock, QObject* parent = nullptr);
    ~ClipboardGuard() override;

    // ClearAfterMs unless told otherwise (tests use a short wait with the real timer running).
    void setClearAfterMs(qint64 ms);
    qint64 clearAfterMs() const { return m_clearAfterMs; }

    void copy(const QString& text);
    void clearNow();
    // Clears when clearAfterMs() has passed on the clock; polled by a timer, called by tests.
    void check();
    bool isHolding() const { return m_isHolding; }

private:
    const Clock& m_clock;
    QTimer m_poll;
    QString m_copied;
    qint64 m_copiedAtMs = 0;
    qint64 m_clearAfterMs = ClearAfterMs;
    bool m_isHolding = false;
};

} // namespace confer
