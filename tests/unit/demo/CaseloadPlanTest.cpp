// CaseloadQuery's planner (CaseloadPlanner): the indexes its statements name are in the schema, every plan
// really runs (as SQLite's own EXPLAIN QUERY PLAN shows), and whichever runs, counts and pages agree with an
// oracle that shares nothing with the query builder: every case read with plain SQL, filtered and sorted
// in C++. On a demo partnership, for many filter combinations, as two users.
#include "caseload/CaseloadPlan.h"

#include "CaseDataReads.h"
#include "TestSession.h"
#include "caseload/CaseloadQuery.h"
#include "caseload/StandardStageGates.h"
#include "demo/DemoPartnership.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Statement.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

using namespace confer;

namespace {

const QString DemoAccountPassphrase = QStringLiteral("test-only passphrase for demo accounts");

using Filter = CaseloadQuery::Filter;
using Key = CaseloadQuery::SortKey;

// One case as the oracle sees it, read with plain SQL.
struct OracleCase {
    qint64 id = 0;
    QString reference;
    qint64 panelId = 0;
    QString panelName;
    QString stage;
    int riskRank = 0;
    QString riskKey;
    QString nextReview; // ISO date; empty when none
    qint64 subjectId = 0;
    QString subjectName;
    QStringList words; // what the search index holds for the case, split as its tokenizer splits
    QString firstOpenScheduledReview; // ISO date of the first scheduled review not completed; empty when none
};

// Words as the FTS4 "simple" tokenizer makes them: split at every ASCII character that is not a letter or a
// digit, ASCII letters lowered, every other character kept.
QStringList words(const QString& text)
{
    QStringList result;
    QString word;
    for (const QChar ch : text) {
        const char16_t unit = ch.unicode();
        const bool isAsciiDelimiter = unit < 0x80 && !ch.isLetterOrNumber();
        if (isAsciiDelimiter) {
            if (!word.isEmpty())
                result << word;
            word.clear();
        } else {
            word += (unit >= u'A' && unit <= u'Z') ? QChar(unit - u'A' + u'a') : ch;
        }
    }
    if (!word.isEmpty())
        result << word;
    return result;
}

// SQLite's NOCASE: ASCII letters folded, nothing else.
QString nocase(const QString& text)
{
    QString folded = text;
    for (QChar& ch : folded) {
        if (ch.unicode() >= u'A' && ch.unicode() <= u'Z')
            ch = QChar(ch.unicode() - u'A' + u'a');
    }
    return folded;
}

int rankOf(const QString& risk)
{
    return risk == QLatin1String("red")     ? 3
           : risk == QLatin1String("amber") ? 2
           : risk == QLatin1String("green") ? 1
                                            : 0;
}

// The whole caseload and what the user may see of it, independent of CaseloadQuery and CaseloadPlanner.
struct Oracle {
    std::vector<OracleCase> cases;
    QSet<qint64> memberPanels;
    QHash<qint64, QStringList> closedStages;
    QHash<qint64, QStringList> schedulingStages; // stages whose kind schedules reviews on entering them
    QDate today;

    bool admits(const OracleCase& c, const Filter& filter) const
    {
        if (!memberPanels.contains(c.panelId) || (filter.panelId && c.panelId != *filter.panelId))
            return false;
        const bool isClosed = closedStages.value(c.panelId).contains(c.stage);
        if (isClosed && (!filter.includesClosed || filter.isOverdueOnly))
            return false;
        if ((!filter.stage.isEmpty() && c.stage != filter.stage) ||
            (filter.risk && c.riskKey != riskKey(*filter.risk)))
            return false;
        // A stage that schedules its own reviews waits for the first of those, not the next review date.
        const QString due =
            schedulingStages.value(c.panelId).contains(c.stage) ? c.firstOpenScheduledReview : c.nextReview;
        if (filter.isOverdueOnly && (due.isEmpty() || due >= today.toString(Qt::ISODate)))
            return false;
        for (const QString& typed : words(filter.text)) {
            if (std::none_of(c.words.cbegin(), c.words.cend(),
                             [&](const QString& w) { return w.startsWith(typed); }))
                return false;
        }
        return true;
    }

    static bool before(const OracleCase& a, const OracleCase& b, Key key)
    {
        auto byId = [&](auto left, auto right) { return left != right ? left < right : a.id < b.id; };
        switch (key) {
        case Key::Reference:
            return byId(a.reference, b.reference);
        case Key::Subject:
            if (nocase(a.subjectName) != nocase(b.subjectName))
                return nocase(a.subjectName) < nocase(b.subjectName);
            return byId(a.subjectId, b.subjectId);
        case Key::Panel:
            if (nocase(a.panelName) != nocase(b.panelName))
                return nocase(a.panelName) < nocase(b.panelName);
            return byId(a.panelId, b.panelId);
        case Key::Stage:
            return byId(a.stage, b.stage);
        case Key::Risk:
            return byId(a.riskRank, b.riskRank);
        case Key::NextReview:
            return byId(a.nextReview, b.nextReview); // no date ('') first
        }
        return false;
    }

    std::vector<qint64> rows(const Filter& filter, const CaseloadQuery::Sort& sort) const
    {
        std::vector<OracleCase> admitted;
        std::copy_if(cases.cbegin(), cases.cend(), std::back_inserter(admitted),
                     [&](const OracleCase& c) { return admits(c, filter); });
        std::sort(admitted.begin(), admitted.end(), [&](const OracleCase& a, const OracleCase& b) {
            return sort.isAscending ? before(a, b, sort.key) : before(b, a, sort.key);
        });
        std::vector<qint64> ids;
        for (const OracleCase& c : admitted)
            ids.push_back(c.id);
        return ids;
    }
};

Oracle readOracle(Session& session, const PanelKindRegistry& kinds)
{
    Oracle oracle;
    oracle.today = session.clock().today();
    Database& db = session.database();
    auto rows = db.prepare(QStringLiteral(
        "SELECT c.id, c.reference, c.panel_id, p.name, c.stage, c.risk, ifnull(c.next_review, ''), s.id, "
        "s.name, "
        "x.reference || ' ' || x.subject || ' ' || x.postcode, p.kind "
        "FROM cases c JOIN panels p ON p.id = c.panel_id JOIN subjects s ON s.id = c.subject_id "
        "JOIN case_search x ON x.docid = c.id"));
    EXPECT_TRUE(rows.ok());
    while (rows.ok() && rows->step().value()) {
        OracleCase c{rows->columnInt(0),  rows->columnText(1),       rows->columnInt(2),
                     rows->columnText(3), rows->columnText(4),       rankOf(rows->columnText(5)),
                     rows->columnText(5), rows->columnText(6),       rows->columnInt(7),
                     rows->columnText(8), words(rows->columnText(9))};
        if (const PanelKind* kind = kinds.kind(rows->columnText(10))) {
            for (const StageDefinition& stage : kind->stages) {
                if (stage.isClosed && !oracle.closedStages[c.panelId].contains(stage.key))
                    oracle.closedStages[c.panelId] << stage.key;
                if (!kind->reviewsOnEnter.value(stage.key).isEmpty() &&
                    !oracle.schedulingStages[c.panelId].contains(stage.key))
                    oracle.schedulingStages[c.panelId] << stage.key;
            }
        }
        oracle.cases.push_back(c);
    }
    QHash<qint64, QString> firstOpen;
    auto scheduled = db.prepare(QStringLiteral(
        "SELECT case_id, min(due_date) FROM scheduled_reviews WHERE completed_on IS NULL GROUP BY case_id"));
    EXPECT_TRUE(scheduled.ok());
    while (scheduled.ok() && scheduled->step().value())
        firstOpen.insert(scheduled->columnInt(0), scheduled->columnText(1));
    for (OracleCase& c : oracle.cases)
        c.firstOpenScheduledReview = firstOpen.value(c.id);
    auto members = db.prepare(QStringLiteral("SELECT panel_id FROM panel_members WHERE user_id = :user"));
    EXPECT_TRUE(members.ok());
    members->bind(":user", session.currentUser().id);
    while (members->step().value())
        oracle.memberPanels.insert(members->columnInt(0));
    return oracle;
}

// Which plan SQLite really runs for a page's ids, read from its query plan.
enum class SeenPlan { Walk, GatherMatches, GatherByFilter };

SeenPlan classify(const QStringList& plan)
{
    static const QRegularExpression filterIndex(QStringLiteral("INDEX cases_caseload( |$)"));
    if (!plan.isEmpty() && plan.first().contains(QLatin1String("caseload_match")))
        return SeenPlan::GatherMatches;
    for (const QString& step : plan) {
        if (filterIndex.match(step).hasMatch())
            return SeenPlan::GatherByFilter;
    }
    return SeenPlan::Walk;
}

// What a sweep over many filters saw: plans run, indexes named, and every disagreement with the oracle.
struct Sweep {
    std::map<SeenPlan, int> pagePlans;
    std::map<QString, int> countPlans;
    QSet<QString> indexesNamed;
    QStringList disagreements;
    QStringList breaches;
    int comparisons = 0;
};

std::vector<Filter> filtersFor(const Oracle& oracle)
{
    // Texts from broad to none at all; a panel of the user's; the commonest stage.
    // A text with few matches first, so the filter's id set is not yet built when it is counted.
    const QStringList texts{QString(),
                            QStringLiteral("hutchinson"),
                            QStringLiteral("m"),
                            QStringLiteral("r"),
                            QStringLiteral("smi"),
                            QStringLiteral("dh1 a"),
                            QStringLiteral("zzz")};
    std::map<QString, int> stages;
    for (const OracleCase& c : oracle.cases)
        ++stages[c.stage];
    const QString stage = std::max_element(stages.cbegin(), stages.cend(), [](const auto& a, const auto& b) {
                              return a.second < b.second;
                          })->first;
    std::vector<Filter> filters;
    for (int bits = 0; bits < 32; ++bits) {
        for (const QString& text : texts) {
            Filter filter;
            filter.text = text;
            if (bits & 1)
                filter.panelId = *std::min_element(oracle.memberPanels.cbegin(), oracle.memberPanels.cend());
            if (bits & 2)
                filter.stage = stage;
            if (bits & 4)
                filter.risk = Risk::Red;
            filter.isOverdueOnly = bits & 8;
            filter.includesClosed = bits & 16;
            filters.push_back(filter);
        }
    }
    return filters;
}

QString describe(const Filter& filter, const CaseloadQuery::Sort& sort, int offset, int limit)
{
    return QStringLiteral(
               "text '%1' panel %2 stage '%3' risk %4 overdue %5 closed %6 sort %7%8 offset %9 limit %10")
        .arg(filter.text)
        .arg(filter.panelId.value_or(0))
        .arg(filter.stage)
        .arg(filter.risk ? riskKey(*filter.risk) : QStringLiteral("-"))
        .arg(int(filter.isOverdueOnly))
        .arg(int(filter.includesClosed))
        .arg(int(sort.key))
        .arg(sort.isAscending ? QStringLiteral("+") : QStringLiteral("-"))
        .arg(offset)
        .arg(limit);
}

// Notes what the recorded statements of one call ran: the page's plan, the count's plan, the indexes.
void noteStatements(Session& session, test::CaseDataReads& reads, Sweep& sweep)
{
    static const QRegularExpression indexed(QStringLiteral("INDEXED BY (\\w+)"));
    reads.stop();
    for (const Database::StatementReads& statement : reads.statements()) {
        for (auto it = indexed.globalMatch(statement.sql); it.hasNext();)
            sweep.indexesNamed.insert(it.next().captured(1));
        if (statement.sql.startsWith(QLatin1String("SELECT c.id FROM")) &&
            statement.sql.contains(QLatin1String("LIMIT"))) {
            const QStringList plan = test::queryPlan(session.database(), statement.sql);
            const SeenPlan seen = classify(plan);
            ++sweep.pagePlans[seen];
            // A walk reads in the sort order (next review sorts one date's cases at a time, its "right
            // part"), so it never sorts everything it read.
            if (seen == SeenPlan::Walk && plan.contains(QStringLiteral("USE TEMP B-TREE FOR ORDER BY")))
                sweep.disagreements << QStringLiteral("plan %1 of %2: %3")
                                           .arg(int(seen))
                                           .arg(statement.sql, plan.join(QStringLiteral(" / ")));
        }
        if (statement.sql.startsWith(
                QLatin1String("SELECT count(*) FROM temp.caseload_match m CROSS JOIN cases")))
            ++sweep.countPlans[QStringLiteral("look up matches")];
        if (statement.sql.contains(QLatin1String("CROSS JOIN temp.caseload_")))
            ++sweep.countPlans[QStringLiteral("intersect sets")];
    }
    sweep.breaches << reads.breaches();
}

// Every filter: its count, then pages at the top, at the end and the whole list, each in the next of the
// twelve orders, compared with the oracle.
Sweep sweepAs(Session& session, const PanelKindRegistry& kinds)
{
    const Oracle oracle = readOracle(session, kinds);
    CaseloadQuery query(session, kinds);
    Sweep sweep;
    int turn = 0;
    for (const Filter& filter : filtersFor(oracle)) {
        const int total = int(oracle.rows(filter, {}).size());
        // A limit of -1 stands for count(). Without text, the first row in every order too: the cheapest
        // page there is, read by walking each order's index.
        std::vector<std::pair<int, int>> pages{
            {0, -1}, {0, 1}, {0, 50}, {std::max(total - 30, 0), 25}, {0, total + 1}};
        if (filter.text.isEmpty())
            pages.insert(pages.end(), 12, {0, 1});
        for (auto [offset, limit] : pages) {
            const CaseloadQuery::Sort sort{Key(turn % 6), (turn / 6) % 2 == 0};
            ++turn;
            const std::vector<qint64> expected = oracle.rows(filter, sort);
            test::CaseDataReads reads(session);
            std::vector<qint64> ids;
            if (limit < 0) {
                ids.resize(std::size_t(query.count(filter).value()));
            } else {
                const std::vector<CaseSummary> page = query.page(filter, sort, offset, limit).value();
                for (const CaseSummary& row : page)
                    ids.push_back(row.id);
            }
            noteStatements(session, reads, sweep);
            const auto from = expected.cbegin() + std::min(offset, total);
            const std::vector<qint64> want =
                limit < 0 ? expected
                          : std::vector<qint64>(from, from + std::min(limit, int(expected.cend() - from)));
            ++sweep.comparisons;
            if (limit < 0 ? ids.size() != want.size() : ids != want)
                sweep.disagreements
                    << describe(filter, sort, offset, limit) +
                           QStringLiteral(": %1 rows, the oracle %2").arg(ids.size()).arg(want.size());
        }
    }
    return sweep;
}

class CaseloadPlans : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        auto loaded = PanelKindRegistry::load(standardStageGates());
        ASSERT_TRUE(loaded.ok());
        kinds.emplace(std::move(loaded).value());
        auto filled = DemoPartnership::fill(store.session(), *kinds, {400, 7, false, DemoAccountPassphrase});
        ASSERT_TRUE(filled.ok()) << filled.error().message.toStdString();
    }

    void signInAs(const QString& login)
    {
        store.sessionPtr().reset();
        auto unlocked = store.opener().unlock(login, DemoAccountPassphrase);
        ASSERT_TRUE(unlocked.ok()) << unlocked.error().message.toStdString();
        store.sessionPtr() = std::move(*unlocked);
    }

    test::TestSession store;
    std::optional<PanelKindRegistry> kinds;
};

TEST_F(CaseloadPlans, EveryPlanRunsAndAgreesWithAPlainFilterOverAllRows_AsAMemberOfEveryPanel)
{
    const Sweep sweep = sweepAs(store.session(), *kinds);
    EXPECT_TRUE(sweep.disagreements.isEmpty()) << sweep.disagreements.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(sweep.breaches.isEmpty()) << sweep.breaches.join(QLatin1Char('\n')).toStdString();
    EXPECT_GT(sweep.comparisons, 1000);
    for (SeenPlan plan : {SeenPlan::Walk, SeenPlan::GatherMatches, SeenPlan::GatherByFilter})
        EXPECT_GT(sweep.pagePlans.count(plan) ? sweep.pagePlans.at(plan) : 0, 20)
            << "page plan " << int(plan);
    for (const char* plan : {"look up matches", "intersect sets"})
        EXPECT_GT(sweep.countPlans.count(QString::fromLatin1(plan))
                      ? sweep.countPlans.at(QString::fromLatin1(plan))
                      : 0,
                  5)
            << "count plan " << plan;
}

TEST_F(CaseloadPlans, EveryPlanAgreesWithAPlainFilterOverAllRows_AsTheChairOfOnePanel)
{
    signInAs(QStringLiteral("demo.hwalton"));
    const Sweep sweep = sweepAs(store.session(), *kinds);
    EXPECT_TRUE(sweep.disagreements.isEmpty()) << sweep.disagreements.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(sweep.breaches.isEmpty()) << sweep.breaches.join(QLatin1Char('\n')).toStdString();
    for (SeenPlan plan : {SeenPlan::Walk, SeenPlan::GatherByFilter})
        EXPECT_GT(sweep.pagePlans.count(plan) ? sweep.pagePlans.at(plan) : 0, 0) << "page plan " << int(plan);
}

TEST_F(CaseloadPlans, EveryIndexThePlansNameIsInTheSchema)
{
    const Sweep sweep = sweepAs(store.session(), *kinds);
    // Every sort order's walk, both gathers and both counts, so every index the planner knows.
    EXPECT_EQ(sweep.indexesNamed.size(), 10)
        << QStringList(sweep.indexesNamed.cbegin(), sweep.indexesNamed.cend())
               .join(QLatin1Char(' '))
               .toStdString();
    auto index = store.session().database().prepare(
        QStringLiteral("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = :name"));
    ASSERT_TRUE(index.ok());
    for (const QString& name : sweep.indexesNamed) {
        index->bind(":name", name);
        EXPECT_TRUE(index->step().value()) << name.toStdString() << " is not in the schema";
        index->reset();
    }
}

// The planner alone, on figures: no store.
TEST(CaseloadPlanner, WalksTheSortOrderForABroadFilterAndGathersForANarrowOne)
{
    CaseloadFigures broad;
    broad.caseRows = broad.visible = 100000;
    broad.admitted = broad.expected = 90000; // open cases
    EXPECT_EQ(CaseloadPlanner::pagePlan(broad, Key::NextReview, 0, 50), PagePlan::WalkSortOrder);
    CaseloadFigures narrow = broad;
    narrow.admitted = narrow.expected = 40; // red risk on one panel
    EXPECT_EQ(CaseloadPlanner::pagePlan(narrow, Key::Reference, 0, 50), PagePlan::GatherByFilter);
    CaseloadFigures fewMatches = broad;
    fewMatches.hasText = true;
    fewMatches.matches = fewMatches.expected = 3;
    EXPECT_EQ(CaseloadPlanner::pagePlan(fewMatches, Key::Subject, 0, 50), PagePlan::GatherMatches);
    EXPECT_EQ(CaseloadPlanner::countPlan(fewMatches), CountPlan::LookUpMatches);
    CaseloadFigures manyMatches = fewMatches;
    manyMatches.matches = 60000;
    manyMatches.hasScopeSet = true;
    EXPECT_EQ(CaseloadPlanner::countPlan(manyMatches), CountPlan::IntersectSets);
    EXPECT_TRUE(CaseloadPlanner::keepsLeftOut(manyMatches)); // the closed cases: the smaller side
    CaseloadFigures includingClosed = manyMatches;
    includingClosed.admitted = includingClosed.visible;
    EXPECT_EQ(CaseloadPlanner::countPlan(includingClosed), CountPlan::EveryMatch);
    // Someone on one panel: the matches include other panels' cases, so each is checked against the cases
    // the filter admits, never counted as they are.
    CaseloadFigures onePanel = includingClosed;
    onePanel.visible = onePanel.admitted = 20000;
    EXPECT_EQ(CaseloadPlanner::countPlan(onePanel), CountPlan::IntersectSets);
    onePanel.admitted = 18000;
    EXPECT_FALSE(CaseloadPlanner::keepsLeftOut(onePanel));
}

} // namespace
