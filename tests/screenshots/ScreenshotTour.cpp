// Renders Confer's main screens to <output>/<screen>-<width>x<height>.png. A throw-away store under
// $TMPDIR with cheap KDF parameters, an in-memory device secret and a hand-moved clock, so the
// pictures are the same on every run. Usage: confer_screenshots <output directory>
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "accounts/AccountService.h"
#include "accounts/AccountsModel.h"
#include "accounts/AccountsPage.h"
#include "accounts/AddUserDialog.h"
#include "accounts/ChangePassphraseDialog.h"
#include "accounts/SetPassphraseDialog.h"
#include "casefile/ActionsTab.h"
#include "casefile/CaseStageTab.h"
#include "casefile/CaseView.h"
#include "casefile/ChronologyTab.h"
#include "casefile/ConsentTab.h"
#include "casefile/NewCaseDialog.h"
#include "casefile/NotesTab.h"
#include "casefile/SubjectForm.h"
#include "caseload/Caseload.h"
#include "caseload/CaseloadModel.h"
#include "caseload/CaseloadPage.h"
#include "caseload/DashboardPage.h"
#include "common/Clock.h"
#include "demo/DemoPartnership.h"
#include "meetings/MeetingPlanner.h"
#include "meetings/MeetingRoomView.h"
#include "meetings/Meetings.h"
#include "meetings/MeetingsModel.h"
#include "meetings/MeetingsPage.h"
#include "meetings/StandardStageGates.h"
#include "partnership/AgenciesPage.h"
#include "partnership/AgencyDialog.h"
#include "partnership/NewPanelDialog.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelMembersDialog.h"
#include "partnership/PanelsPage.h"
#include "platform/InactivityTimer.h"
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
#include "support/FindChild.h"
#include "unlock/UnlockScreen.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <cstdio>

namespace confer {
namespace {

using test::child;
using test::modelOf;

const QString AdminPassphrase = QStringLiteral("quiet harbour under amber light");
// The tour's own: the product prints a new one each run of `confer demo --with-demo-accounts`.
const QString TourDemoPassphrase = QStringLiteral("screenshot tour demo accounts only");

// The shipped panel kinds, loaded once; main() refuses to run when they do not load.
const PanelKindRegistry* shippedKinds()
{
    static const auto loaded = PanelKindRegistry::load(standardStageGates());
    return loaded.ok() ? &loaded.value() : nullptr;
}

class Tour final {
public:
    Tour(QString outputDirectory, QSize size)
        : m_output(std::move(outputDirectory))
        , m_size(size)
    {}

    bool run();
    bool runCaseFiles(); // a case of each kind on a demo store, its tabs, the new case dialog
    bool runCaseload();  // dashboard, caseload, actions, meetings, panels and agencies on a demo store
    // The meetings list, a planned meeting's planner and the room of a meeting held today, as the chair.
    bool shootMeetings(QWidget& window, Workspace& workspace);
    // A meeting of panelId today, opened, with people arrived and signed (all but the demo coordinator).
    std::optional<MeetingId> holdMeetingToday(Workspace& workspace, PanelId panelId);

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
    const AppContext context{StorePaths(dir.path() + QStringLiteral("/store")),
                             secrets,
                             clock,
                             *shippedKinds(),
                             KdfPolicy::cheapForTests(),
                             KdfPolicy::cheapForTests().floor};

    MainWindow window(context);
    window.resize(m_size);
    window.move(0, 0);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;

    SetupWizard* wizard = window.setupWizard();
    shot(window, QStringLiteral("setup-welcome"));
    wizard->next();
    AdministratorPage* admin = child<AdministratorPage>(wizard, QStringLiteral("administratorPage"));
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("adminLogin")), QStringLiteral("amorgan"));
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("adminDisplayName")),
                     QStringLiteral("Alex Morgan"));
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("newPassphrase")), AdminPassphrase);
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("confirmPassphrase")), AdminPassphrase);
    shot(window, QStringLiteral("setup-administrator"));
    child<QCheckBox>(admin, QStringLiteral("bindToDevice"))->setChecked(false);
    shot(window, QStringLiteral("setup-administrator-unbound"));
    child<QCheckBox>(admin, QStringLiteral("bindToDevice"))->setChecked(true);

    wizard->button(QWizard::CommitButton)->click();
    // At once, before the worker's result is delivered: the cheap test KDF finishes in moments.
    save(window.grab().toImage(), QStringLiteral("setup-creating"));
    if (!waitFor([&] { return wizard->currentId() == SetupWizard::RecoveryKeyId; })) {
        std::fprintf(stderr, "setup failed: %s\n",
                     qPrintable(child<QLabel>(admin, QStringLiteral("setupError"))->text()));
        return false;
    }
    shot(window, QStringLiteral("setup-recovery-key"));
    RecoveryKeyPage* keyPage = child<RecoveryKeyPage>(wizard, QStringLiteral("recoveryKeyPage"));
    wizard->next();
    ConfirmRecoveryKeyPage* confirm =
        child<ConfirmRecoveryKeyPage>(wizard, QStringLiteral("confirmRecoveryKeyPage"));
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
    UserId leaverId;
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
    // The clock moved to spread the audit trail's times, not because anyone went idle: on a busy
    // machine the auto-lock would otherwise notice those minutes during the next shot and lock.
    window.inactivityTimer().start();

    Workspace* workspace = window.workspace();
    workspace->showSection(Workspace::Section::Overview);
    shot(window, QStringLiteral("overview"));

    workspace->showSection(Workspace::Section::Accounts);
    AccountsPage* accounts = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    child<QTableView>(accounts, QStringLiteral("accountsTable"))->selectRow(1);
    shot(window, QStringLiteral("accounts"));
    child<QPushButton>(accounts, QStringLiteral("addUserButton"))->click();
    if (auto* dialog = window.findChild<AddUserDialog*>()) {
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserLogin")), QStringLiteral("rkhan"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserDisplayName")),
                         QStringLiteral("Rafi Khan"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")),
                         QStringLiteral("river stones"));
        shotWithDialog(window, dialog, QStringLiteral("add-user"));
        dialog->reject();
    }
    settle();
    // The same form refused by the core (the login is taken): its sentence under the form.
    child<QPushButton>(accounts, QStringLiteral("addUserButton"))->click();
    if (auto* dialog = window.findChild<AddUserDialog*>()) {
        const QString passphrase = QStringLiteral("seven orange kites drifting");
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserLogin")), QStringLiteral("tellis"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserDisplayName")),
                         QStringLiteral("Tom Ellis"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")), passphrase);
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), passphrase);
        test::okButton(dialog)->click();
        shotWithDialog(window, dialog, QStringLiteral("add-user-refused"));
        dialog->reject();
    }

    workspace->showSection(Workspace::Section::Accounts);
    const AccountsModel* accountList = modelOf<AccountsModel>(accounts, QStringLiteral("accountsTable"));
    for (int row = 0; row < accountList->rowCount(); ++row) {
        if (accountList->userAt(row)->login == QLatin1String("tellis"))
            child<QTableView>(accounts, QStringLiteral("accountsTable"))->selectRow(row);
    }
    child<QPushButton>(accounts, QStringLiteral("resetPassphraseButton"))->click();
    if (auto* dialog = window.findChild<SetPassphraseDialog*>()) {
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")),
                         QStringLiteral("copper lantern evenings"));
        if (auto* mayBeKnown = dialog->findChild<QCheckBox*>(QStringLiteral("mayBeKnownCheck")))
            mayBeKnown->setChecked(true);
        shotWithDialog(window, dialog, QStringLiteral("reset-passphrase"));
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
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("currentPassphrase")), AdminPassphrase);
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")),
                         QStringLiteral("granite meadow whistles"));
        shotWithDialog(window, dialog, QStringLiteral("change-passphrase"));
        dialog->reject();
    }
    settle();

    window.lock();
    shot(window, QStringLiteral("unlock"));
    UnlockScreen* unlock = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
    QTest::keyClicks(unlock->passphraseEdit(), QStringLiteral("quiet harbour"));
    child<QPushButton>(unlock, QStringLiteral("unlockButton"))->click();
    shot(window, QStringLiteral("unlock-error"));
    return runUnbound();
}

// A second store, created without the keychain, to show the overview's warning.
bool Tour::runUnbound()
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock(QDateTime(QDate(2026, 3, 9), QTime(9, 40), Qt::UTC));
    const AppContext context{StorePaths(dir.path() + QStringLiteral("/store")),
                             secrets,
                             clock,
                             *shippedKinds(),
                             KdfPolicy::cheapForTests(),
                             KdfPolicy::cheapForTests().floor};
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
    UnlockScreen* unlock = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
    QTest::keyClicks(unlock->passphraseEdit(), AdminPassphrase);
    child<QPushButton>(unlock, QStringLiteral("unlockButton"))->click();
    if (!window.workspace())
        return false;
    shot(window, QStringLiteral("overview-unbound"));
    return true;
}

// The case file on a demo store: a case of each kind, the notes, actions and chronology of the
// busiest, the stage and consent of the Channel case, and the new case dialog.
bool Tour::runCaseFiles()
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock(QDateTime(QDate(2026, 3, 9), QTime(10, 5), Qt::UTC));
    auto kinds = PanelKindRegistry::load(standardStageGates());
    if (!kinds.ok()) {
        std::fprintf(stderr, "panel kinds: %s\n", qPrintable(kinds.error().message));
        return false;
    }
    const AppContext context{StorePaths(dir.path() + QStringLiteral("/store")),
                             secrets,
                             clock,
                             *kinds,
                             KdfPolicy::cheapForTests(),
                             KdfPolicy::cheapForTests().floor};
    {
        StoreOpener::SetupRequest request;
        request.adminLogin = QStringLiteral("amorgan");
        request.adminDisplayName = QStringLiteral("Alex Morgan");
        request.passphrase = AdminPassphrase;
        request.kdf = context.fixedKdf;
        auto created = context.makeOpener().create(request);
        if (!created.ok()) {
            std::fprintf(stderr, "creating the demo store failed: %s\n", qPrintable(created.error().message));
            return false;
        }
        Session& session = *created->session;
        DemoPartnership::Options options;
        options.cases = 160;
        auto filled = DemoPartnership::fill(session, *kinds, options);
        if (!filled.ok()) {
            std::fprintf(stderr, "demo fill failed: %s\n", qPrintable(filled.error().message));
            return false;
        }
        // The person touring works for the council, so a new note offers the council as its agency.
        AgencyService agencies(session);
        if (auto all = agencies.agencies(); all.ok() && !all->empty())
            (void)agencies.setUserAgency(session.currentUser().id, all->front().id);
    }

    MainWindow window(context);
    window.resize(m_size);
    window.move(0, 0);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    UnlockScreen* unlock = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
    QTest::keyClicks(unlock->passphraseEdit(), AdminPassphrase);
    child<QPushButton>(unlock, QStringLiteral("unlockButton"))->click();
    Workspace* workspace = window.workspace();
    if (!workspace)
        return false;
    Caseload& caseload = workspace->caseload();

    // Per kind, the case with the most going on (notes, actions; opinions and corrections count
    // more, being what the case file must show clearly), at a given stage if asked.
    auto busiestCase = [&](const QString& kindKey, const QString& stage = {}) -> std::optional<CaseId> {
        auto panels = caseload.panels.panels();
        if (!panels.ok())
            return std::nullopt;
        std::optional<CaseId> best;
        int bestScore = -1;
        for (const Panel& panel : *panels) {
            if (panel.kindKey != kindKey)
                continue;
            CaseloadQuery::Filter filter;
            filter.panelId = panel.id;
            filter.stage = stage;
            auto cases = caseload.query.page(filter, {}, 0, 40);
            if (!cases.ok())
                continue;
            for (const CaseSummary& summary : *cases) {
                auto notes = caseload.notes.latestVersions(summary.id);
                auto actions = caseload.actions.forCase(summary.id);
                int score = (notes.ok() ? int(notes->size()) : 0) + (actions.ok() ? int(actions->size()) : 0);
                for (const Note& note : notes.ok() ? *notes : std::vector<Note>())
                    score += (note.isOpinion ? 3 : 0) + (note.version > 1 ? 3 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = summary.id;
                }
            }
        }
        return best;
    };
    auto showCase = [&](CaseId caseId) -> CaseView* {
        workspace->showSection(Workspace::Section::Caseload);
        workspace->openCase(caseId);
        // The case shown; one closed a moment ago waits, hidden, for its deferred deletion.
        for (CaseView* view : workspace->findChildren<CaseView*>()) {
            if (view->isVisible())
                return view;
        }
        return static_cast<CaseView*>(nullptr);
    };
    auto showTab = [](CaseView* view, const QString& tabName) {
        child<QTabWidget>(view, QStringLiteral("caseTabs"))->setCurrentWidget(child<QWidget>(view, tabName));
    };

    for (const char* key : {"maps", "iom", "meam", "channel"}) {
        const QString kindKey = QString::fromLatin1(key);
        // Channel at exit shows consent given and the reviews scheduled 6 and 12 months on.
        const auto exited =
            kindKey == QLatin1String("channel") ? busiestCase(kindKey, QStringLiteral("exit")) : std::nullopt;
        const auto shown = exited ? exited : busiestCase(kindKey);
        CaseView* view = shown ? showCase(*shown) : nullptr;
        if (!view || !view->isOpen()) {
            std::fprintf(stderr, "no %s case to show\n", key);
            return false;
        }
        shot(window, QStringLiteral("case-%1").arg(kindKey));
        if (kindKey == QLatin1String("maps")) {
            showTab(view, QStringLiteral("notesTab"));
            shot(window, QStringLiteral("case-notes"));
            showTab(view, QStringLiteral("actionsTab"));
            shot(window, QStringLiteral("case-actions"));
            showTab(view, QStringLiteral("chronologyTab"));
            shot(window, QStringLiteral("case-chronology"));
        }
        if (kindKey == QLatin1String("channel")) {
            showTab(view, QStringLiteral("caseStageTab"));
            shot(window, QStringLiteral("case-channel-stage"));
            showTab(view, QStringLiteral("consentTab"));
            shot(window, QStringLiteral("case-channel-consent"));
            // A case adopted without consent yet: the move into support is shown blocked.
            if (const auto adopted = busiestCase(kindKey, QStringLiteral("adopted"))) {
                if (CaseView* blocked = showCase(*adopted)) {
                    showTab(blocked, QStringLiteral("caseStageTab"));
                    shot(window, QStringLiteral("case-channel-adopted-stage"));
                }
            }
        }
    }

    workspace->closeCase();
    workspace->showSection(Workspace::Section::Caseload);
    auto* dialog = new NewCaseDialog(caseload, &window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("subjectName")), QStringLiteral("Jordan Smith"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newCaseReferrer")),
                     QStringLiteral("PCSO Lee, Peterlee neighbourhood team"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, QStringLiteral("newCaseReferralReason")),
                     QStringLiteral("Repeated reports of ASB at the shops"));
    shotWithDialog(window, dialog, QStringLiteral("new-case"));
    dialog->reject();
    settle();
    return true;
}

// The caseload on a demo store of about 300 cases, signed in as a chair who sits on three panels and
// works for the police: the dashboard, the caseload plain and filtered, and the agency's actions.
// Then, as the administrator, the panels with their dialogs and the agency directory.
bool Tour::runCaseload()
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock(QDateTime(QDate(2026, 3, 9), QTime(9, 30), Qt::UTC));
    const AppContext context{StorePaths(dir.path() + QStringLiteral("/store")),
                             secrets,
                             clock,
                             *shippedKinds(),
                             KdfPolicy::cheapForTests(),
                             KdfPolicy::cheapForTests().floor};
    {
        StoreOpener::SetupRequest request;
        request.adminLogin = QStringLiteral("amorgan");
        request.adminDisplayName = QStringLiteral("Alex Morgan");
        request.passphrase = AdminPassphrase;
        request.kdf = context.fixedKdf;
        auto created = context.makeOpener().create(request);
        if (!created.ok()) {
            std::fprintf(stderr, "creating the demo store failed: %s\n", qPrintable(created.error().message));
            return false;
        }
        DemoPartnership::Options options;
        options.cases = 300;
        options.accountPassphrase = TourDemoPassphrase;
        if (auto filled = DemoPartnership::fill(*created->session, *shippedKinds(), options); !filled.ok()) {
            std::fprintf(stderr, "demo fill failed: %s\n", qPrintable(filled.error().message));
            return false;
        }
    }

    MainWindow window(context);
    window.resize(m_size);
    window.move(0, 0);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    auto signIn = [&](const QString& login, const QString& passphrase) -> Workspace* {
        UnlockScreen* unlock = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
        child<QComboBox>(unlock, QStringLiteral("unlockLogin"))
            ->setCurrentIndex(child<QComboBox>(unlock, QStringLiteral("unlockLogin"))->findText(login));
        QTest::keyClicks(unlock->passphraseEdit(), passphrase);
        child<QPushButton>(unlock, QStringLiteral("unlockButton"))->click();
        settle();
        return window.workspace();
    };

    Workspace* workspace = signIn(QStringLiteral("demo.dnicholson"), TourDemoPassphrase);
    if (!workspace || !workspace->hasSection(Workspace::Section::MyActions)) {
        std::fprintf(stderr, "the demo chair could not sign in or has no agency\n");
        return false;
    }
    workspace->showSection(Workspace::Section::Dashboard);
    shot(window, QStringLiteral("dashboard"));

    workspace->showSection(Workspace::Section::Caseload);
    CaseloadPage* caseloadPage = child<CaseloadPage>(workspace, QStringLiteral("caseloadPage"));
    caseloadPage->table()->setFocus();
    caseloadPage->table()->selectRow(3);
    shot(window, QStringLiteral("caseload"));

    // A name typed into the filter: the surname of a subject part-way down the list.
    const CaseloadModel* cases = modelOf<CaseloadModel>(caseloadPage, QStringLiteral("caseloadTable"));
    const QString subject =
        cases->index(cases->rowCount() / 2, CaseloadModel::SubjectColumn).data().toString();
    child<QLineEdit>(caseloadPage, QStringLiteral("caseloadFilter"))->setFocus();
    QTest::keyClicks(child<QLineEdit>(caseloadPage, QStringLiteral("caseloadFilter")),
                     subject.section(QLatin1Char(' '), -1).left(4));
    caseloadPage->applyPendingFilter();
    shot(window, QStringLiteral("caseload-search"));

    child<QLineEdit>(caseloadPage, QStringLiteral("caseloadFilter"))->clear();
    child<QComboBox>(caseloadPage, QStringLiteral("caseloadPanelFilter"))
        ->setCurrentIndex(child<QComboBox>(caseloadPage, QStringLiteral("caseloadPanelFilter"))
                              ->findText(QStringLiteral("County Durham IOM")));
    child<QCheckBox>(caseloadPage, QStringLiteral("caseloadOverdueOnly"))->setChecked(true);
    caseloadPage->applyPendingFilter();
    caseloadPage->table()->setFocus();
    shot(window, QStringLiteral("caseload-filtered"));

    workspace->showSection(Workspace::Section::MyActions);
    shot(window, QStringLiteral("my-actions"));
    if (!shootMeetings(window, *workspace))
        return false;

    window.lock();
    settle();
    workspace = signIn(QStringLiteral("amorgan"), AdminPassphrase);
    if (!workspace || !workspace->findChild<PanelsPage*>()) {
        std::fprintf(stderr, "the administrator could not sign in\n");
        return false;
    }
    workspace->showSection(Workspace::Section::Panels);
    PanelsPage* panels = child<PanelsPage>(workspace, QStringLiteral("panelsPage"));
    child<QTableView>(panels, QStringLiteral("panelsTable"))->selectRow(1);
    shot(window, QStringLiteral("panels"));
    panels->openNewPanel();
    if (auto* dialog = window.findChild<NewPanelDialog*>()) {
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPanelName")),
                         QStringLiteral("Seaham MAPS"));
        child<QComboBox>(dialog, QStringLiteral("newPanelKind"))
            ->setCurrentIndex(
                child<QComboBox>(dialog, QStringLiteral("newPanelKind"))->findData(QStringLiteral("maps")));
        child<QComboBox>(dialog, QStringLiteral("newPanelChair"))->setCurrentIndex(2);
        shotWithDialog(window, dialog, QStringLiteral("new-panel"));
        dialog->reject();
    }
    settle();
    panels->openMembers();
    if (auto* dialog = window.findChild<PanelMembersDialog*>()) {
        child<QListWidget>(dialog, QStringLiteral("panelMemberList"))->setCurrentRow(1);
        shotWithDialog(window, dialog, QStringLiteral("panel-members"));
        dialog->reject();
    }
    settle();

    workspace->showSection(Workspace::Section::Agencies);
    AgenciesPage* agencies = child<AgenciesPage>(workspace, QStringLiteral("agenciesPage"));
    child<QTableView>(agencies, QStringLiteral("agenciesTable"))->selectRow(0);
    shot(window, QStringLiteral("agencies"));
    agencies->openEditAgency();
    if (auto* dialog = window.findChild<AgencyDialog*>()) {
        shotWithDialog(window, dialog, QStringLiteral("agency-edit"));
        dialog->reject();
    }
    settle();
    window.lock();
    return true;
}

bool Tour::shootMeetings(QWidget& window, Workspace& workspace)
{
    workspace.showSection(Workspace::Section::Meetings);
    MeetingsPage* page = child<MeetingsPage>(&workspace, QStringLiteral("meetingsPage"));
    const MeetingsModel* model = modelOf<MeetingsModel>(page, QStringLiteral("meetingsTable"));
    int planned = -1;
    for (int row = 0; row < model->rowCount() && planned < 0; ++row) {
        const MeetingListRow* meeting = model->meetingAt(row);
        if (meeting->summary.status == MeetingStatus::Planned &&
            workspace.meetings().access.mayLead(meeting->summary.panelId))
            planned = row;
    }
    if (planned < 0) {
        std::fprintf(stderr, "the demo chair leads no planned meeting\n");
        return false;
    }
    const MeetingSummary next = model->meetingAt(planned)->summary;
    child<QTableView>(page, QStringLiteral("meetingsTable"))->selectRow(planned);
    shot(window, QStringLiteral("meetings"));

    workspace.openMeetingPlanner(next.id);
    MeetingPlanner* planner = child<MeetingPlanner>(&workspace, QStringLiteral("meetingPlanner"));
    child<QListWidget>(planner, QStringLiteral("plannerAgenda"))->setCurrentRow(0);
    child<QListWidget>(planner, QStringLiteral("offeredCases"))->setCurrentRow(0);
    shot(window, QStringLiteral("meeting-planner"));
    workspace.closeCase();

    const auto today = holdMeetingToday(workspace, next.panelId);
    if (!today)
        return false;
    workspace.openMeetingRoom(*today);
    MeetingRoomView* room = child<MeetingRoomView>(&workspace, QStringLiteral("meetingRoom"));
    child<QTableWidget>(room, QStringLiteral("attendanceTable"))->selectRow(0);
    // The declaration gate at work: someone present has not signed, and the chair is offered a way on.
    child<QListWidget>(room, QStringLiteral("roomAgenda"))->setCurrentRow(0);
    if (auto* open = child<QPushButton>(room, QStringLiteral("openItemButton")); open->isEnabled())
        open->click();
    shot(window, QStringLiteral("meeting-room"));
    workspace.closeCase();
    return true;
}

std::optional<MeetingId> Tour::holdMeetingToday(Workspace& workspace, PanelId panelId)
{
    Meetings& meetings = workspace.meetings();
    MeetingService::Details details;
    details.panelId = panelId;
    details.date = workspace.caseload().session.clock().today();
    details.startsAt = QTime(10, 0);
    details.endsAt = QTime(12, 0);
    details.place = QStringLiteral("Committee Room 2, County Hall");
    details.videoLink = QStringLiteral("https://video.example.gov.uk/panel");
    auto meeting = meetings.meetings.plan(details);
    if (!meeting.ok()) {
        std::fprintf(stderr, "the tour could not plan a meeting: %s\n", qPrintable(meeting.error().message));
        return std::nullopt;
    }
    if (auto offered = meetings.agenda.suggestions(meeting->id); offered.ok()) {
        for (std::size_t i = 0; i < offered->size() && i < 3; ++i)
            (void)meetings.agenda.addCase(meeting->id, (*offered)[i].caseId, int(15 + 5 * i));
    }
    (void)meetings.agenda.addBusiness(meeting->id, QStringLiteral("Any other business"), 10);
    (void)meetings.meetings.open(meeting->id);
    auto attendees = meetings.attendance.attendees(meeting->id);
    if (!attendees.ok())
        return std::nullopt;
    // Everyone comes but the last, who sends apologies; one joins by video and agrees aloud.
    for (std::size_t i = 0; i < attendees->size(); ++i) {
        const Attendee& who = (*attendees)[i];
        const AttendeeDetails confirmed{who.name, who.agencyName, who.role};
        if (i + 1 == attendees->size()) {
            (void)meetings.attendance.sendApologies(who.id, true);
            continue;
        }
        (void)meetings.attendance.arrive(who.id);
        if (i == 1) {
            (void)meetings.attendance.setRemote(who.id, true);
            (void)meetings.declarations.recordSpokenAgreement(who.id, confirmed);
        } else {
            // Should one be refused, the tour goes on: the room then shows the gate at work.
            (void)meetings.declarations.signTypedAndWitnessed(who.id, confirmed, who.name);
        }
    }
    return meeting->id;
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
    if (!confer::shippedKinds()) {
        std::fprintf(stderr, "the shipped panel kinds do not load\n");
        return 1;
    }
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        confer::Tour tour(output, size);
        if (!tour.run())
            return 1;
        if (!tour.runCaseFiles())
            return 1;
        if (!tour.runCaseload())
            return 1;
    }
    std::printf("screenshots written to %s\n", qPrintable(output));
    return 0;
}
