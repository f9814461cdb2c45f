// Renders Confer's main screens to <output>/<screen>-<width>x<height>.png. A throw-away store under
// $TMPDIR with cheap KDF parameters, an in-memory device secret and a hand-moved clock, so the
// pictures are the same on every run. Usage: confer_screenshots <output directory>
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "accounts/AccountService.h"
#include "accounts/AccountsPage.h"
#include "accounts/AddUserDialog.h"
#include "accounts/ChangePassphraseDialog.h"
#include "accounts/PassphraseEntry.h"
#include "common/Clock.h"
#include "session/Session.h"
#include "setup/AdministratorPage.h"
#include "setup/ConfirmRecoveryKeyPage.h"
#include "setup/RecoveryKeyPage.h"
#include "setup/SetupWizard.h"
#include "shell/AppContext.h"
#include "shell/AppStyle.h"
#include "shell/MainWindow.h"
#include "shell/SettingsDialog.h"
#include "shell/Workspace.h"
#include "unlock/UnlockScreen.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <cstdio>

namespace confer {
namespace {

const QString AdminPassphrase = QStringLiteral("quiet harbour under amber light");

class Tour final {
public:
    Tour(QString outputDirectory, QSize size)
        : m_output(std::move(outputDirectory))
        , m_size(size)
    {}

    bool run();

private:
    bool runUnbound();

    void settle()
    {
        for (int i = 0; i < 8; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(15);
        }
    }
    void save(const QImage& image, const QString& screen)
    {
        const QString path =
            QStringLiteral("%1/%2-%3x%4.png").arg(m_output, screen).arg(m_size.width()).arg(m_size.height());
        if (!image.save(path))
            std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        ++m_count;
    }
    void shot(QWidget& window, const QString& screen)
    {
        settle();
        save(window.grab().toImage(), screen);
    }
    // The window with an open dialog painted where it sits, as a person would see them together.
    // Xvfb runs no window manager, so the dialog's title bar is drawn here as a plain strip.
    void shotWithDialog(QWidget& window, QDialog* dialog, const QString& screen)
    {
        settle();
        QImage image = window.grab().toImage();
        QPainter painter(&image);
        const QPoint at = window.mapFromGlobal(dialog->mapToGlobal(QPoint(0, 0)));
        const int titleHeight = dialog->fontMetrics().height() + 14;
        const QRect titleBar(at.x(), at.y() - titleHeight, dialog->width(), titleHeight);
        painter.fillRect(image.rect(), QColor(0, 0, 0, 40));
        painter.fillRect(titleBar, QColor(0x3a, 0x44, 0x4e));
        painter.setPen(Qt::white);
        QFont titleFont = dialog->font();
        titleFont.setBold(true);
        painter.setFont(titleFont);
        painter.drawText(titleBar, Qt::AlignCenter, dialog->windowTitle());
        painter.drawPixmap(at, dialog->grab());
        painter.setPen(QColor(0x3a, 0x44, 0x4e));
        painter.drawRect(QRect(titleBar.topLeft(), QSize(dialog->width(), dialog->height() + titleHeight))
                             .adjusted(-1, -1, 0, 0));
        painter.end();
        save(image, screen);
    }
    template <typename Condition>
    bool waitFor(Condition condition)
    {
        return QTest::qWaitFor(condition, 60000);
    }

    QString m_output;
    QSize m_size;
    int m_count = 0;
};

bool Tour::run()
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock(QDateTime(QDate(2026, 3, 9), QTime(9, 12), Qt::UTC));
    const AppContext context{StorePaths(dir.path() + QStringLiteral("/store")), secrets, clock,
                             KdfPolicy::cheapForTests(), KdfPolicy::cheapForTests().floor};

    MainWindow window(context);
    window.resize(m_size);
    window.move(0, 0);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;

    SetupWizard* wizard = window.setupWizard();
    shot(window, QStringLiteral("setup-welcome"));
    wizard->next();
    AdministratorPage* admin = wizard->administratorPage();
    QTest::keyClicks(admin->loginEdit(), QStringLiteral("amorgan"));
    QTest::keyClicks(admin->displayNameEdit(), QStringLiteral("Alex Morgan"));
    QTest::keyClicks(admin->passphraseEntry().passphraseEdit(), AdminPassphrase);
    QTest::keyClicks(admin->passphraseEntry().confirmationEdit(), AdminPassphrase);
    shot(window, QStringLiteral("setup-administrator"));
    admin->deviceBindingCheck()->setChecked(false);
    shot(window, QStringLiteral("setup-administrator-unbound"));
    admin->deviceBindingCheck()->setChecked(true);

    wizard->button(QWizard::CommitButton)->click();
    // At once, before the worker's result is delivered: the cheap test KDF finishes in moments.
    save(window.grab().toImage(), QStringLiteral("setup-creating"));
    if (!waitFor([&] { return wizard->currentId() == SetupWizard::RecoveryKeyId; })) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(admin->errorLabel()->text()));
        return false;
    }
    shot(window, QStringLiteral("setup-recovery-key"));
    RecoveryKeyPage* keyPage = wizard->recoveryKeyPage();
    wizard->next();
    ConfirmRecoveryKeyPage* confirm = wizard->confirmPage();
    QTest::keyClicks(confirm->groupEdit(0), keyPage->displayedGroup(confirm->askedGroups()[0]));
    QTest::keyClicks(confirm->groupEdit(1), keyPage->displayedGroup(confirm->askedGroups()[1]).left(2));
    shot(window, QStringLiteral("setup-confirm"));
    QTest::keyClicks(confirm->groupEdit(1), keyPage->displayedGroup(confirm->askedGroups()[1]).mid(2));
    wizard->button(QWizard::FinishButton)->click();
    settle();

    Session* session = window.session();
    if (!session) {
        std::fprintf(stderr, "setup did not sign in\n");
        return false;
    }
    struct Person {
        const char* login;
        const char* name;
        Role role;
    };
    const Person people[] = {{"pshah", "Priya Shah", Role::Chair},
                             {"tellis", "Tom Ellis", Role::Coordinator},
                             {"jbrennan", "Jo Brennan", Role::Member},
                             {"okowalski", "Ola Kowalski", Role::Member},
                             {"dpatel", "Dev Patel", Role::Chair}};
    qint64 leaverId = 0;
    for (const Person& person : people) {
        clock.advanceSeconds(97);
        AccountService::NewUser request;
        request.login = QString::fromLatin1(person.login);
        request.displayName = QString::fromLatin1(person.name);
        request.role = person.role;
        request.initialPassphrase = QStringLiteral("seven orange kites drifting");
        auto added = session->accounts().addUser(request);
        if (!added.ok()) {
            std::fprintf(stderr, "adding a user failed: %s\n", qPrintable(added.error().message));
            return false;
        }
        leaverId = added->id;
    }
    clock.advanceSeconds(240);
    (void)session->accounts().setDisabled(leaverId, true);
    clock.advanceSeconds(60);

    Workspace* workspace = window.workspace();
    workspace->showSection(Workspace::Section::Overview);
    shot(window, QStringLiteral("overview"));

    workspace->showSection(Workspace::Section::Accounts);
    workspace->accountsPage()->table()->selectRow(1);
    shot(window, QStringLiteral("accounts"));
    workspace->accountsPage()->addButton()->click();
    if (auto* dialog = window.findChild<AddUserDialog*>()) {
        QTest::keyClicks(dialog->loginEdit(), QStringLiteral("rkhan"));
        QTest::keyClicks(dialog->displayNameEdit(), QStringLiteral("Rafi Khan"));
        QTest::keyClicks(dialog->passphraseEntry().passphraseEdit(), QStringLiteral("river stones"));
        shotWithDialog(window, dialog, QStringLiteral("add-user"));
        dialog->reject();
    }

    workspace->showSection(Workspace::Section::AuditTrail);
    shot(window, QStringLiteral("audit-trail"));

    workspace->showSection(Workspace::Section::Overview);
    workspace->openSettings();
    if (auto* dialog = window.findChild<SettingsDialog*>()) {
        shotWithDialog(window, dialog, QStringLiteral("settings"));
        dialog->reject();
    }
    workspace->openChangePassphrase();
    if (auto* dialog = window.findChild<ChangePassphraseDialog*>()) {
        QTest::keyClicks(dialog->currentEdit(), AdminPassphrase);
        QTest::keyClicks(dialog->passphraseEntry().passphraseEdit(),
                         QStringLiteral("granite meadow whistles"));
        shotWithDialog(window, dialog, QStringLiteral("change-passphrase"));
        dialog->reject();
    }
    settle();

    window.lock();
    shot(window, QStringLiteral("unlock"));
    UnlockScreen* unlock = window.unlockScreen();
    QTest::keyClicks(unlock->passphraseEdit(), QStringLiteral("quiet harbour"));
    unlock->unlockButton()->click();
    shot(window, QStringLiteral("unlock-error"));
    return runUnbound();
}

// A second store, created without the keychain, to show the overview's warning.
bool Tour::runUnbound()
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock(QDateTime(QDate(2026, 3, 9), QTime(9, 40), Qt::UTC));
    const AppContext context{StorePaths(dir.path() + QStringLiteral("/store")), secrets, clock,
                             KdfPolicy::cheapForTests(), KdfPolicy::cheapForTests().floor};
    StoreOpener::SetupRequest request;
    request.adminLogin = QStringLiteral("amorgan");
    request.adminDisplayName = QStringLiteral("Alex Morgan");
    request.passphrase = AdminPassphrase;
    request.bindToDevice = false;
    request.kdf = context.fixedKdf;
    if (auto created = context.makeOpener().create(request); !created.ok()) {
        std::fprintf(stderr, "creating the unbound store failed: %s\n", qPrintable(created.error().message));
        return false;
    }

    MainWindow window(context);
    window.resize(m_size);
    window.move(0, 0);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QTest::keyClicks(window.unlockScreen()->passphraseEdit(), AdminPassphrase);
    window.unlockScreen()->unlockButton()->click();
    if (!window.workspace())
        return false;
    shot(window, QStringLiteral("overview-unbound"));
    return true;
}

} // namespace
} // namespace confer

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    confer::AppStyle::apply(app);
    // A typical desktop text size, so the pictures match what a council laptop shows.
    QFont font = QApplication::font();
    font.setPointSize(10);
    QApplication::setFont(font);

    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(output);
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        confer::Tour tour(output, size);
        if (!tour.run())
            return 1;
    }
    std::printf("screenshots written to %s\n", qPrintable(output));
    return 0;
}
