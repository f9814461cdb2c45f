// CaseloadQuery: filters, prefix text match, sort orders, stable paging, overdue, closed cases and
// need-to-know, against a real store filled through the services.
#include "caseload/CaseloadQuery.h"

#include "TestSession.h"
#include "accounts/AccountService.h"
#include "caseload/CaseService.h"
#include "caseload/StandardStageGates.h"
#include "demo/DemoPartnership.h"
#include "partnership/AgencyService.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

using namespace confer;

// Readable sets of names in failure messages.
void PrintTo(const QString& text, std::ostream* out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

const QString UserPassphrase = QStringLiteral("panel members share a pen");

template <typename T>
T valueOrFail(Result<T> result, const char* what)
{
    EXPECT_TRUE(result.ok()) << what << ": "
                             << (result.ok() ? ""
                                             : QString(result.error().message + QStringLiteral(" / ") +
                                                       result.error().detail)
                                                   .toStdString());
    return result.ok() ? std::move(result).value() : T{};
}

int riskRank(Risk risk)
{
    switch (risk) {
    case Risk::Unassessed:
        return 0;
    case Risk::Green:
        return 1;
    case Risk::Amber:
        return 2;
    case Risk::Red:
        return 3;
    }
    return 0;
}

// A small partnership with known names, postcodes, stages, risks and review dates.
//
//   Easington MAPS (coord, admin while setting up)    County Durham Channel Panel (coord)
//     Jordan Smith       DH6 4QP  red     referred     Adam Smith    DH1 1AA  red  screening
//     Kelly Smithson     DH1 3LE  amber   referred     Chloe Nixon   DH2 2BB       notAdopted (closed)
//       (alias Kez)                                   County Durham IOM (other)
//     Aaron Robson       DH8 5AB  green   referred       Dean Smith  DH3 3CC       proposed
//     Robson household   DH8 5AD  -       referred       Gary Milburn DH4 4DD      selected
//     Zoë Hutchinson     DH6 2BB  amber   closed
//     Liam Smith         DH9 7XY  red     accepted
//     Back Lane, Haswell DH6 2AA  -       active
class CaseloadQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        auto loaded = PanelKindRegistry::load(standardStageGates());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        kinds.emplace(std::move(loaded).value());
        adminId = session().currentUser().id;
        coord = valueOrFail(
            session().accounts().addUser({QStringLiteral("coord"), QStringLiteral("Casey Coordinator"),
                                          Role::Coordinator, UserPassphrase}),
            "adding coord");
        other =
            valueOrFail(session().accounts().addUser({QStringLiteral("other"), QStringLiteral("Olly Other"),
                                                      Role::Member, UserPassphrase}),
                        "adding other");
        Agency police;
        police.name = QStringLiteral("Durham Constabulary");
        police.kind = Agency::Kind::ResponsibleAuthority;
        policeId = valueOrFail(AgencyService(session()).add(police), "adding an agency").id;

        PanelService panels(session(), *kinds);
        mapsId =
            valueOrFail(panels.create(QStringLiteral("Easington MAPS"), QStringLiteral("maps"), coord.id),
                        "maps panel")
                .id;
        channelId = valueOrFail(panels.create(QStringLiteral("County Durham Channel Panel"),
                                              QStringLiteral("channel"), coord.id),
                                "channel panel")
                        .id;
        iomId =
            valueOrFail(panels.create(QStringLiteral("County Durham IOM"), QStringLiteral("iom"), other.id),
                        "iom panel")
                .id;
        for (qint64 panel : {mapsId, channelId, iomId})
            ASSERT_TRUE(panels.addMember(panel, adminId).ok());

        const QDate today = store.clock.nowUtc().date();
        add(mapsId, QStringLiteral("Jordan Smith"), QStringLiteral("DH6 4QP"), Risk::Red, {}, {},
            today.addDays(-3));
        add(mapsId, QStringLiteral("Kelly Smithson"), QStringLiteral("DH1 3LE"), Risk::Amber, {}, {},
            today.addDays(10), QStringLiteral("Kez"));
        add(mapsId, QStringLiteral("Aaron Robson"), QStringLiteral("DH8 5AB"), Risk::Green, {}, {},
            std::nullopt);
        add(mapsId, QStringLiteral("Robson household"), QStringLiteral("DH8 5AD"), Risk::Unassessed, {}, {},
            today.addDays(20), {}, Subject::Type::Household);
        add(mapsId, QStringLiteral("Zoë Hutchinson"), QStringLiteral("DH6 2BB"), Risk::Amber,
            {QStringLiteral("closed")}, QStringLiteral("resolved"), std::nullopt);
        add(mapsId, QStringLiteral("Liam Smith"), QStringLiteral("DH9 7XY"), Risk::Red,
            {QStringLiteral("accepted")}, {}, today.addDays(-1));
        add(mapsId, QStringLiteral("Back Lane, Haswell"), QStringLiteral("DH6 2AA"), Risk::Unassessed,
            {QStringLiteral("accepted"), QStringLiteral("active")}, {}, today.addDays(5), {},
            Subject::Type::Location);
        add(channelId, QStringLiteral("Adam Smith"), QStringLiteral("DH1 1AA"), Risk::Red,
            {QStringLiteral("screening")}, {}, today.addDays(2));
        add(channelId, QStringLiteral("Chloe Nixon"), QStringLiteral("DH2 2BB"), Risk::Unassessed,
            {QStringLiteral("screening"), QStringLiteral("notAdopted")},
            QStringLiteral("Signposted to early help"), std::nullopt);
        add(iomId, QStringLiteral("Dean Smith"), QStringLiteral("DH3 3CC"), Risk::Amber, {}, {},
            today.addDays(-5));
        add(iomId, QStringLiteral("Gary Milburn"), QStringLiteral("DH4 4DD"), Risk::Green,
            {QStringLiteral("selected")}, QStringLiteral("Prolific acquisitive offending"), today.addDays(7));

        // The administrator set the panels up but reads no case (need-to-know).
        for (qint64 panel : {mapsId, channelId, iomId})
            ASSERT_TRUE(panels.removeMember(panel, adminId).ok());
    }

    Session& session() { return store.session(); }

    void add(qint64 panelId, const QString& name, const QString& postcode, Risk risk,
             const QStringList& moves, const QString& lastReason, std::optional<QDate> nextReview,
             const QString& aliases = QString(), Subject::Type type = Subject::Type::Person)
    {
        const PanelKind* kind = kinds->kind(panelId == mapsId  ? QStringLiteral("maps")
                                            : panelId == iomId ? QStringLiteral("iom")
                                                               : QStringLiteral("channel"));
        ASSERT_NE(kind, nullptr);
        CaseService cases(session(), *kinds);
        CaseService::NewCase request;
        request.panelId = panelId;
        request.subject.type = type;
        request.subject.name = name;
        request.subject.aliases = aliases.isNull() ? QStringLiteral("") : aliases;
        request.subject.gender = QStringLiteral("");
        request.subject.address = QStringLiteral("1 Front Street");
        request.subject.postcode = postcode;
        request.referralDate = store.clock.nowUtc().date();
        request.referrer = QStringLiteral("PC Example");
        request.referralReason = QStringLiteral("Test referral");
        request.leadProfessional = QStringLiteral("Sam Lead");
        request.leadAgencyId = policeId;
        request.risk = risk;
        for (const FieldDefinition& field : kind->fields) {
            if (!field.isRequired)
                continue;
            if (field.type == FieldDefinition::Type::Choice)
                request.fields.insert(field.key, field.choices.first().key);
            else if (field.type == FieldDefinition::Type::MultiChoice)
                request.fields.insert(field.key, QStringList{field.choices.first().key});
            else if (field.type == FieldDefinition::Type::Boolean)
                request.fields.insert(field.key, true);
            else
                request.fields.insert(field.key, QStringLiteral("Recorded at referral"));
        }
        const CaseRecord created = valueOrFail(cases.create(request), "creating a case");
        for (qsizetype i = 0; i < moves.size(); ++i) {
            const QString reason =
                i == moves.size() - 1 && !lastReason.isEmpty() ? lastReason : QStringLiteral("");
            const Status moved = cases.moveStage(created.id, moves[i], reason);
            ASSERT_TRUE(moved.ok()) << moved.error().message.toStdString();
        }
        const CaseRecord current = valueOrFail(cases.open(created.id), "opening the case");
        CaseService::Details details;
        details.risk = current.risk;
        details.leadAgencyId = current.leadAgencyId;
        details.leadProfessional = current.leadProfessional;
        details.nextReview = nextReview;
        details.marking = current.marking;
        details.fields = current.fields;
        details.referralReason = current.referralReason;
        const Status updated = cases.updateDetails(created.id, details);
        ASSERT_TRUE(updated.ok()) << updated.error().message.toStdString();
        referenceOf[name] = created.reference;
    }

    Session& signInAs(const QString& login)
    {
        store.sessionPtr().reset(); // one session at a time
        m_opener = std::make_unique<StoreOpener>(store.opener());
        auto unlocked = m_opener->unlock(login, login == QLatin1String(test::TestSession::AdminLogin)
                                                    ? test::TestSession::adminPassphrase()
                                                    : UserPassphrase);
        EXPECT_TRUE(unlocked.ok()) << login.toStdString();
        if (unlocked.ok())
            store.sessionPtr() = std::move(unlocked).value();
        return session();
    }

    // Every row for the filter, read one page of pageSize at a time.
    std::vector<CaseSummary> allPages(CaseloadQuery& query, const CaseloadQuery::Filter& filter,
                                      CaseloadQuery::Sort sort, int pageSize)
    {
        std::vector<CaseSummary> rows;
        for (int offset = 0;; offset += pageSize) {
            auto page = query.page(filter, sort, offset, pageSize);
            EXPECT_TRUE(page.ok());
            if (!page.ok() || page->empty())
                break;
            EXPECT_LE(int(page->size()), pageSize);
            rows.insert(rows.end(), page->begin(), page->end());
        }
        return rows;
    }

    std::set<QString> names(const CaseloadQuery::Filter& filter)
    {
        CaseloadQuery query(session(), *kinds);
        auto rows = query.page(filter, {}, 0, 1000);
        EXPECT_TRUE(rows.ok()) << (rows.ok()
                                       ? ""
                                       : QString(rows.error().message + rows.error().detail).toStdString());
        std::set<QString> result;
        if (rows.ok()) {
            for (const CaseSummary& row : *rows)
                result.insert(row.subjectName);
            auto counted = query.count(filter);
            EXPECT_TRUE(counted.ok());
            EXPECT_EQ(counted.ok() ? *counted : -1, int(rows->size())) << "count and rows differ";
        }
        return result;
    }

    std::set<QString> namesMatching(const QString& text)
    {
        CaseloadQuery::Filter filter;
        filter.text = text;
        filter.includesClosed = true;
        return names(filter);
    }

    test::TestSession store;
    std::optional<PanelKindRegistry> kinds;
    qint64 adminId = 0;
    User coord;
    User other;
    qint64 policeId = 0;
    qint64 mapsId = 0;
    qint64 channelId = 0;
    qint64 iomId = 0;
    std::map<QString, QString> referenceOf; // subject name -> case reference

private:
    std::unique_ptr<StoreOpener> m_opener;
};

using Names = std::set<QString>;

} // namespace

TEST_F(CaseloadQueryTest, AMemberSeesOnlyTheOpenCasesOfTheirOwnPanels)
{
    signInAs(QStringLiteral("coord"));
    EXPECT_EQ(names({}), (Names{QStringLiteral("Jordan Smith"), QStringLiteral("Kelly Smithson"),
                                QStringLiteral("Aaron Robson"), QStringLiteral("Robson household"),
                                QStringLiteral("Liam Smith"), QStringLiteral("Back Lane, Haswell"),
                                QStringLiteral("Adam Smith")}));
    signInAs(QStringLiteral("other"));
    EXPECT_EQ(names({}), (Names{QStringLiteral("Dean Smith"), QStringLiteral("Gary Milburn")}));
}

TEST_F(CaseloadQueryTest, ANonMemberAsksForAnotherPanelAndGetsNothing)
{
    signInAs(QStringLiteral("other"));
    CaseloadQuery::Filter filter;
    filter.panelId = mapsId;
    filter.includesClosed = true;
    EXPECT_TRUE(names(filter).empty());
    filter.panelId.reset();
    filter.text = QStringLiteral("Jordan");
    EXPECT_TRUE(names(filter).empty()) << "a name on another panel must not be found";
}

TEST_F(CaseloadQueryTest, AnAdministratorWhoIsNotAMemberSeesNoCases)
{
    // The fixture's session is still the administrator's; they manage all three panels.
    CaseloadQuery query(session(), *kinds);
    CaseloadQuery::Filter everything;
    everything.includesClosed = true;
    EXPECT_EQ(query.count(everything).value(), 0);
    EXPECT_TRUE(query.page(everything, {}, 0, 50).value().empty());
    everything.text = QStringLiteral("smith");
    EXPECT_EQ(query.count(everything).value(), 0);
    EXPECT_TRUE(query.page(everything, {}, 0, 50).value().empty());
}

TEST_F(CaseloadQueryTest, ClosedCasesAreLeftOutUnlessAskedFor)
{
    signInAs(QStringLiteral("coord"));
    CaseloadQuery::Filter filter;
    EXPECT_EQ(names(filter).count(QStringLiteral("Zoë Hutchinson")), 0u);
    EXPECT_EQ(names(filter).count(QStringLiteral("Chloe Nixon")), 0u)
        << "notAdopted is a closed Channel stage";
    filter.includesClosed = true;
    EXPECT_EQ(names(filter).count(QStringLiteral("Zoë Hutchinson")), 1u);
    EXPECT_EQ(names(filter).count(QStringLiteral("Chloe Nixon")), 1u);
    EXPECT_EQ(names(filter).size(), 9u);
}

TEST_F(CaseloadQueryTest, TextMatchesPrefixesOfNamesAliasesReferencesAndPostcodes)
{
    signInAs(QStringLiteral("coord"));
    const Names smiths{QStringLiteral("Jordan Smith"), QStringLiteral("Kelly Smithson"),
                       QStringLiteral("Liam Smith"), QStringLiteral("Adam Smith")};
    EXPECT_EQ(namesMatching(QStringLiteral("smi")), smiths);
    EXPECT_EQ(namesMatching(QStringLiteral("SMITH")), smiths) << "prefix: Smithson too";
    EXPECT_EQ(namesMatching(QStringLiteral("smithson")), Names{QStringLiteral("Kelly Smithson")});
    EXPECT_EQ(namesMatching(QStringLiteral("Jordan Smi")), Names{QStringLiteral("Jordan Smith")});
    EXPECT_EQ(namesMatching(QStringLiteral("smith jordan")), Names{QStringLiteral("Jordan Smith")});
    EXPECT_EQ(namesMatching(QStringLiteral("kez")), Names{QStringLiteral("Kelly Smithson")}) << "alias";
    EXPECT_EQ(namesMatching(QStringLiteral("zoë")), Names{QStringLiteral("Zoë Hutchinson")});
    EXPECT_EQ(namesMatching(QStringLiteral("DH6")),
              (Names{QStringLiteral("Jordan Smith"), QStringLiteral("Zoë Hutchinson"),
                     QStringLiteral("Back Lane, Haswell")}));
    EXPECT_EQ(namesMatching(QStringLiteral("dh6 4q")), Names{QStringLiteral("Jordan Smith")});
    EXPECT_EQ(namesMatching(QStringLiteral("mith")), Names{}) << "a prefix, not a substring";

    const QString reference = referenceOf[QStringLiteral("Kelly Smithson")];
    ASSERT_FALSE(reference.isEmpty());
    EXPECT_EQ(namesMatching(reference), Names{QStringLiteral("Kelly Smithson")});
    const QString channelReference = referenceOf[QStringLiteral("Adam Smith")];
    EXPECT_EQ(namesMatching(channelReference.left(channelReference.indexOf(QLatin1Char('-')) + 1)),
              (Names{QStringLiteral("Adam Smith"), QStringLiteral("Chloe Nixon")}))
        << "the panel kind's prefix";
    EXPECT_EQ(namesMatching(QStringLiteral("Gary")), Names{}) << "Gary Milburn is on another panel";
}

TEST_F(CaseloadQueryTest, SearchSyntaxInTheTextIsHarmless)
{
    signInAs(QStringLiteral("coord"));
    for (const QString& text :
         {QStringLiteral("\"smith"), QStringLiteral("smith\" OR \"robson"), QStringLiteral("NOT smith"),
          QStringLiteral("smith*"), QStringLiteral("(smith"), QStringLiteral("-smith"),
          QStringLiteral("subject:smith"), QStringLiteral("smith NEAR robson"), QStringLiteral("^smith"),
          QStringLiteral("sm'ith"), QStringLiteral("*"), QStringLiteral("\""), QStringLiteral("OR"),
          QStringLiteral("AND smith")}) {
        CaseloadQuery query(session(), *kinds);
        CaseloadQuery::Filter filter;
        filter.text = text;
        EXPECT_TRUE(query.count(filter).ok()) << text.toStdString();
        EXPECT_TRUE(query.page(filter, {}, 0, 50).ok()) << text.toStdString();
    }
    // Operators are only words, quotes and punctuation only separate words.
    EXPECT_EQ(namesMatching(QStringLiteral("\"Jordan\" -Smith")), Names{QStringLiteral("Jordan Smith")});
    EXPECT_EQ(namesMatching(QStringLiteral("smith OR robson")), Names{});
    EXPECT_EQ(namesMatching(QStringLiteral("   ")).size(), 9u) << "blank text filters nothing";
}

TEST_F(CaseloadQueryTest, FiltersOnPanelStageRiskAndOverdueReview)
{
    signInAs(QStringLiteral("coord"));
    CaseloadQuery::Filter panel;
    panel.panelId = channelId;
    EXPECT_EQ(names(panel), Names{QStringLiteral("Adam Smith")});

    CaseloadQuery::Filter stage;
    stage.stage = QStringLiteral("accepted");
    EXPECT_EQ(names(stage), Names{QStringLiteral("Liam Smith")});

    CaseloadQuery::Filter risk;
    risk.risk = Risk::Red;
    EXPECT_EQ(names(risk), (Names{QStringLiteral("Jordan Smith"), QStringLiteral("Liam Smith"),
                                  QStringLiteral("Adam Smith")}));

    CaseloadQuery::Filter overdue;
    overdue.isOverdueOnly = true;
    EXPECT_EQ(names(overdue), (Names{QStringLiteral("Jordan Smith"), QStringLiteral("Liam Smith")}));

    CaseloadQuery::Filter combined;
    combined.risk = Risk::Red;
    combined.panelId = mapsId;
    combined.text = QStringLiteral("liam");
    EXPECT_EQ(names(combined), Names{QStringLiteral("Liam Smith")});
}

TEST_F(CaseloadQueryTest, OverdueFollowsTheClockAndIsFlaggedOnTheRow)
{
    signInAs(QStringLiteral("coord"));
    CaseloadQuery query(session(), *kinds);
    CaseloadQuery::Filter overdue;
    overdue.isOverdueOnly = true;
    const std::vector<CaseSummary> rows = query.page({}, {}, 0, 50).value();
    for (const CaseSummary& row : rows)
        EXPECT_EQ(row.isReviewOverdue, row.subjectName == QLatin1String("Jordan Smith") ||
                                           row.subjectName == QLatin1String("Liam Smith"))
            << row.subjectName.toStdString() << " review "
            << (row.nextReview ? row.nextReview->toString(Qt::ISODate).toStdString() : std::string("none"));

    store.clock.advanceSeconds(6 * 24 * 3600); // six days on: two more reviews have passed
    EXPECT_EQ(names(overdue), (Names{QStringLiteral("Jordan Smith"), QStringLiteral("Liam Smith"),
                                     QStringLiteral("Adam Smith"), QStringLiteral("Back Lane, Haswell")}));
    // A closed case is never overdue, even when closed cases are shown.
    overdue.includesClosed = true;
    EXPECT_EQ(names(overdue).count(QStringLiteral("Zoë Hutchinson")), 0u);
}

TEST_F(CaseloadQueryTest, EverySortOrderIsCorrectAndPagesNeitherRepeatNorSkip)
{
    signInAs(QStringLiteral("coord"));
    CaseloadQuery query(session(), *kinds);
    CaseloadQuery::Filter filter;
    filter.includesClosed = true;
    const int total = query.count(filter).value();
    ASSERT_EQ(total, 9);

    using Key = CaseloadQuery::SortKey;
    for (Key key : {Key::Reference, Key::Subject, Key::Panel, Key::Stage, Key::Risk, Key::NextReview}) {
        for (bool ascending : {true, false}) {
            const CaseloadQuery::Sort sort{key, ascending};
            const std::vector<CaseSummary> oneShot = query.page(filter, sort, 0, 1000).value();
            ASSERT_EQ(int(oneShot.size()), total);
            // Compares two neighbours on the sort key alone: -1, 0 (a tie) or 1.
            auto compare = [&](const CaseSummary& a, const CaseSummary& b) {
                auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
                switch (key) {
                case Key::Reference:
                    return sign(a.reference, b.reference);
                case Key::Subject:
                    return sign(a.subjectName.toCaseFolded(), b.subjectName.toCaseFolded());
                case Key::Panel:
                    return sign(a.panelName.toCaseFolded(), b.panelName.toCaseFolded());
                case Key::Stage:
                    return sign(a.stage, b.stage);
                case Key::Risk:
                    return sign(riskRank(a.risk), riskRank(b.risk));
                case Key::NextReview:
                    return sign(a.nextReview.value_or(QDate(1, 1, 1)), b.nextReview.value_or(QDate(1, 1, 1)));
                }
                return 0;
            };
            for (std::size_t i = 1; i < oneShot.size(); ++i) {
                const int order = compare(oneShot[i - 1], oneShot[i]) * (ascending ? 1 : -1);
                EXPECT_LE(order, 0) << "key " << int(key) << (ascending ? " asc" : " desc") << " at " << i;
                if (order == 0 && key != Key::Subject) { // same name, different subjects: subject id decides
                    EXPECT_EQ(oneShot[i - 1].id < oneShot[i].id, ascending) << "ties break on the case id";
                }
            }
            // Page by page gives exactly the same rows in the same order, whatever the page size.
            for (int pageSize : {1, 2, 4}) {
                const std::vector<CaseSummary> paged = allPages(query, filter, sort, pageSize);
                ASSERT_EQ(paged.size(), oneShot.size()) << "key " << int(key) << " page size " << pageSize;
                for (std::size_t i = 0; i < paged.size(); ++i)
                    EXPECT_EQ(paged[i].id, oneShot[i].id) << "key " << int(key) << " page size " << pageSize;
            }
        }
    }
}

TEST_F(CaseloadQueryTest, NextReviewPutsCasesWithoutADateFirstThenTheMostOverdue)
{
    signInAs(QStringLiteral("coord"));
    CaseloadQuery query(session(), *kinds);
    const std::vector<CaseSummary> rows =
        query.page({}, {CaseloadQuery::SortKey::NextReview, true}, 0, 50).value();
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[0].subjectName, QStringLiteral("Aaron Robson")) << "no review date: one needs setting";
    EXPECT_FALSE(rows[0].nextReview.has_value());
    EXPECT_EQ(rows[1].subjectName, QStringLiteral("Jordan Smith")) << "three days overdue comes next";
}

TEST_F(CaseloadQueryTest, RowsCarryWhatTheTableShows)
{
    signInAs(QStringLiteral("coord"));
    CaseloadQuery query(session(), *kinds);
    CaseloadQuery::Filter filter;
    filter.text = QStringLiteral("jordan");
    const std::vector<CaseSummary> rows = query.page(filter, {}, 0, 50).value();
    ASSERT_EQ(rows.size(), 1u);
    const CaseSummary& row = rows.front();
    EXPECT_EQ(row.reference, referenceOf[QStringLiteral("Jordan Smith")]);
    EXPECT_EQ(row.panelId, mapsId);
    EXPECT_EQ(row.panelName, QStringLiteral("Easington MAPS"));
    EXPECT_EQ(row.stage, QStringLiteral("referred"));
    EXPECT_EQ(row.risk, Risk::Red);
    EXPECT_EQ(row.leadAgencyName, QStringLiteral("Durham Constabulary"));
    EXPECT_EQ(row.nextReview, store.clock.nowUtc().date().addDays(-3));
    EXPECT_TRUE(row.isReviewOverdue);
}

// On a demo partnership large enough for both plans (walking the sort order, gathering and sorting),
// every filter's count equals its rows, and small pages agree with one large page.
TEST(CaseloadQueryPlans, WalkingAndSortingGiveTheSameRowsOnADemoPartnership)
{
    test::TestSession store;
    ASSERT_TRUE(store.sessionPtr());
    auto kinds = PanelKindRegistry::load(standardStageGates());
    ASSERT_TRUE(kinds.ok());
    ASSERT_TRUE(DemoPartnership::fill(store.session(), *kinds, {400, 7, false, {}}).ok());
    CaseloadQuery query(store.session(), *kinds);

    std::vector<CaseloadQuery::Filter> filters(6);
    filters[1].text = QStringLiteral("r");
    filters[2].text = QStringLiteral("maps-2");
    filters[3].risk = Risk::Red;
    filters[3].includesClosed = true;
    filters[4].isOverdueOnly = true;
    filters[5].text = QStringLiteral("dh6");
    filters[5].stage = QStringLiteral("referred");
    using Key = CaseloadQuery::SortKey;
    for (const CaseloadQuery::Filter& filter : filters) {
        const int total = query.count(filter).value();
        for (Key key : {Key::Reference, Key::Subject, Key::Panel, Key::Stage, Key::Risk, Key::NextReview}) {
            for (bool ascending : {true, false}) {
                const CaseloadQuery::Sort sort{key, ascending};
                std::vector<CaseSummary> paged;
                for (int offset = 0; offset < total + 50; offset += 50) {
                    const std::vector<CaseSummary> page = query.page(filter, sort, offset, 50).value();
                    paged.insert(paged.end(), page.begin(), page.end());
                }
                const std::vector<CaseSummary> oneShot = query.page(filter, sort, 0, 100000).value();
                ASSERT_EQ(int(oneShot.size()), total) << filter.text.toStdString() << " key " << int(key);
                ASSERT_EQ(paged.size(), oneShot.size()) << filter.text.toStdString() << " key " << int(key);
                // One row at a time at the top: the cheapest page, read by walking the sort order's index.
                for (int offset = 0; offset < std::min(total, 5); ++offset) {
                    const std::vector<CaseSummary> one = query.page(filter, sort, offset, 1).value();
                    ASSERT_EQ(one.size(), 1u);
                    EXPECT_EQ(one.front().id, oneShot[std::size_t(offset)].id)
                        << filter.text.toStdString() << " key " << int(key) << " offset " << offset;
                }
                std::set<qint64> seen;
                for (std::size_t i = 0; i < paged.size(); ++i) {
                    EXPECT_EQ(paged[i].id, oneShot[i].id) << filter.text.toStdString() << " key " << int(key);
                    EXPECT_TRUE(seen.insert(paged[i].id).second) << "a row twice";
                }
            }
        }
    }
}
