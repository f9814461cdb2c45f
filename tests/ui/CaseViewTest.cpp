// The case file driven the way a coordinator drives it: real clicks and key presses on the new case
// dialog, the stage buttons, the consent, note and action dialogs, checked through the services and
// the chronology. And need-to-know: someone not on the panel sees the refusal and no case data.
#include "casefile/CaseView.h"

#include "ShellTestSupport.h"
#include "accounts/AccountService.h"
#include "casefile/ActionDialog.h"
#include "casefile/ActionsTab.h"
#include "casefile/CaseBadge.h"
#include "casefile/CaseDetailsTab.h"
#include "casefile/CaseHeader.h"
#include "casefile/CaseStageTab.h"
#include "casefile/CaseText.h"
#include "casefile/ChronologyTab.h"
#include "casefile/ConsentDialog.h"
#include "casefile/ConsentTab.h"
#include "casefile/CorrectNoteDialog.h"
#include "casefile/KindFieldForm.h"
#include "casefile/NewCaseDialog.h"
#include "casefile/NoteCard.h"
#include "casefile/NoteDialog.h"
#include "casefile/NoteHistoryDialog.h"
#include "casefile/NotesTab.h"
#include "casefile/OptionalDateEdit.h"
#include "casefile/RecordValueDialog.h"
#include "casefile/StageMoveDialog.h"
#include "casefile/SubjectForm.h"
#include "casefile/UpdateActionDialog.h"
#include "caseload/Caseload.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "support/FindChild.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

#include <gtest/gtest.h>

#include <memory>

namespace confer::test {
namespace {

const QString CoordinatorLogin = QStringLiteral("casey");
const QString OutsiderLogin = QStringLiteral("olly");
const QString UserPassphrase = QStringLiteral("kettle harbour lamplight");

// Chooses an item of a combo box with the arrow keys, as someone tabbing through a form does.
void chooseWithKeys(QComboBox* box, const QString& text)
{
    ASSERT_NE(box, nullptr);
    const int index = box->findText(text);
    ASSERT_GE(index, 0) << "not offered: " << text.toStdString();
    box->setFocus();
    for (int presses = 0; box->currentIndex() != index && presses < 100; ++presses)
        QTest::keyClick(box, box->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    ASSERT_EQ(box->currentIndex(), index);
}

void replaceText(QPlainTextEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void settle()
{
    processDeferredDeletes();
    QCoreApplication::processEvents();
}

template <typename Dialog>
Dialog* openDialog(QWidget* root)
{
    settle();
    for (Dialog* dialog : root->findChildren<Dialog*>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

bool isControl(const QWidget* widget)
{
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QLineEdit*>(widget) ||
           qobject_cast<const QComboBox*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QPlainTextEdit*>(widget) ||
           (qobject_cast<const QAbstractItemView*>(widget) && !qobject_cast<const QHeaderView*>(widget));
}

// Visible, focusable controls without an accessible name (inner editors of spin and combo boxes are
// named through their owner).
QStringList unnamedControls(QWidget* root)
{
    QStringList unnamed;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!isControl(widget) || !widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) ||
            qobject_cast<QComboBox*>(widget->parentWidget()))
            continue;
        if (widget->accessibleName().isEmpty())
            unnamed << QStringLiteral("%1 '%2'").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                     widget->objectName());
    }
    return unnamed;
}

// Every label's text under root, to show that nothing of a case is on screen.
QString allLabelText(QWidget* root)
{
    QStringList texts;
    for (QLabel* label : root->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

// A store with two agencies, a MAPS panel and a Channel panel; the coordinator "casey" (police) is a
// member of both, "olly" of neither. After SetUp casey is signed in and a host window is shown.
class CaseViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        Session& admin = store.session();
        auto addUser = [&](const QString& login, const QString& name) {
            auto added = admin.accounts().addUser({login, name, Role::Coordinator, UserPassphrase});
            EXPECT_TRUE(added.ok()) << added.error().message.toStdString();
            return added.ok() ? added->id : decltype(added->id){};
        };
        coordinatorId = addUser(CoordinatorLogin, QStringLiteral("Casey Morgan"));
        addUser(OutsiderLogin, QStringLiteral("Olly Outsider"));

        Caseload setup(admin, shippedPanelKinds());
        auto addAgency = [&](const QString& name) {
            Agency agency;
            agency.name = name;
            agency.kind = Agency::Kind::ResponsibleAuthority;
            auto added = setup.agencies.add(agency);
            EXPECT_TRUE(added.ok()) << added.error().message.toStdString();
            return added.ok() ? added->id : decltype(added->id){};
        };
        policeId = addAgency(QStringLiteral("Durham Constabulary"));
        councilId = addAgency(QStringLiteral("Durham County Council"));
        ASSERT_TRUE(setup.agencies.setUserAgency(coordinatorId, policeId).ok());
        auto addPanel = [&](const QString& name, const QString& kind) {
            auto panel = setup.panels.create(name, kind, coordinatorId);
            EXPECT_TRUE(panel.ok()) << panel.error().message.toStdString();
            if (!panel.ok())
                return PanelId();
            EXPECT_TRUE(setup.panels.addMember(panel->id, coordinatorId).ok());
            return panel->id;
        };
        mapsPanelId = addPanel(QStringLiteral("Easington MAPS"), QStringLiteral("maps"));
        channelPanelId = addPanel(QStringLiteral("County Durham Channel Panel"), QStringLiteral("channel"));
        meamPanelId = addPanel(QStringLiteral("Durham MEAM"), QStringLiteral("meam"));
        addPanel(QStringLiteral("Spare IOM"), QStringLiteral("iom")); // casey is a member: listed
        auto notMine = setup.panels.create(QStringLiteral("Wear Valley MAPS"), QStringLiteral("maps"), {});
        ASSERT_TRUE(notMine.ok());

        signInAs(CoordinatorLogin);
        host = std::make_unique<QWidget>();
        host->setObjectName(QStringLiteral("host"));
        showActive(*host);
    }

    void TearDown() override
    {
        host.reset();
        caseload.reset();
    }

    void signInAs(const QString& login)
    {
        caseload.reset();
        store.sessionPtr().reset();
        opener = std::make_unique<StoreOpener>(store.opener());
        auto unlocked = opener->unlock(login, login == QLatin1String(TestSession::AdminLogin)
                                                  ? TestSession::adminPassphrase()
                                                  : UserPassphrase);
        ASSERT_TRUE(unlocked.ok()) << unlocked.error().message.toStdString();
        store.sessionPtr() = std::move(unlocked).value();
        caseload = std::make_unique<Caseload>(store.session(), shippedPanelKinds());
    }

    // A case made through the service, for tests about what comes after creation.
    CaseId createChannelCase()
    {
        CaseService::NewCase request;
        request.panelId = channelPanelId;
        request.subject.name = QStringLiteral("Riley Jones");
        request.subject.dateOfBirth = QDate(2010, 4, 2);
        request.referralDate = store.clock.nowUtc().date();
        request.referrer = QStringLiteral("Designated safeguarding lead");
        request.fields.insert(QStringLiteral("personAware"), true);
        auto created = caseload->cases.create(request);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? created->id : decltype(created->id){};
    }

    std::unique_ptr<CaseView> openView(CaseId caseId)
    {
        auto view = std::make_unique<CaseView>(*caseload, caseId, host.get());
        view->resize(1280, 760);
        view->show();
        settle();
        return view;
    }

    // Clicks the tab with this object name, as a person picks it.
    void showTab(CaseView& view, const QString& tabName)
    {
        auto* tab = child<QWidget>(&view, tabName);
        auto* tabs = child<QTabWidget>(&view, QStringLiteral("caseTabs"));
        QTabBar* bar = tabs->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(tab)).center());
        ASSERT_EQ(tabs->currentWidget(), tab);
    }

    void clickMove(CaseView& view, const QString& stage)
    {
        QPushButton* button = child<CaseStageTab>(&view, QStringLiteral("caseStageTab"))->moveButton(stage);
        ASSERT_NE(button, nullptr) << "no move to " << stage.toStdString();
        ASSERT_TRUE(button->isEnabled()) << "move to " << stage.toStdString() << " is blocked";
        QTest::mouseClick(button, Qt::LeftButton);
        settle();
    }

    QString storedStage(CaseId caseId)
    {
        auto record = caseload->cases.open(caseId);
        EXPECT_TRUE(record.ok());
        return record.ok() ? record->stage : QString();
    }

    std::vector<ChronologyEntry> timeline(CaseId caseId)
    {
        auto entries = caseload->chronology.timeline(caseId);
        EXPECT_TRUE(entries.ok());
        return entries.ok() ? *entries : std::vector<ChronologyEntry>();
    }

    static int count(const std::vector<ChronologyEntry>& entries, ChronologyEntry::Kind kind)
    {
        return int(std::count_if(entries.begin(), entries.end(),
                                 [kind](const ChronologyEntry& entry) { return entry.kind == kind; }));
    }

    TestSession store;
    std::unique_ptr<StoreOpener> opener;
    std::unique_ptr<Caseload> caseload;
    std::unique_ptr<QWidget> host;
    UserId coordinatorId;
    AgencyId policeId;
    AgencyId councilId;
    PanelId mapsPanelId;
    PanelId channelPanelId;
    PanelId meamPanelId;
};

TEST_F(CaseViewTest, MapsCase_CreatedMovedThroughItsStagesWithANoteAndAnAction_ByClicksAndKeys)
{
    // --- New case, filled in with keys and clicks.
    auto* dialog = new NewCaseDialog(*caseload, host.get());
    dialog->open();
    settle();
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("newCasePanel")),
                   QStringLiteral("Easington MAPS"));
    SubjectForm* subject = child<SubjectForm>(dialog);
    chooseWithKeys(child<QComboBox>(subject, QStringLiteral("subjectType")), QStringLiteral("Person"));
    QTest::keyClicks(child<QLineEdit>(subject, QStringLiteral("subjectName")),
                     QStringLiteral("Jordan Smith"));
    QTest::keyClicks(child<QLineEdit>(subject, QStringLiteral("subjectAliases")), QStringLiteral("JJ"));
    QTest::keyClicks(child<QLineEdit>(subject, QStringLiteral("subjectPostcode")), QStringLiteral("sr8 1ab"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newCaseReferrer")), QStringLiteral("PCSO Lee"));
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("newCaseReferringAgency")),
                   QStringLiteral("Durham Constabulary"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, QStringLiteral("newCaseReferralReason")),
                     QStringLiteral("Repeated ASB at the shops"));
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("newCaseLeadAgency")),
                   QStringLiteral("Durham County Council"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newCaseLeadProfessional")),
                     QStringLiteral("Sam Taylor"));
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("newCaseRisk")), riskDisplayName(Risk::Amber));
    const PanelKind* maps = shippedPanelKinds().kind(QStringLiteral("maps"));
    ASSERT_NE(maps, nullptr);
    const FieldDefinition* issueType = maps->field(QStringLiteral("issueType"));
    ASSERT_NE(issueType, nullptr);
    ASSERT_TRUE(issueType->isRequired);
    const FieldDefinition::Choice issue = issueType->choices.value(1);
    chooseWithKeys(qobject_cast<QComboBox*>(child<KindFieldForm>(dialog)->editor(issueType->key)),
                   issue.label);
    ASSERT_TRUE(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    ASSERT_EQ(dialog->result(), QDialog::Accepted) << shownError(dialog).toStdString();
    ASSERT_TRUE(dialog->createdCaseId());
    const CaseId caseId = *dialog->createdCaseId();
    delete dialog;

    auto stored = caseload->cases.open(caseId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->panelId, mapsPanelId);
    EXPECT_EQ(stored->subject.name, QStringLiteral("Jordan Smith"));
    EXPECT_EQ(stored->subject.aliases, QStringLiteral("JJ"));
    EXPECT_EQ(stored->subject.postcode, QStringLiteral("SR8 1AB"));
    EXPECT_EQ(stored->referrer, QStringLiteral("PCSO Lee"));
    EXPECT_EQ(stored->referringAgencyId, std::optional(policeId));
    EXPECT_EQ(stored->leadAgencyId, std::optional(councilId));
    EXPECT_EQ(stored->risk, Risk::Amber);
    EXPECT_EQ(stored->fields.value(issueType->key).toString(), issue.key);
    EXPECT_EQ(stored->stage, maps->initialStage);

    // --- The case view shows it.
    auto view = openView(caseId);
    ASSERT_TRUE(view->isOpen()) << shownError(view.get(), QStringLiteral("caseViewError")).toStdString();
    EXPECT_EQ(child<QLabel>(view.get(), QStringLiteral("caseReference"))->text(), stored->reference);
    EXPECT_EQ(child<QLabel>(view.get(), QStringLiteral("caseSubject"))->text(),
              QStringLiteral("Jordan Smith"));
    EXPECT_EQ(child<CaseBadge>(view.get(), QStringLiteral("riskBadge"))->look(), CaseBadge::Look::Warning);
    EXPECT_EQ(view->findChild<ConsentTab*>(), nullptr) << "MAPS does not use consent";
    EXPECT_EQ(unnamedControls(view.get()), QStringList());
    auto* stageTab = child<CaseStageTab>(view.get(), QStringLiteral("caseStageTab"));
    auto* notesTab = child<NotesTab>(view.get(), QStringLiteral("notesTab"));

    // --- Stage moves by clicking the buttons the kind offers.
    showTab(*view, QStringLiteral("caseStageTab"));
    EXPECT_EQ(stageTab->moveButton(QStringLiteral("active")), nullptr)
        << "only moves the definition allows from 'referred' are offered";
    clickMove(*view, QStringLiteral("accepted"));
    EXPECT_EQ(storedStage(caseId), QStringLiteral("accepted"));
    EXPECT_EQ(child<CaseBadge>(view.get(), QStringLiteral("stageBadge"))->text(),
              maps->stage(QStringLiteral("accepted"))->label);
    clickMove(*view, QStringLiteral("active"));
    EXPECT_EQ(storedStage(caseId), QStringLiteral("active"));

    // --- A note: professional opinion with its basis, the author's agency offered by default.
    showTab(*view, QStringLiteral("notesTab"));
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("addNoteButton")), Qt::LeftButton);
    QPointer<NoteDialog> note = openDialog<NoteDialog>(host.get());
    ASSERT_TRUE(note);
    EXPECT_EQ(AgencyId(child<QComboBox>(note, QStringLiteral("noteAgency"))->currentData().toLongLong()),
              policeId);
    QTest::mouseClick(child<QRadioButton>(note, QStringLiteral("noteOpinion")), Qt::LeftButton);
    ASSERT_TRUE(child<QRadioButton>(note, QStringLiteral("noteOpinion"))->isChecked());
    QTest::keyClicks(child<QPlainTextEdit>(note, QStringLiteral("noteText")),
                     QStringLiteral("Jordan is being drawn in by older youths."));
    EXPECT_FALSE(okButton(note)->isEnabled()) << "an opinion needs its basis";
    QTest::keyClicks(child<QLineEdit>(note, QStringLiteral("noteBasis")),
                     QStringLiteral("Home visit on 3 January"));
    ASSERT_TRUE(okButton(note)->isEnabled());
    QTest::mouseClick(okButton(note), Qt::LeftButton);
    settle();
    EXPECT_TRUE(!note || !note->isVisible()) << (note ? shownError(note).toStdString() : "");

    auto notes = caseload->notes.latestVersions(caseId);
    ASSERT_TRUE(notes.ok());
    ASSERT_EQ(notes->size(), 1u);
    const Note first = notes->front();
    EXPECT_TRUE(first.isOpinion);
    EXPECT_EQ(first.opinionBasis, QStringLiteral("Home visit on 3 January"));
    EXPECT_EQ(first.agencyId, policeId);
    EXPECT_EQ(first.authorUserId, coordinatorId);
    ASSERT_EQ(notesTab->cards().size(), 1);
    EXPECT_NE(notesTab->cards().first()->findChild<QLabel*>(QStringLiteral("noteBasis")), nullptr)
        << "an opinion shows its basis";

    // --- Correct it: a new version, and History shows both.
    QTest::mouseClick(notesTab->correctButton(first.id), Qt::LeftButton);
    QPointer<CorrectNoteDialog> correct = openDialog<CorrectNoteDialog>(host.get());
    ASSERT_TRUE(correct);
    replaceText(child<QPlainTextEdit>(correct, QStringLiteral("correctNoteText")),
                QStringLiteral("Jordan is being drawn in by older youths at the park."));
    EXPECT_FALSE(okButton(correct)->isEnabled()) << "a correction needs its reason";
    QTest::keyClicks(child<QLineEdit>(correct, QStringLiteral("correctNoteReason")),
                     QStringLiteral("Place left out"));
    QTest::mouseClick(okButton(correct), Qt::LeftButton);
    settle();
    EXPECT_TRUE(!correct || !correct->isVisible()) << (correct ? shownError(correct).toStdString() : "");
    notes = caseload->notes.latestVersions(caseId);
    ASSERT_TRUE(notes.ok());
    ASSERT_EQ(notes->size(), 1u);
    const Note second = notes->front();
    EXPECT_EQ(second.version, 2);
    EXPECT_EQ(second.body, QStringLiteral("Jordan is being drawn in by older youths at the park."));
    ASSERT_EQ(notesTab->cards().size(), 1);
    QTest::mouseClick(notesTab->historyButton(second.id), Qt::LeftButton);
    QPointer<NoteHistoryDialog> history = openDialog<NoteHistoryDialog>(host.get());
    ASSERT_TRUE(history);
    EXPECT_EQ(history->versionCount(), 2);
    QStringList bodies;
    for (NoteCard* card : history->findChildren<NoteCard*>())
        bodies << child<QLabel>(card, QStringLiteral("noteBody"))->text();
    EXPECT_EQ(bodies, (QStringList{first.body, second.body})) << "oldest first, the original kept";
    history->reject();
    settle();

    // --- An action, then an update on it.
    showTab(*view, QStringLiteral("actionsTab"));
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("addActionButton")), Qt::LeftButton);
    QPointer<ActionDialog> action = openDialog<ActionDialog>(host.get());
    ASSERT_TRUE(action);
    QTest::keyClicks(child<QPlainTextEdit>(action, QStringLiteral("actionDescription")),
                     QStringLiteral("Youth outreach to visit the park on Fridays"));
    EXPECT_FALSE(okButton(action)->isEnabled()) << "an action needs an owner agency";
    chooseWithKeys(child<QComboBox>(action, QStringLiteral("actionAgency")),
                   QStringLiteral("Durham County Council"));
    QTest::keyClicks(child<QLineEdit>(action, QStringLiteral("actionPerson")), QStringLiteral("Sam Taylor"));
    QTest::mouseClick(okButton(action), Qt::LeftButton);
    settle();
    EXPECT_TRUE(!action || !action->isVisible()) << (action ? shownError(action).toStdString() : "");
    auto actions = caseload->actions.forCase(caseId);
    ASSERT_TRUE(actions.ok());
    ASSERT_EQ(actions->size(), 1u);
    EXPECT_EQ(actions->front().ownerAgencyId, councilId);
    EXPECT_EQ(actions->front().ownerPerson, QStringLiteral("Sam Taylor"));
    EXPECT_EQ(actions->front().dueDate,
              std::optional<QDate>(store.clock.nowUtc().toLocalTime().date().addDays(14)));
    ASSERT_EQ(child<QTableWidget>(view.get(), QStringLiteral("actionsTable"))->rowCount(), 1);

    child<QTableWidget>(view.get(), QStringLiteral("actionsTable"))->selectRow(0);
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("updateActionButton")), Qt::LeftButton);
    QPointer<UpdateActionDialog> update = openDialog<UpdateActionDialog>(host.get());
    ASSERT_TRUE(update);
    chooseWithKeys(child<QComboBox>(update, QStringLiteral("actionStatus")),
                   actionStatusDisplayName(CaseAction::Status::Done));
    QTest::keyClicks(child<QPlainTextEdit>(update, QStringLiteral("actionUpdateText")),
                     QStringLiteral("Two visits made; group dispersed."));
    QTest::mouseClick(okButton(update), Qt::LeftButton);
    settle();
    EXPECT_TRUE(!update || !update->isVisible()) << (update ? shownError(update).toStdString() : "");
    actions = caseload->actions.forCase(caseId);
    ASSERT_TRUE(actions.ok());
    EXPECT_EQ(actions->front().status, CaseAction::Status::Done);
    auto updates = caseload->actions.updates(actions->front().id);
    ASSERT_TRUE(updates.ok());
    ASSERT_FALSE(updates->empty());
    EXPECT_EQ(updates->back().text, QStringLiteral("Two visits made; group dispersed."));
    EXPECT_EQ(child<QTableWidget>(view.get(), QStringLiteral("actionUpdatesTable"))->rowCount(),
              int(updates->size()));

    // --- On to monitoring, then closed with a reason from the kind's list.
    showTab(*view, QStringLiteral("caseStageTab"));
    clickMove(*view, QStringLiteral("monitoring"));
    EXPECT_EQ(storedStage(caseId), QStringLiteral("monitoring"));
    clickMove(*view, QStringLiteral("closed"));
    QPointer<StageMoveDialog> reason = openDialog<StageMoveDialog>(host.get());
    ASSERT_TRUE(reason) << "closing asks for a reason";
    ASSERT_NE(reason->findChild<QComboBox*>(QStringLiteral("stageReasonBox")), nullptr);
    EXPECT_FALSE(okButton(reason)->isEnabled());
    const FieldDefinition::Choice closure = maps->stage(QStringLiteral("closed"))->reasons.value(0);
    chooseWithKeys(reason->findChild<QComboBox*>(QStringLiteral("stageReasonBox")), closure.label);
    QTest::mouseClick(okButton(reason), Qt::LeftButton);
    settle();
    EXPECT_TRUE(!reason || !reason->isVisible()) << (reason ? shownError(reason).toStdString() : "");
    stored = caseload->cases.open(caseId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->stage, QStringLiteral("closed"));
    EXPECT_FALSE(stored->stageReason.isEmpty());
    EXPECT_EQ(child<CaseBadge>(view.get(), QStringLiteral("stageBadge"))->text(),
              maps->stage(QStringLiteral("closed"))->label);

    // --- The chronology holds it all, oldest first; the toggle turns it round.
    const std::vector<ChronologyEntry> entries = timeline(caseId);
    EXPECT_GE(count(entries, ChronologyEntry::Kind::Stage), 4);
    EXPECT_GE(count(entries, ChronologyEntry::Kind::Note), 2) << "the note and its correction";
    EXPECT_GE(count(entries, ChronologyEntry::Kind::Action), 1);
    EXPECT_GE(count(entries, ChronologyEntry::Kind::ActionUpdate), 1);
    showTab(*view, QStringLiteral("chronologyTab"));
    QTableWidget* chronology = child<QTableWidget>(view.get(), QStringLiteral("chronologyTable"));
    ASSERT_EQ(chronology->rowCount(), int(entries.size()));
    const QString oldest = chronology->item(0, ChronologyTab::SummaryColumn)->text();
    EXPECT_EQ(oldest, entries.front().summary.simplified());
    QTest::mouseClick(child<QCheckBox>(view.get(), QStringLiteral("newestFirstCheck")), Qt::LeftButton);
    EXPECT_EQ(chronology->item(0, ChronologyTab::SummaryColumn)->text(), entries.back().summary.simplified());
}

TEST_F(CaseViewTest, ChannelCase_SupportIsBlockedUntilConsentIsRecordedThroughTheDialog)
{
    const CaseId caseId = createChannelCase();
    auto view = openView(caseId);
    ASSERT_TRUE(view->isOpen()) << shownError(view.get(), QStringLiteral("caseViewError")).toStdString();
    ASSERT_NE(view->findChild<ConsentTab*>(QStringLiteral("consentTab")), nullptr) << "Channel uses consent";
    auto* stageTab = child<CaseStageTab>(view.get(), QStringLiteral("caseStageTab"));
    showTab(*view, QStringLiteral("caseStageTab"));
    clickMove(*view, QStringLiteral("screening"));
    clickMove(*view, QStringLiteral("adopted"));
    ASSERT_EQ(storedStage(caseId), QStringLiteral("adopted"));

    QPushButton* support = stageTab->moveButton(QStringLiteral("support"));
    ASSERT_NE(support, nullptr);
    EXPECT_FALSE(support->isEnabled());
    QLabel* blocked = stageTab->blockedReason(QStringLiteral("support"));
    ASSERT_NE(blocked, nullptr);
    EXPECT_TRUE(blocked->isVisibleTo(view.get()));
    auto options = caseload->cases.stageOptions(caseId);
    ASSERT_TRUE(options.ok());
    const auto option = std::find_if(options->begin(), options->end(), [](const CaseService::StageOption& o) {
        return o.stage == QLatin1String("support");
    });
    ASSERT_NE(option, options->end());
    EXPECT_EQ(blocked->text(), option->blockedBecause) << "the service's own sentence";
    QTest::mouseClick(support, Qt::LeftButton); // a disabled button does nothing
    settle();
    EXPECT_EQ(storedStage(caseId), QStringLiteral("adopted"));

    // Consent from a parent (the subject is under 18), through the dialog.
    showTab(*view, QStringLiteral("consentTab"));
    EXPECT_EQ(child<QTableWidget>(view.get(), QStringLiteral("consentTable"))->rowCount(), 0);
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("recordConsentButton")), Qt::LeftButton);
    QPointer<ConsentDialog> consent = openDialog<ConsentDialog>(host.get());
    ASSERT_TRUE(consent);
    EXPECT_TRUE(child<QRadioButton>(consent, QStringLiteral("consentGiven"))->isChecked());
    QTest::mouseClick(child<QRadioButton>(consent, QStringLiteral("consentByParent")), Qt::LeftButton);
    ASSERT_TRUE(child<QRadioButton>(consent, QStringLiteral("consentByParent"))->isChecked());
    EXPECT_TRUE(child<QLineEdit>(consent, QStringLiteral("consentName"))->text().isEmpty())
        << "a parent's name is typed, not the subject's";
    EXPECT_FALSE(okButton(consent)->isEnabled());
    QTest::keyClicks(child<QLineEdit>(consent, QStringLiteral("consentName")), QStringLiteral("Alex Jones"));
    QTest::keyClicks(child<QPlainTextEdit>(consent, QStringLiteral("consentScope")),
                     QStringLiteral("Mentoring and sharing with the school"));
    QTest::mouseClick(okButton(consent), Qt::LeftButton);
    settle();
    EXPECT_TRUE(!consent || !consent->isVisible()) << (consent ? shownError(consent).toStdString() : "");
    auto consents = caseload->cases.consents(caseId);
    ASSERT_TRUE(consents.ok());
    ASSERT_EQ(consents->size(), 1u);
    EXPECT_EQ(consents->front().givenBy, Consent::GivenBy::ParentGuardian);
    EXPECT_EQ(consents->front().givenByName, QStringLiteral("Alex Jones"));
    EXPECT_EQ(consents->front().state, Consent::State::Given);
    EXPECT_EQ(child<QTableWidget>(view.get(), QStringLiteral("consentTable"))->rowCount(), 1);

    // Now the move is offered, and made.
    showTab(*view, QStringLiteral("caseStageTab"));
    EXPECT_EQ(stageTab->blockedReason(QStringLiteral("support")), nullptr);
    clickMove(*view, QStringLiteral("support"));
    EXPECT_EQ(storedStage(caseId), QStringLiteral("support"));
    EXPECT_EQ(count(timeline(caseId), ChronologyEntry::Kind::Consent), 1);
}

TEST_F(CaseViewTest, ChannelNotAdopted_AsksForTheReasonInWords_AndCancelChangesNothing)
{
    const CaseId caseId = createChannelCase();
    auto view = openView(caseId);
    showTab(*view, QStringLiteral("caseStageTab"));
    clickMove(*view, QStringLiteral("screening"));
    clickMove(*view, QStringLiteral("notAdopted"));
    QPointer<StageMoveDialog> reason = openDialog<StageMoveDialog>(host.get());
    ASSERT_TRUE(reason);
    ASSERT_NE(reason->findChild<QPlainTextEdit*>(QStringLiteral("stageReasonEdit")), nullptr)
        << "the kind lists no reasons: free text";
    QTest::keyClick(reason, Qt::Key_Escape);
    settle();
    EXPECT_EQ(storedStage(caseId), QStringLiteral("screening"));

    clickMove(*view, QStringLiteral("notAdopted"));
    reason = openDialog<StageMoveDialog>(host.get());
    ASSERT_TRUE(reason);
    QTest::keyClicks(reason->findChild<QPlainTextEdit*>(QStringLiteral("stageReasonEdit")),
                     QStringLiteral("Signposted to early help"));
    QTest::mouseClick(okButton(reason), Qt::LeftButton);
    settle();
    auto stored = caseload->cases.open(caseId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->stage, QStringLiteral("notAdopted"));
    EXPECT_EQ(stored->stageReason, QStringLiteral("Signposted to early help"));
}

TEST_F(CaseViewTest, MeamScore_RecordedThroughItsDialog_ShowsAsLatestWithItsHistory)
{
    CaseService::NewCase request;
    request.panelId = meamPanelId;
    request.subject.name = QStringLiteral("Dana Reed");
    request.referralDate = store.clock.nowUtc().date();
    request.fields.insert(QStringLiteral("referralOffer"), QStringLiteral("A key worker for twelve weeks"));
    request.fields.insert(QStringLiteral("needs"), QStringList{QStringLiteral("homelessness")});
    auto created = caseload->cases.create(request);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    auto view = openView(created->id);
    KindFieldForm* form = child<KindFieldForm>(view.get(), QStringLiteral("kindFieldForm"));
    EXPECT_EQ(form->editor(QStringLiteral("ndtScore")), nullptr) << "a time series is not edited in place";
    QPushButton* record = form->recordValueButton(QStringLiteral("ndtScore"));
    ASSERT_NE(record, nullptr);

    for (const QString& score : {QStringLiteral("31"), QStringLiteral("24")}) {
        QTest::mouseClick(record, Qt::LeftButton);
        QPointer<RecordValueDialog> dialog = openDialog<RecordValueDialog>(host.get());
        ASSERT_TRUE(dialog);
        ASSERT_NE(dialog->findChild<QSpinBox*>(QStringLiteral("recordValueEdit")), nullptr);
        EXPECT_EQ(dialog->findChild<QSpinBox*>(QStringLiteral("recordValueEdit"))->maximum(), 48)
            << "the kind's range";
        dialog->findChild<QSpinBox*>(QStringLiteral("recordValueEdit"))->setFocus();
        QTest::keyClick(dialog->findChild<QSpinBox*>(QStringLiteral("recordValueEdit")), Qt::Key_A,
                        Qt::ControlModifier);
        QTest::keyClicks(dialog->findChild<QSpinBox*>(QStringLiteral("recordValueEdit")), score);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        settle();
        EXPECT_TRUE(!dialog || !dialog->isVisible()) << (dialog ? shownError(dialog).toStdString() : "");
        store.clock.advanceSeconds(24 * 3600);
    }
    auto stored = caseload->cases.open(created->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->fields.value(QStringLiteral("ndtScore")).toInt(), 24);
    EXPECT_EQ(count(timeline(created->id), ChronologyEntry::Kind::Field), 2);
    auto* latest = form->findChild<QLabel*>(QStringLiteral("latest_ndtScore"));
    auto* history = form->findChild<QLabel*>(QStringLiteral("history_ndtScore"));
    ASSERT_NE(latest, nullptr);
    ASSERT_NE(history, nullptr);
    EXPECT_EQ(latest->text(), QStringLiteral("24"));
    EXPECT_TRUE(history->isVisibleTo(view.get()));
    EXPECT_LT(history->text().indexOf(QStringLiteral("24")), history->text().indexOf(QStringLiteral("31")))
        << "newest first";
}

// A translator that rewords the chronology's sentence for a recorded value, as a Welsh translation
// would: the field's history is built from typed values, so it still shows every value.
class RewordingTranslator final : public QTranslator {
public:
    bool isEmpty() const override { return false; } // installTranslator() skips an empty translator
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (QLatin1String(context) == QLatin1String("confer::Chronology") &&
            QLatin1String(sourceText) == QLatin1String("%1 recorded: %2 (as at %3)"))
            return QStringLiteral("Cofnodwyd %1: %2 (ar %3)");
        return {};
    }
};

TEST_F(CaseViewTest, MeamScoreHistory_StillShowsUnderATranslationOfTheChronology)
{
    CaseService::NewCase request;
    request.panelId = meamPanelId;
    request.subject.name = QStringLiteral("Dana Reed");
    request.referralDate = store.clock.nowUtc().date();
    request.fields.insert(QStringLiteral("referralOffer"), QStringLiteral("A key worker for twelve weeks"));
    request.fields.insert(QStringLiteral("needs"), QStringList{QStringLiteral("homelessness")});
    auto created = caseload->cases.create(request);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    const QDate today = store.clock.today();
    ASSERT_TRUE(
        caseload->cases.recordFieldValue(created->id, QStringLiteral("ndtScore"), 31, today.addDays(-7))
            .ok());
    ASSERT_TRUE(caseload->cases.recordFieldValue(created->id, QStringLiteral("ndtScore"), 24, today).ok());

    RewordingTranslator welsh;
    ASSERT_TRUE(QCoreApplication::installTranslator(&welsh));
    auto view = openView(created->id);
    const std::vector<ChronologyEntry> entries = timeline(created->id);
    const bool isReworded = std::any_of(entries.begin(), entries.end(), [](const ChronologyEntry& entry) {
        return entry.summary.startsWith(QStringLiteral("Cofnodwyd "));
    });
    QCoreApplication::removeTranslator(&welsh);
    ASSERT_TRUE(isReworded) << "the translator reached the chronology";

    auto* history = view->findChild<QLabel*>(QStringLiteral("history_ndtScore"));
    ASSERT_NE(history, nullptr);
    EXPECT_TRUE(history->isVisibleTo(view.get()));
    const QString text = history->text();
    EXPECT_TRUE(text.contains(QStringLiteral("24 (as at %1)").arg(CaseText::date(today))))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("31 (as at %1)").arg(CaseText::date(today.addDays(-7)))))
        << text.toStdString();
    EXPECT_LT(text.indexOf(QStringLiteral("24")), text.indexOf(QStringLiteral("31"))) << "newest first";
}

TEST_F(CaseViewTest, DetailsSave_RefusedInputChangesNothing_AndGoodInputIsStored)
{
    const CaseId caseId = createChannelCase();
    auto view = openView(caseId);
    CaseDetailsTab* details = child<CaseDetailsTab>(view.get(), QStringLiteral("caseDetailsTab"));
    EXPECT_FALSE(child<QPushButton>(details, QStringLiteral("saveDetailsButton"))->isEnabled());
    EXPECT_FALSE(child<QPushButton>(details, QStringLiteral("revertButton"))->isEnabled())
        << "nothing to revert yet";

    // Person aware is required and boolean: the form offers it; clearing the subject's name is refused.
    child<QLineEdit>(details, QStringLiteral("subjectName"))->setFocus();
    QTest::keyClick(child<QLineEdit>(details, QStringLiteral("subjectName")), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(child<QLineEdit>(details, QStringLiteral("subjectName")), Qt::Key_Delete);
    chooseWithKeys(child<QComboBox>(details, QStringLiteral("riskBox")), riskDisplayName(Risk::Red));
    ASSERT_TRUE(child<QPushButton>(details, QStringLiteral("saveDetailsButton"))->isEnabled());
    QTest::mouseClick(child<QPushButton>(details, QStringLiteral("saveDetailsButton")), Qt::LeftButton);
    EXPECT_FALSE(shownError(details, QStringLiteral("detailsError")).isEmpty());
    auto stored = caseload->cases.open(caseId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->risk, Risk::Unassessed) << "a refused save changes nothing";
    EXPECT_EQ(stored->subject.name, QStringLiteral("Riley Jones"));

    // Revert shows the stored case again.
    QTest::mouseClick(child<QPushButton>(details, QStringLiteral("revertButton")), Qt::LeftButton);
    EXPECT_EQ(child<QLineEdit>(details, QStringLiteral("subjectName"))->text(),
              QStringLiteral("Riley Jones"));
    EXPECT_EQ(child<QComboBox>(details, QStringLiteral("riskBox"))->currentData().toInt(),
              int(Risk::Unassessed));

    chooseWithKeys(child<QComboBox>(details, QStringLiteral("riskBox")), riskDisplayName(Risk::Red));
    QTest::keyClicks(child<QLineEdit>(details, QStringLiteral("leadProfessionalEdit")),
                     QStringLiteral("PC Amir Khan"));
    auto* concern = qobject_cast<QComboBox*>(child<KindFieldForm>(details, QStringLiteral("kindFieldForm"))
                                                 ->editor(QStringLiteral("concernType")));
    ASSERT_NE(concern, nullptr);
    chooseWithKeys(concern, QStringLiteral("Extreme right-wing"));
    QTest::mouseClick(child<QPushButton>(details, QStringLiteral("saveDetailsButton")), Qt::LeftButton);
    EXPECT_TRUE(shownError(details, QStringLiteral("detailsError")).isEmpty())
        << shownError(details, QStringLiteral("detailsError")).toStdString();
    stored = caseload->cases.open(caseId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->risk, Risk::Red);
    EXPECT_EQ(stored->leadProfessional, QStringLiteral("PC Amir Khan"));
    EXPECT_EQ(stored->fields.value(QStringLiteral("concernType")).toString(),
              QStringLiteral("extremeRightWing"));
    EXPECT_TRUE(stored->fields.value(QStringLiteral("personAware")).toBool()) << "untouched fields are kept";
    EXPECT_EQ(child<CaseBadge>(view.get(), QStringLiteral("riskBadge"))->look(), CaseBadge::Look::Bad);
}

TEST_F(CaseViewTest, NonMember_SeesTheRefusalAndNoCaseData)
{
    const CaseId caseId = createChannelCase();
    auto reference = caseload->cases.open(caseId);
    ASSERT_TRUE(reference.ok());
    for (const QString& login : {OutsiderLogin, QString::fromLatin1(TestSession::AdminLogin)}) {
        signInAs(login);
        auto refused = caseload->cases.open(caseId);
        ASSERT_FALSE(refused.ok()) << login.toStdString() << " is not on the panel";
        auto view = openView(caseId);
        EXPECT_FALSE(view->isOpen());
        EXPECT_EQ(shownError(view.get(), QStringLiteral("caseViewError")), refused.error().message);
        EXPECT_EQ(view->findChild<QTabWidget*>(), nullptr);
        const QString onScreen = allLabelText(view.get());
        EXPECT_FALSE(onScreen.contains(reference->reference)) << login.toStdString();
        EXPECT_FALSE(onScreen.contains(QStringLiteral("Riley"))) << login.toStdString();
        QSignalSpy closed(view.get(), &CaseView::closed);
        QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("backToCaseloadButton")),
                          Qt::LeftButton);
        EXPECT_EQ(closed.count(), 1) << "the way back is still there";
    }
}

TEST_F(CaseViewTest, EscapeAndBackButton_CloseTheView)
{
    auto view = openView(createChannelCase());
    QSignalSpy closed(view.get(), &CaseView::closed);
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("backToCaseloadButton")), Qt::LeftButton);
    EXPECT_EQ(closed.count(), 1);
    child<QTabWidget>(view.get(), QStringLiteral("caseTabs"))->setFocus();
    QTest::keyClick(child<QTabWidget>(view.get(), QStringLiteral("caseTabs")), Qt::Key_Escape);
    EXPECT_EQ(closed.count(), 2);
}

TEST_F(CaseViewTest, NewCaseDialog_OffersOnlyMyPanels_AndOnlyTheSubjectFieldsTheTypeNeeds)
{
    NewCaseDialog dialog(*caseload, host.get());
    dialog.show();
    settle();
    auto* banner = dialog.findChild<QLabel*>(QStringLiteral("demonstrationBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible()) << "an ordinary store's new case carries no demonstration warning";
    QStringList panels;
    for (int i = 0; i < child<QComboBox>(&dialog, QStringLiteral("newCasePanel"))->count(); ++i)
        panels << child<QComboBox>(&dialog, QStringLiteral("newCasePanel"))->itemText(i);
    EXPECT_TRUE(panels.contains(QStringLiteral("Easington MAPS")));
    EXPECT_FALSE(panels.contains(QStringLiteral("Wear Valley MAPS"))) << "not a member";

    chooseWithKeys(child<QComboBox>(&dialog, QStringLiteral("newCasePanel")),
                   QStringLiteral("Easington MAPS"));
    SubjectForm* subject = child<SubjectForm>(&dialog);
    chooseWithKeys(child<QComboBox>(subject, QStringLiteral("subjectType")), QStringLiteral("Location"));
    EXPECT_FALSE(subject->isRowShown(child<OptionalDateEdit>(subject, QStringLiteral("subjectDateOfBirth"))));
    EXPECT_FALSE(subject->isRowShown(child<QLineEdit>(subject, QStringLiteral("subjectGender"))));
    EXPECT_TRUE(subject->isRowShown(child<QLineEdit>(subject, QStringLiteral("subjectPostcode"))));
    EXPECT_EQ(unnamedControls(&dialog), QStringList());

    // A Channel case is about a person only; the type cannot be changed.
    chooseWithKeys(child<QComboBox>(&dialog, QStringLiteral("newCasePanel")),
                   QStringLiteral("County Durham Channel Panel"));
    subject = child<SubjectForm>(&dialog);
    EXPECT_FALSE(child<QComboBox>(subject, QStringLiteral("subjectType"))->isEnabled());
    EXPECT_TRUE(subject->isRowShown(child<OptionalDateEdit>(subject, QStringLiteral("subjectDateOfBirth"))));
    QTest::keyClicks(child<QLineEdit>(subject, QStringLiteral("subjectName")), QStringLiteral("Riley Jones"));
    // The required boolean is offered, and Tab goes from the panel to it and on to the subject.
    QWidget* personAware = child<KindFieldForm>(&dialog)->editor(QStringLiteral("personAware"));
    ASSERT_NE(personAware, nullptr);
    EXPECT_EQ(unnamedControls(&dialog), QStringList());
    dialog.activateWindow();
    child<QComboBox>(&dialog, QStringLiteral("newCasePanel"))->setFocus();
    QTest::keyClick(child<QComboBox>(&dialog, QStringLiteral("newCasePanel")), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), personAware)
        << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : "none");
    QTest::keyClick(personAware, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), child<QLineEdit>(subject, QStringLiteral("subjectName")))
        << "the fixed subject type is skipped, not "
        << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : "none");
}

TEST_F(CaseViewTest, EveryTabAndDialog_NamesEveryControl)
{
    auto view = openView(createChannelCase());
    for (int i = 0; i < child<QTabWidget>(view.get(), QStringLiteral("caseTabs"))->count(); ++i) {
        child<QTabWidget>(view.get(), QStringLiteral("caseTabs"))->setCurrentIndex(i);
        settle();
        EXPECT_EQ(unnamedControls(view.get()), QStringList()) << "tab " << i;
    }
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("addNoteButton")), Qt::LeftButton);
    QDialog* note = openDialog<NoteDialog>(host.get());
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(unnamedControls(note), QStringList());
    note->reject();
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("recordConsentButton")), Qt::LeftButton);
    QDialog* consent = openDialog<ConsentDialog>(host.get());
    ASSERT_NE(consent, nullptr);
    EXPECT_EQ(unnamedControls(consent), QStringList());
    consent->reject();
    QTest::mouseClick(child<QPushButton>(view.get(), QStringLiteral("addActionButton")), Qt::LeftButton);
    QDialog* action = openDialog<ActionDialog>(host.get());
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(unnamedControls(action), QStringList());
    action->reject();
}

} // namespace
} // namespace confer::test
