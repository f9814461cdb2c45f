#include "shell/MainWindow.h"

#include "platform/ClipboardGuard.h"
#include "platform/InactivityTimer.h"
#include "platform/ScreenLockWatcher.h"
#include "session/Session.h"
#include "setup/SetupWizard.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/MarkingLabel.h"
#include "shell/Workspace.h"
#include "unlock/UnlockScreen.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTimer>

namespace confer {

namespace {
// How often a lock asked for during a running session call looks again.
constexpr int LockRetryMs = 50;
} // namespace

MainWindow::MainWindow(AppContext context, QWidget* parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
    , m_inactivity(new InactivityTimer(m_context.clock, this))
    , m_screenLock(new ScreenLockWatcher(this))
    , m_clipboard(new ClipboardGuard(m_context.clock, this))
    , m_lockAction(new QAction(tr("&Lock"), this))
    , m_stack(new QStackedWidget(this))
    , m_unlock(new UnlockScreen(m_context, m_stack))
{
    setWindowTitle(tr("Confer"));
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Confer"));
    setMinimumSize(1000, 640);

    m_lockAction->setObjectName(QLatin1String(DialogPresenter::LockActionName));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    m_lockAction->setToolTip(tr("Lock Confer now (Ctrl+L)"));
    addAction(m_lockAction);
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);
    connect(m_inactivity, &InactivityTimer::inactive, this, [this] { lockFor(QStringLiteral("idle")); });
    connect(m_screenLock, &ScreenLockWatcher::screenLocked, this,
            [this] { lockFor(QStringLiteral("screen-locked")); });

    m_stack->addWidget(m_unlock);
    setCentralWidget(m_stack);
    connect(m_unlock, &UnlockScreen::unlocked, this, [this] { enterWorkspace(m_unlock->takeSession()); });

    if (!m_context.makeOpener().storeExists()) {
        m_setupHost = makeSetupHost();
        m_stack->addWidget(m_setupHost);
        m_stack->setCurrentWidget(m_setupHost);
    } else {
        showUnlock();
    }
}

MainWindow::~MainWindow()
{
    // The pages refer to the session: they go first, then the session and its key.
    delete m_workspace;
    delete m_setupHost;
    m_clipboard->clearNow();
    m_session.reset();
}

QWidget* MainWindow::makeSetupHost()
{
    auto* host = new QWidget(m_stack);
    host->setObjectName(QStringLiteral("setupHost"));
    host->setAttribute(Qt::WA_StyledBackground, true);

    auto* title = new QLabel(tr("Confer"), host);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto* subtitle = new QLabel(tr("First-time setup"), host);

    m_wizard = new SetupWizard(m_context, host);
    m_wizard->setWindowFlags(Qt::Widget);
    m_wizard->setMinimumSize(760, 560);
    m_wizard->setMaximumSize(900, 640);
    connect(m_wizard, &QDialog::accepted, this, &MainWindow::finishSetup);
    // From the moment the store exists the wizard shows its recovery key: an idle wizard locks too.
    connect(m_wizard, &SetupWizard::sessionStarted, this, [this] {
        if (Session* session = m_wizard->session()) {
            m_inactivity->setTimeoutMs(qint64(session->autoLockMinutes()) * 60 * 1000);
            m_inactivity->start();
        }
    });

    auto* heading = new QHBoxLayout;
    heading->setSpacing(12);
    heading->addWidget(title);
    heading->addWidget(subtitle, 0, Qt::AlignBottom);
    heading->addStretch(1);
    heading->addWidget(new MarkingLabel(host));

    auto* layout = new QGridLayout(host);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(3, 2);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->setVerticalSpacing(10);
    layout->addLayout(heading, 1, 1);
    layout->addWidget(m_wizard, 2, 1);
    return host;
}

SetupWizard* MainWindow::setupWizard() const
{
    return m_wizard.data();
}

Workspace* MainWindow::workspace() const
{
    return m_workspace.data();
}

MainWindow::Page MainWindow::currentPage() const
{
    QWidget* current = m_stack->currentWidget();
    if (m_workspace && current == m_workspace)
        return Page::Workspace;
    if (m_setupHost && current == m_setupHost)
        return Page::Setup;
    return Page::Unlock;
}

void MainWindow::finishSetup()
{
    std::unique_ptr<Session> session = m_wizard->takeSession();
    // The wizard is still inside its own Finish handler: delete it once that has returned.
    m_stack->removeWidget(m_setupHost);
    m_setupHost->hide();
    m_setupHost->deleteLater();
    if (!session) {
        showUnlock();
        return;
    }
    enterWorkspace(std::move(session));
}

void MainWindow::showUnlock()
{
    m_unlock->reset();
    m_stack->setCurrentWidget(m_unlock);
    m_unlock->passphraseEdit()->setFocus();
}

void MainWindow::enterWorkspace(std::unique_ptr<Session> session)
{
    if (!session)
        return;
    m_session = std::move(session);
    m_workspace = new Workspace(*m_session, m_context.panelKinds, m_lockAction, m_stack);
    connect(m_workspace, &Workspace::autoLockChanged, this, &MainWindow::applyAutoLock);
    m_stack->addWidget(m_workspace);
    m_stack->setCurrentWidget(m_workspace);
    m_workspace->navigation()->setFocus();
    applyAutoLock();
    m_inactivity->start();
    showNotices(m_session->notices());
}

// What the opener mended on the way in (a damaged copy of the key file): said once, after sign-in.
void MainWindow::showNotices(const QStringList& notices)
{
    if (notices.isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Information, tr("Confer repaired the store's files"),
                                notices.join(QStringLiteral("\n\n")), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("signInNotices"));
    box->setAccessibleName(tr("Confer repaired the store's files"));
    DialogPresenter::open(box);
}

void MainWindow::applyAutoLock()
{
    if (m_session)
        m_inactivity->setTimeoutMs(qint64(m_session->autoLockMinutes()) * 60 * 1000);
}

void MainWindow::lock()
{
    lockFor(QStringLiteral("manual"));
}

void MainWindow::lockFor(const QString& reason)
{
    if (CoreCall::isRunning()) {
        // Asked from inside a session call's nested event loop: tearing the session down now would
        // pull it from under that call. Lock as soon as the call has returned.
        if (!m_isLockPending) {
            m_isLockPending = true;
            QTimer::singleShot(LockRetryMs, this, [this, reason] {
                m_isLockPending = false;
                lockFor(reason);
            });
        }
        return;
    }
    m_inactivity->stop();
    m_clipboard->clearNow();
    if (m_workspace) {
        // Possibly called from the workspace's own menu: empty and hide it now, delete it once that
        // handler has returned.
        m_workspace->shutDown();
        m_stack->removeWidget(m_workspace);
        m_workspace->hide();
        m_workspace->deleteLater();
        m_workspace = nullptr;
    }
    if (m_session) {
        m_session->lock(reason);
        m_session.reset();
    }
    // During setup the wizard owns the session: it closes it and hides the recovery key, which comes
    // back only with the administrator's passphrase (SetupWizard::lock).
    if (m_wizard)
        m_wizard->lock(reason);
    if (currentPage() != Page::Setup)
        showUnlock();
}

} // namespace confer
