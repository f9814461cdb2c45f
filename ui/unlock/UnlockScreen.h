#pragma once

#include "session/StoreOpener.h"
#include "session/UnlockThrottle.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace confer {

class Session;
struct AppContext;
class ErrorLine;
struct Error;

// The locked state: a centred card with the user list, the passphrase and Unlock. Failures show
// core's sentence (the keychain's own problems also point to the recovery key); after the third
// wrong passphrase in a row the form waits longer each time (UnlockThrottle). Other failures are
// not guesses and cost no wait.
class UnlockScreen final : public QWidget {
    Q_OBJECT
public:
    explicit UnlockScreen(const AppContext& context, QWidget* parent = nullptr);

    // Ready for the next person: fresh user list, empty passphrase, no old error.
    void reset();
    std::unique_ptr<Session> takeSession();
    // Re-reads the clock and re-enables the form when the wait is over; a timer calls it while
    // waiting, tests call it after moving their clock.
    void recheckThrottle();
    void attemptUnlock();

    // MainWindow focuses it whenever the screen is shown.
    QLineEdit* passphraseEdit() const { return m_passphrase; }
    const UnlockThrottle& throttle() const { return m_throttle; }

signals:
    void unlocked();

private:
    QFrame* makeCard();
    void showFailure(const Error& error);
    void updateFormState();
    void openRecovery();
    void acceptSession(std::unique_ptr<Session> session);

    const AppContext& m_context;
    // One opener for the screen's lifetime: it remembers failed attempts until the next sign-in
    // writes them to the audit trail.
    StoreOpener m_opener;
    UnlockThrottle m_throttle;
    QTimer m_throttleTimer;
    std::unique_ptr<Session> m_session;
    bool m_isUnlocking = false;

    QComboBox* m_login;
    QLineEdit* m_passphrase;
    QPushButton* m_unlock;
    QPushButton* m_recovery;
    ErrorLine* m_error;
    QLabel* m_wait;
    QLabel* m_storeLocation;
};

} // namespace confer
