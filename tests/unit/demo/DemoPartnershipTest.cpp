// DemoPartnership: a synthetic partnership through the ordinary services, every kind and stage,
// marked as demo data, and never mixed into a store with real cases. DemonstrationStore: the store it
// fills is a demonstration store for good.
#include "demo/DemoPartnership.h"

#include "TestSession.h"
#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "caseload/CaseService.h"
#include "demo/DemoMeetings.h"
#include "demo/DemonstrationStore.h"
#include "keys/KeySlotFile.h"
#include "meetings/StandardStageGates.h"
#include "partnership/AgencyService.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

using namespace confer;

namespace {

qint64 number(Session& session, const QString& sql)
{
    auto row = session.database().prepare(sql);
    EXPECT_TRUE(row.ok()) << sql.toStdString();
    if (!row.ok())
        return -1;
    auto hasRow = row->step();
    EXPECT_TRUE(hasRow.ok() && *hasRow) << sql.toStdString();
    return hasRow.ok() && *hasRow ? row->columnInt(0) : -1;
}

std::set<QString> textColumn(Session& session, const QString& sql)
{
    std::set<QString> values;
    auto rows = session.database().prepare(sql);
    EXPECT_TRUE(rows.ok()) << sql.toStdString();
    while (rows.ok()) {
        auto hasRow = rows->step();
        if (!hasRow.ok() || !*hasRow)
            break;
        values.insert(rows->columnText(0));
    }
    return values;
}

class DemoPartnershipTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        auto loaded = PanelKindRegistry::load(standardStageGates());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        kinds.emplace(std::move(loaded).value());
    }
    Session& session() { return store.session(); }

    // One real (non-demo) case, made through the services as a coordinator would.
    void addRealCase()
    {
        PanelService panels(session(), *kinds);
        auto panel = panels.create(QStringLiteral("Real MAPS"), QStringLiteral("maps"), std::nullopt);
        ASSERT_TRUE(panel.ok());
        ASSERT_TRUE(panels.addMember(panel->id, session().currentUser().id).ok());
        CaseService::NewCase request;
        request.panelId = panel->id;
        request.subject.name = QStringLiteral("Real Person");
        request.subject.aliases = request.subject.gender = request.subject.address =
            request.subject.postcode = QStringLiteral("");
        request.referralDate = store.clock.nowUtc().date();
        request.referrer = request.referralReason = request.leadProfessional = QStringLiteral("");
        request.fields.insert(QStringLiteral("issueType"), QStringLiteral("asb"));
        auto created = CaseService(session(), *kinds).create(request);
        ASSERT_TRUE(created.ok()) << created.error().message.toStdString() << " / "
                                  << created.error().detail.toStdString();
    }

    test::TestSession store;
    std::optional<PanelKindRegistry> kinds;
};

} // namespace

TEST_F(DemoPartnershipTest, FillCreatesEveryKindAndEveryStageThroughTheServices)
{
    auto outcome = DemoPartnership::fill(session(), *kinds, {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString() << " / "
                              << outcome.error().detail.toStdString();
    EXPECT_EQ(outcome->cases, 300);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM cases")), 300);
    EXPECT_GE(outcome->panels, 5);
    EXPECT_GE(outcome->agencies, 5);
    EXPECT_GE(outcome->users, 5);
    EXPECT_TRUE(outcome->userLogins.isEmpty()) << "no account signs in unless asked for";

    // Every kind has a panel, and every stage of every kind holds at least one case.
    for (const PanelKind& kind : kinds->kinds()) {
        const std::set<QString> stages = textColumn(
            session(),
            QStringLiteral("SELECT DISTINCT c.stage FROM cases c JOIN panels p ON p.id = c.panel_id "
                           "WHERE p.kind = '%1'")
                .arg(kind.key));
        for (const StageDefinition& stage : kind.stages)
            EXPECT_EQ(stages.count(stage.key), 1u)
                << kind.key.toStdString() << " has no case at " << stage.key.toStdString();
    }
    // The person running the demonstration is a member of every demo panel, so sees its cases.
    EXPECT_EQ(
        number(session(), QStringLiteral("SELECT count(*) FROM panels p WHERE NOT EXISTS (SELECT 1 FROM "
                                         "panel_members m WHERE m.panel_id = p.id AND m.user_id = %1)")
                              .arg(session().currentUser().id.value())),
        0);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM panels WHERE chair_user_id IS NULL")),
              0);
    // Through the services: each case's creation and stage moves are in the audit trail.
    EXPECT_EQ(
        number(session(), QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'case.create'")),
        300);
    EXPECT_EQ(
        number(session(), QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'case.stage'")),
        number(session(),
               QStringLiteral("SELECT count(*) FROM case_stage_history WHERE from_stage IS NOT NULL")));

    // Channel: no case reached support without consent given first.
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM case_stage_history h WHERE h.to_stage = "
                                               "'support' AND NOT EXISTS (SELECT 1 FROM consents k WHERE "
                                               "k.case_id = h.case_id AND k.state = 'given')")),
              0);
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM scheduled_reviews")), 0)
        << "exited Channel cases have their 6- and 12-month reviews";

    // Notes: facts and opinions, from several agencies; actions, some of them overdue.
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM notes WHERE is_opinion = 1")), 0);
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM notes WHERE is_opinion = 0")), 0);
    EXPECT_GE(number(session(), QStringLiteral("SELECT count(DISTINCT agency_id) FROM notes")), 3);
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM notes WHERE version > 1")), 0);
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM actions WHERE status = 'open' AND "
                                               "due_date < '%1'")
                                    .arg(store.clock.nowUtc().date().toString(Qt::ISODate))),
              0);
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM actions WHERE status = 'done'")), 0);
    // Review dates spread around today: some passed, some to come.
    const QString today = store.clock.nowUtc().date().toString(Qt::ISODate);
    EXPECT_GT(
        number(session(), QStringLiteral("SELECT count(*) FROM cases WHERE next_review < '%1'").arg(today)),
        0);
    EXPECT_GT(
        number(session(), QStringLiteral("SELECT count(*) FROM cases WHERE next_review > '%1'").arg(today)),
        0);
    // A few people are known to more than one panel.
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM (SELECT subject_id FROM cases GROUP BY "
                                               "subject_id HAVING count(DISTINCT panel_id) > 1)")),
              0);

    // Everything made is marked as demonstration data.
    for (const char* table : {"subjects", "cases", "notes", "actions"})
        EXPECT_EQ(
            number(session(),
                   QStringLiteral("SELECT count(*) FROM %1 WHERE is_demo = 0").arg(QLatin1String(table))),
            0)
            << table;
    EXPECT_TRUE(DemoPartnership::holdsOnlyDemoData(session()).value());
}

TEST_F(DemoPartnershipTest, WithoutAPassphrase_TheDemoPeopleExistButNobodySignsInAsThem)
{
    auto outcome = DemoPartnership::fill(session(), *kinds, {20, 1, false, {}});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_TRUE(outcome->userLogins.isEmpty());
    // The panels still have their chairs and members, as records.
    const std::set<QString> demoPeople =
        textColumn(session(), QStringLiteral("SELECT login FROM users WHERE login LIKE 'demo.%'"));
    ASSERT_EQ(int(demoPeople.size()), outcome->users);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM users WHERE login LIKE 'demo.%' AND "
                                               "is_disabled = 0")),
              0);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM panels p JOIN users u ON u.id = "
                                               "p.chair_user_id WHERE u.login LIKE 'demo.%'")),
              number(session(), QStringLiteral("SELECT count(*) FROM panels")));
    for (const QString& login : demoPeople)
        EXPECT_EQ(session().keySlots().slotFor(login), nullptr) << login.toStdString() << " has a key slot";

    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    auto refused = opener.unlock(*demoPeople.begin(), QStringLiteral("any passphrase at all, really"));
    EXPECT_FALSE(refused.ok());
}

TEST_F(DemoPartnershipTest, WithAPassphrase_EveryDemoAccountSignsInWithIt)
{
    DemoPartnership::Options options{20, 1, false, {}};
    options.accountPassphrase = QStringLiteral("test-only passphrase for demo accounts");
    auto outcome = DemoPartnership::fill(session(), *kinds, options);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    ASSERT_EQ(outcome->userLogins.size(), outcome->users);
    ASSERT_GE(outcome->userLogins.size(), 5);
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    for (const QString& login : outcome->userLogins) {
        auto signedIn = opener.unlock(login, options.accountPassphrase);
        EXPECT_TRUE(signedIn.ok()) << login.toStdString();
    }
}

TEST_F(DemoPartnershipTest, ALaterRunWithAPassphrase_OpensTheAccountsAnEarlierRunMadeWithTheNewOne)
{
    DemoPartnership::Options first{10, 1, false, {}};
    first.accountPassphrase = QStringLiteral("first run demo passphrase");
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, first).ok());
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {10, 2, false, {}}).ok())
        << "a run without leaves them";
    DemoPartnership::Options third{10, 3, false, {}};
    third.accountPassphrase = QStringLiteral("third run demo passphrase");
    auto outcome = DemoPartnership::fill(session(), *kinds, third);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_EQ(outcome->users, 0);
    ASSERT_GE(outcome->userLogins.size(), 5) << "the earlier accounts are listed with the new passphrase";

    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    const QString login = outcome->userLogins.first();
    EXPECT_FALSE(opener.unlock(login, first.accountPassphrase).ok()) << "the old one no longer opens it";
    EXPECT_TRUE(opener.unlock(login, third.accountPassphrase).ok());
}

TEST_F(DemoPartnershipTest, AnAccountPassphraseThePolicyRefusesIsRefusedBeforeAnythingIsMade)
{
    DemoPartnership::Options options{10, 1, false, {}};
    options.accountPassphrase = QStringLiteral("short");
    auto refused = DemoPartnership::fill(session(), *kinds, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM cases")), 0);
    EXPECT_FALSE(DemonstrationStore::isDemonstration(session().database()).value());
}

TEST_F(DemoPartnershipTest, TheSameSeedMakesTheSamePartnership)
{
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {30, 42, false, {}}).ok());
    const std::set<QString> first =
        textColumn(session(), QStringLiteral("SELECT name || postcode FROM subjects"));

    test::TestSession another;
    ASSERT_TRUE(another.sessionPtr());
    ASSERT_TRUE(DemoPartnership::fill(another.session(), *kinds, {30, 42, false, {}}).ok());
    EXPECT_EQ(textColumn(another.session(), QStringLiteral("SELECT name || postcode FROM subjects")), first);
    EXPECT_FALSE(first.empty());
}

TEST_F(DemoPartnershipTest, AStoreThatHoldsOnlyDemoDataTakesMore)
{
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {20, 1, false, {}}).ok());
    auto again = DemoPartnership::fill(session(), *kinds, {20, 2, false, {}});
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->panels, 0) << "the demo panels are reused";
    EXPECT_EQ(again->users, 0) << "the demo accounts are reused";
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM cases")), 40);
}

TEST_F(DemoPartnershipTest, FillRefusesAStoreWithRealCaseData)
{
    addRealCase();
    const qint64 casesBefore = number(session(), QStringLiteral("SELECT count(*) FROM cases"));
    const qint64 panelsBefore = number(session(), QStringLiteral("SELECT count(*) FROM panels"));
    const qint64 usersBefore = number(session(), QStringLiteral("SELECT count(*) FROM users"));
    const int slotsBefore = int(session().keySlots().userSlots.size());

    auto refused = DemoPartnership::fill(session(), *kinds, {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("real case records")))
        << refused.error().message.toStdString();
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM cases")), casesBefore);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM panels")), panelsBefore);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM users")), usersBefore);
    EXPECT_EQ(int(session().keySlots().userSlots.size()), slotsBefore);
    EXPECT_FALSE(DemonstrationStore::isDemonstration(session().database()).value())
        << "a store with real cases never becomes a demonstration store";
}

TEST_F(DemoPartnershipTest, HoldsOnlyDemoDataIsTrueForAnEmptyOrDemoStore)
{
    EXPECT_TRUE(DemoPartnership::holdsOnlyDemoData(session()).value()) << "an empty store counts as demo";
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {10, 1, false, {}}).ok());
    EXPECT_TRUE(DemoPartnership::holdsOnlyDemoData(session()).value());
}

TEST_F(DemoPartnershipTest, HoldsOnlyDemoDataIsFalseOnceARealCaseIsInAnOrdinaryStore)
{
    // In a demonstration store nothing added later is real: see
    // DemonstrationStoreTest.ACaseAddedLaterToADemonstrationStoreIsADemonstrationCase.
    addRealCase();
    EXPECT_FALSE(DemoPartnership::holdsOnlyDemoData(session()).value());
}

TEST_F(DemoPartnershipTest, OnlyAnAdministratorFillsAStore)
{
    auto coordinator =
        session().accounts().addUser({QStringLiteral("coord"), QStringLiteral("Casey Coordinator"),
                                      Role::Coordinator, QStringLiteral("panel members share a pen")});
    ASSERT_TRUE(coordinator.ok());
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    auto signedIn = opener.unlock(QStringLiteral("coord"), QStringLiteral("panel members share a pen"));
    ASSERT_TRUE(signedIn.ok());
    auto refused = DemoPartnership::fill(**signedIn, *kinds, {10, 1, false, {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ(number(**signedIn, QStringLiteral("SELECT count(*) FROM panels")), 0);
}

// DemonstrationStore, on the stores DemoPartnership fills.
using DemonstrationStoreTest = DemoPartnershipTest;

TEST_F(DemonstrationStoreTest, AStoreIsNotADemonstrationStoreUntilDemoFillsIt)
{
    EXPECT_FALSE(DemonstrationStore::isDemonstration(session().database()).value());
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {5, 1, false, {}}).ok());
    EXPECT_TRUE(DemonstrationStore::isDemonstration(session().database()).value());
}

TEST_F(DemonstrationStoreTest, TheMarkingIsAuditedOnceHoweverOftenDemoRuns)
{
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {5, 1, false, {}}).ok());
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {5, 2, false, {}}).ok());
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM audit_events WHERE action = '%1'")
                                    .arg(auditActionKey(DemonstrationStore::auditAction()))),
              1);
    EXPECT_EQ(auditActionKey(DemonstrationStore::auditAction()), QStringLiteral("store.demonstration"));
    EXPECT_TRUE(session().verify().ok()) << "the chain holds the event like any other";
}

TEST_F(DemonstrationStoreTest, ADemonstrationStoreStaysOneEvenAgainstADirectUpdate)
{
    ASSERT_TRUE(DemonstrationStore::mark(session()).ok());
    Status unmarked = session().database().exec(QStringLiteral("UPDATE store_info SET is_demonstration = 0"));
    EXPECT_FALSE(unmarked.ok());
    EXPECT_TRUE(DemonstrationStore::isDemonstration(session().database()).value());
}

TEST_F(DemonstrationStoreTest, ACaseAddedLaterToADemonstrationStoreIsADemonstrationCase)
{
    ASSERT_TRUE(DemoPartnership::fill(session(), *kinds, {5, 1, false, {}}).ok());
    addRealCase(); // as a chair would through New case
    for (const char* table : {"subjects", "cases"})
        EXPECT_EQ(
            number(session(),
                   QStringLiteral("SELECT count(*) FROM %1 WHERE is_demo = 0").arg(QLatin1String(table))),
            0)
            << table;
    EXPECT_TRUE(DemoPartnership::holdsOnlyDemoData(session()).value());
    EXPECT_TRUE(DemoPartnership::fill(session(), *kinds, {5, 2, false, {}}).ok()) << "demo still runs";
}

TEST_F(DemonstrationStoreTest, OnlyAnAdministratorMarksAStore)
{
    ASSERT_TRUE(session()
                    .accounts()
                    .addUser({QStringLiteral("chair1"), QStringLiteral("Chris Chair"), Role::Chair,
                              QStringLiteral("a chair's own long passphrase")})
                    .ok());
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    auto chair = opener.unlock(QStringLiteral("chair1"), QStringLiteral("a chair's own long passphrase"));
    ASSERT_TRUE(chair.ok());
    Status refused = DemonstrationStore::mark(**chair);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::AccessDenied);
    EXPECT_FALSE(DemonstrationStore::isDemonstration((*chair)->database()).value());
}

// The fill goes through every service that writes (accounts, agencies, panels, cases, consent, reviews,
// notes, actions): each action it leaves in the trail has a name in the catalogue, and every record that
// names a case names it by its reference.
TEST_F(DemoPartnershipTest, EveryActionTheFillAuditedHasANameForPeople)
{
    auto outcome = DemoPartnership::fill(session(), *kinds, {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    const std::set<QString> actions =
        textColumn(session(), QStringLiteral("SELECT DISTINCT action FROM audit_events"));
    EXPECT_GE(actions.size(), 10u);
    for (const QString& key : actions) {
        EXPECT_TRUE(auditActionFromKey(key).has_value()) << key.toStdString();
        EXPECT_NE(auditActionDisplayName(key), key) << key.toStdString();
    }
    EXPECT_EQ(
        number(session(), QStringLiteral("SELECT count(*) FROM audit_events WHERE record LIKE 'case:%' AND "
                                         "substr(record, 6) NOT IN (SELECT reference FROM cases)")),
        0);
}

// Issue 8: each demo panel has past closed meetings with agendas and every declaration taken, and upcoming
// planned ones, all through the meeting services; the demo's panel decisions are made under the same rule.
TEST_F(DemoPartnershipTest, EveryDemoPanelHasPastClosedMeetingsWithDeclarationsAndUpcomingPlannedOnes)
{
    auto outcome = DemoPartnership::fill(session(), *kinds, {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    const int panels = number(session(), QStringLiteral("SELECT count(*) FROM panels"));
    const int perPanel = DemoMeetings::PastMeetings + DemoMeetings::UpcomingMeetings;
    EXPECT_EQ(outcome->meetings, panels * perPanel);
    const QString today = store.clock.today().toString(Qt::ISODate);
    for (auto [status, when, count] : {std::tuple{"closed", "<", DemoMeetings::PastMeetings},
                                       std::tuple{"planned", ">", DemoMeetings::UpcomingMeetings}}) {
        EXPECT_EQ(
            number(session(), QStringLiteral("SELECT count(*) FROM panels p WHERE (SELECT count(*) FROM "
                                             "meetings m WHERE m.panel_id = p.id AND m.status = '%1' AND "
                                             "m.meeting_date %2 '%3') <> %4")
                                  .arg(QLatin1String(status), QLatin1String(when), today)
                                  .arg(count)),
            0)
            << status;
    }
    // A closed meeting: everyone who came signed (or agreed aloud) the text fixed when it opened, at its
    // time.
    EXPECT_EQ(
        number(session(), QStringLiteral("SELECT count(*) FROM meeting_attendees a JOIN meetings m ON "
                                         "m.id = a.meeting_id WHERE m.status = 'closed' AND a.arrived_utc "
                                         "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM declarations d WHERE "
                                         "d.attendee_id = a.id AND d.outcome = 'signed')")),
        0);
    EXPECT_EQ(
        number(session(), QStringLiteral("SELECT count(*) FROM declarations d JOIN meetings m ON m.id = "
                                         "d.meeting_id WHERE substr(d.at_utc, 1, 10) <> m.meeting_date "
                                         "OR d.text_id <> m.declaration_text_id")),
        0);
    EXPECT_GT(
        number(session(), QStringLiteral("SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = "
                                         "i.meeting_id WHERE m.status = 'closed' AND i.case_id IS NOT NULL "
                                         "AND i.status = 'done'")),
        panels);
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM agenda_item_actions")), 0);
    // Every way of declaring shows: mostly drawn on screen, some typed and some agreed aloud (witnessed).
    for (const char* method : {"drawn", "typed_witnessed", "spoken_witnessed"})
        EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM declarations WHERE method = '%1'")
                                        .arg(QLatin1String(method))),
                  0)
            << method;
    EXPECT_GT(number(session(), QStringLiteral("SELECT count(*) FROM declarations WHERE method = 'drawn'")),
              number(session(), QStringLiteral("SELECT count(*) FROM declarations WHERE method <> 'drawn'")));
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM declarations WHERE method = 'drawn' AND "
                                               "length(strokes) < 100")),
              0);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM meetings WHERE is_demo = 0")), 0);
    EXPECT_EQ(number(session(), QStringLiteral("SELECT count(*) FROM meeting_attendees WHERE is_demo = 0")),
              0);
}
