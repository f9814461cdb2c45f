#pragma once

#include "crypto/RecoveryKey.h"
#include "session/StoreOpener.h"

#include <QWizard>

#include <memory>
#include <optional>

class QThread;

namespace confer {

class AdministratorPage;
class ConfirmRecoveryKeyPage;
class CreatingStorePage;
class RecoveryKeyPage;
class Session;
class WelcomePage;
struct AppContext;

// First run: explains Confer, takes the first administrator, creates the store on a worker thread,
// shows the recovery key once and has it typed back. Accepted = a signed-in administrator.
//
// Once the store exists the wizard holds a session, and the key is on screen: a lock (idle, Ctrl+L,
// the desktop locking) must not leave it there, nor throw it away (a store whose key nobody wrote
// down has no way back). So lock() closes the session as any lock does and hides the key; the key
// is shown again only after the administrator signs in again with their passphrase, through the
// same StoreOpener::unlock as the unlock screen. Only the recovery key stays in (guarded) memory.
class SetupWizard final : public QWizard {
    Q_OBJECT
public:
    enum PageId { WelcomeId, AdministratorId, CreatingId, RecoveryKeyId, ConfirmId };

    explicit SetupWizard(const AppContext& context, QWidget* parent = nullptr);
    ~SetupWizard() override;

    // Hands over the administrator's session after Finish, and forgets the recovery key.
    std::unique_ptr<Session> takeSession();
    Session* session() const { return m_session.get(); }

    // Closes the session (reason goes to the audit trail) and hides the recovery key until
    // unlockAgain() succeeds. Does nothing before the store exists; a lock asked for while the store
    // is being created takes effect as soon as it is.
    void lock(const QString& reason);
    // The store exists but its session was closed by lock().
    bool isLocked() const { return m_recoveryKey && !m_session; }
    // Signs the administrator in again after lock(); emits sessionStarted() when it works.
    Status unlockAgain(const QString& passphrase);

    // For the pages.
    void startCreation();
    bool isCreating() const { return m_worker != nullptr; }
    const RecoveryKey* recoveryKey() const { return m_recoveryKey ? &*m_recoveryKey : nullptr; }
    const AppContext& context() const { return m_context; }
    QString storeDirectory() const;

    // Setup cannot be cancelled half-way: closing the window quits instead.
    void reject() override {}

signals:
    void creationFinished(bool isCreated);
    // A session exists again (after creation, or after unlockAgain): time to watch for idleness.
    void sessionStarted();

private:
    void onWorkerFinished();

    const AppContext& m_context;
    // For unlockAgain; it keeps failed attempts until a sign-in writes them to the audit trail.
    StoreOpener m_opener;
    WelcomePage* m_welcomePage;
    AdministratorPage* m_administratorPage;
    CreatingStorePage* m_creatingPage;
    RecoveryKeyPage* m_recoveryKeyPage;
    ConfirmRecoveryKeyPage* m_confirmPage;

    QThread* m_worker = nullptr;
    // Written by the worker thread, read on the GUI thread once it has finished.
    std::optional<Result<StoreOpener::SetupOutcome>> m_result;
    std::unique_ptr<Session> m_session;
    std::optional<RecoveryKey> m_recoveryKey;
    // Why a lock was asked for during creation; applied when creation has finished.
    std::optional<QString> m_pendingLockReason;
};

} // namespace confer
