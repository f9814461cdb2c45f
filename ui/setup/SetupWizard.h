#pragma once

#include "crypto/RecoveryKey.h"
#include "session/StoreOpener.h"

#include <QWizard>

#include <memory>
#include <optional>

class QThread;

namespace confer {

class AdministratorPage;
class ClipboardGuard;
class ConfirmRecoveryKeyPage;
class CreatingStorePage;
class RecoveryKeyPage;
class Session;
class WelcomePage;
struct AppContext;

// First run: explains Confer, takes the first administrator, creates the store on a worker thread,
// shows the recovery key once and has it typed back. Accepted = a signed-in administrator.
class SetupWizard final : public QWizard {
    Q_OBJECT
public:
    enum PageId { WelcomeId, AdministratorId, CreatingId, RecoveryKeyId, ConfirmId };

    SetupWizard(const AppContext& context, ClipboardGuard& clipboard, QWidget* parent = nullptr);
    ~SetupWizard() override;

    AdministratorPage* administratorPage() const { return m_administratorPage; }
    RecoveryKeyPage* recoveryKeyPage() const { return m_recoveryKeyPage; }
    ConfirmRecoveryKeyPage* confirmPage() const { return m_confirmPage; }

    // Hands over the administrator's session after Finish, and forgets the recovery key.
    std::unique_ptr<Session> takeSession();

    // For the pages.
    void startCreation();
    bool isCreating() const { return m_worker != nullptr; }
    const RecoveryKey* recoveryKey() const { return m_recoveryKey ? &*m_recoveryKey : nullptr; }
    ClipboardGuard& clipboard() { return m_clipboard; }
    QString storeDirectory() const;

    // Setup cannot be cancelled half-way: closing the window quits instead.
    void reject() override {}

signals:
    void creationFinished(bool isCreated);

private:
    void onWorkerFinished();

    const AppContext& m_context;
    ClipboardGuard& m_clipboard;
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
};

} // namespace confer
