#pragma once

#include "shell/AppContext.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QStackedWidget;

namespace confer {

class ClipboardGuard;
class InactivityTimer;
class ScreenLockWatcher;
class Session;
class SetupWizard;
class UnlockScreen;
class Workspace;

// Confer's one window. Shows setup (no store yet), the unlock screen, or the workspace of the one
// unlocked session it owns. Locking destroys the session and the workspace, so no key and no model
// data outlive it: on idle (InactivityTimer), when the desktop locks, and on Ctrl+L. During setup
// the same triggers lock the wizard's session and hide the recovery key (SetupWizard::lock).
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Setup, Unlock, Workspace };

    explicit MainWindow(AppContext context, QWidget* parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    Session* session() const { return m_session.get(); }
    InactivityTimer& inactivityTimer() const { return *m_inactivity; }
    SetupWizard* setupWizard() const;
    Workspace* workspace() const;

public slots:
    // Ctrl+L and the account menu's Lock.
    void lock();

private:
    // reason goes to the audit trail: "manual", "idle" or "screen-locked".
    void lockFor(const QString& reason);
    QWidget* makeSetupHost();
    void showUnlock();
    void finishSetup();
    void enterWorkspace(std::unique_ptr<Session> session);
    void showNotices(const QStringList& notices);
    void applyAutoLock();

    AppContext m_context;
    std::unique_ptr<Session> m_session;
    InactivityTimer* m_inactivity;
    ScreenLockWatcher* m_screenLock;
    ClipboardGuard* m_clipboard;
    QAction* m_lockAction;
    QStackedWidget* m_stack;
    QPointer<QWidget> m_setupHost;
    QPointer<SetupWizard> m_wizard;
    UnlockScreen* m_unlock;
    QPointer<Workspace> m_workspace;
    bool m_isLockPending = false;
};

} // namespace confer
