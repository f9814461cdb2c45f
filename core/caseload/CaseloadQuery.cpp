#include "caseload/CaseloadQuery.h"

#include "caseload/CaseSearchText.h"
#include "caseload/ReviewDue.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace confer {

namespace {

// Rough costs in microseconds, measured on a 100,000-case store (tests/bench/caseload), to choose
// between plans. Case rows are large and mostly outside the page cache, so reading one costs a page
// decryption; the covering indexes are small and stay cached.
constexpr double RowReadCost = 8.0;    // one case (or subject) row, by id
constexpr double IndexSeekCost = 0.4;  // one entry of cases_caseload_by_id, by id
constexpr double IndexScanCost = 0.05; // the next entry of an index being walked
constexpr double SetProbeCost = 0.12;  // one id looked up in an id set in memory
constexpr double SetInsertCost = 0.6;  // one id added to an id set, in no particular order

// Severity order, from unassessed to red; the same expression as the index cases_by_risk_rank.
const char* const RiskRank =
    "(CASE c.risk WHEN 'red' THEN 3 WHEN 'amber' THEN 2 WHEN 'green' THEN 1 ELSE 0 END)";

// A named value bound into a generated statement.
struct Binding {
    QByteArray name;
    QString value;
};

// A member panel in view, with the stages its kind counts as closed and those that schedule their own
// reviews (ReviewDue).
struct ScopePanel {
    PanelId id;
    const PanelKind* kind = nullptr;
    QStringList closedStages;
    QStringList scheduledStages;
};

// The filter as SQL over `cases AS c`, text excepted (each plan applies the match its own way). Ids
// come from the store and are written as numbers; everything else is bound.
struct Conditions {
    QStringList terms;
    std::vector<Binding> bindings;
    QString match; // the full-text query; empty when the filter has no text

    QString sql() const { return terms.join(QStringLiteral(" AND ")); }
    void bindTo(Statement& statement) const
    {
        for (const Binding& binding : bindings)
            statement.bind(binding.name.constData(), binding.value);
    }
};

template <typename IdType>
QString idList(const std::vector<IdType>& ids)
{
    QStringList numbers;
    for (IdType id : ids)
        numbers << QString::number(id.value());
    return numbers.join(QLatin1Char(','));
}

QDate todayOf(const Session& session)
{
    // The user's calendar day, as for review and action due dates elsewhere.
    return session.clock().today();
}

// SQL true when c is in a stage its panel's kind schedules reviews for (empty when no panel in view has
// one), so the overdue filter applies ReviewDue's rule.
QString inScheduledStage(const std::vector<ScopePanel>& panels, Conditions& where)
{
    QMap<QString, std::vector<PanelId>> panelsScheduling;
    for (const ScopePanel& panel : panels) {
        for (const QString& stage : panel.scheduledStages)
            panelsScheduling[stage].push_back(panel.id);
    }
    QStringList terms;
    for (auto it = panelsScheduling.cbegin(); it != panelsScheduling.cend(); ++it) {
        const QByteArray name = ":scheduled" + QByteArray::number(int(where.bindings.size()));
        where.bindings.push_back({name, it.key()});
        terms << QStringLiteral("(c.stage = %1 AND c.panel_id IN (%2))")
                     .arg(QString::fromLatin1(name), idList(it.value()));
    }
    return terms.isEmpty() ? QString() : QStringLiteral("(%1)").arg(terms.join(QStringLiteral(" OR ")));
}

Conditions conditionsFor(const CaseloadQuery::Filter& filter, const std::vector<ScopePanel>& panels,
                         const QDate& today)
{
    Conditions where;
    std::vector<PanelId> ids;
    for (const ScopePanel& panel : panels)
        ids.push_back(panel.id);
    where.terms << QStringLiteral("c.panel_id IN (%1)").arg(idList(ids));

    // A stage is closed by its panel's kind; a key closed in every panel in view is one NOT IN, one
    // closed in only some of them (IOM's notSelected) is excluded for those panels only.
    if (!filter.includesClosed || filter.isOverdueOnly) {
        QMap<QString, std::vector<PanelId>> panelsClosing;
        for (const ScopePanel& panel : panels) {
            for (const QString& stage : panel.closedStages)
                panelsClosing[stage].push_back(panel.id);
        }
        QStringList everywhere;
        for (auto it = panelsClosing.cbegin(); it != panelsClosing.cend(); ++it) {
            const QByteArray name = ":closed" + QByteArray::number(int(where.bindings.size()));
            where.bindings.push_back({name, it.key()});
            if (it.value().size() == panels.size())
                everywhere << QString::fromLatin1(name);
            else
                where.terms << QStringLiteral("NOT (c.stage = %1 AND c.panel_id IN (%2))")
                                   .arg(QString::fromLatin1(name), idList(it.value()));
        }
        if (!everywhere.isEmpty())
            where.terms << QStringLiteral("c.stage NOT IN (%1)").arg(everywhere.join(QLatin1Char(',')));
    }
    if (!filter.stage.isEmpty()) {
        where.terms << QStringLiteral("c.stage = :stage");
        where.bindings.push_back({":stage", filter.stage});
    }
    if (filter.risk) {
        where.terms << QStringLiteral("c.risk = :risk");
        where.bindings.push_back({":risk", riskKey(*filter.risk)});
    }
    if (filter.isOverdueOnly) {
        where.terms << ReviewDue::dateSql(inScheduledStage(panels, where)) + QStringLiteral(" < :today");
        where.bindings.push_back({":today", today.toString(Qt::ISODate)});
    }
    where.match = caseSearchMatch(filter.text);
    return where;
}

// What decides which cases a filter admits, text aside: the key under which they are remembered.
QString scopeKey(const CaseloadQuery::Filter& filter, UserId userId, const QDate& today)
{
    return QStringList{QString::number(userId.value()),
                       filter.panelId ? QString::number(filter.panelId->value()) : QString(),
                       filter.stage,
                       filter.risk ? riskKey(*filter.risk) : QString(),
                       filter.isOverdueOnly ? today.toString(Qt::ISODate) : QString(),
                       filter.includesClosed ? QStringLiteral("closed") : QString()}
        .join(QChar(0x1f));
}

Result<qint64> singleNumber(Database& db, const QString& sql, const Conditions* where = nullptr)
{
    auto statement = db.prepare(sql);
    if (!statement.ok())
        return statement.error();
    if (where)
        where->bindTo(*statement);
    auto hasRow = statement->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow ? statement->columnInt(0) : 0;
}

Status runStatement(Database& db, const QString& sql, const Conditions* where = nullptr)
{
    auto statement = db.prepare(sql);
    if (!statement.ok())
        return statement.error();
    if (where)
        where->bindTo(*statement);
    return statement->run();
}

// How the rows of one sort order are read: walking an index in that order, or gathering and sorting.
struct SortPlan {
    QString walkSource; // FROM clause that yields cases in sort order
    QString join;       // what the ORDER BY needs besides cases, when gathering and sorting
    QString order;      // ORDER BY terms, %1 being ASC or DESC
    double walkCost;    // per case walked past
};

SortPlan sortPlan(CaseloadQuery::SortKey key)
{
    using Key = CaseloadQuery::SortKey;
    switch (key) {
    case Key::Reference:
        return {QStringLiteral("cases c INDEXED BY sqlite_autoindex_cases_1"), QString(),
                QStringLiteral("c.reference %1, c.id %1"), RowReadCost};
    case Key::Subject:
        return {QStringLiteral("subjects sub INDEXED BY subjects_by_name "
                               "CROSS JOIN cases c INDEXED BY cases_by_subject ON c.subject_id = sub.id"),
                QStringLiteral(" CROSS JOIN subjects sub ON sub.id = c.subject_id"),
                QStringLiteral("sub.name COLLATE NOCASE %1, sub.id %1, c.id %1"), RowReadCost};
    case Key::Panel:
        return {QStringLiteral("panels p INDEXED BY sqlite_autoindex_panels_1 "
                               "CROSS JOIN cases c INDEXED BY cases_by_panel ON c.panel_id = p.id"),
                QStringLiteral(" CROSS JOIN panels p ON p.id = c.panel_id"),
                QStringLiteral("p.name COLLATE NOCASE %1, p.id %1, c.id %1"), RowReadCost};
    case Key::Stage:
        return {QStringLiteral("cases c INDEXED BY cases_by_stage"), QString(),
                QStringLiteral("c.stage %1, c.id %1"), RowReadCost};
    case Key::Risk:
        return {QStringLiteral("cases c INDEXED BY cases_by_risk_rank"), QString(),
                QString::fromLatin1(RiskRank) + QStringLiteral(" %1, c.id %1"), RowReadCost};
    case Key::NextReview:
        break;
    }
    // Covering: the filter is checked from the index, and only one date's cases are sorted at a time.
    return {QStringLiteral("cases c INDEXED BY cases_review_walk"), QString(),
            QStringLiteral("c.next_review %1, c.id %1"), IndexScanCost};
}

// Need-to-know: the panels the user is a member of (narrowed to the filter's panel), never others. An
// administrator who is not a member gets none.
Result<std::vector<ScopePanel>> panelsInView(Session& session, const PanelKindRegistry& kinds,
                                             std::optional<PanelId> onlyPanel)
{
    auto rows = session.database().prepare(
        QStringLiteral("SELECT p.id, p.kind FROM panel_members m JOIN panels p ON p.id = m.panel_id "
                       "WHERE m.user_id = :user") +
        (onlyPanel ? QStringLiteral(" AND p.id = :panel") : QString()));
    if (!rows.ok())
        return rows.error();
    rows->bind(":user", session.currentUser().id);
    if (onlyPanel)
        rows->bind(":panel", *onlyPanel);
    std::vector<ScopePanel> panels;
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            break;
        ScopePanel panel;
        panel.id = rows->columnId<PanelId>(0);
        // A kind no longer defined closes nothing: its cases stay in view rather than vanish.
        panel.kind = kinds.kind(rows->columnText(1));
        if (panel.kind) {
            for (const StageDefinition& stage : panel.kind->stages) {
                if (stage.isClosed)
                    panel.closedStages << stage.key;
                if (ReviewDue::isScheduledStage(*panel.kind, stage.key))
                    panel.scheduledStages << stage.key;
            }
        }
        panels.push_back(panel);
    }
    return panels;
}

} // namespace

// Reused while the store has not changed since: rows written by anything but this object move the
// connection's total_changes(), so (total_changes() - own writes) is a stamp of the store's content.
// One connection per store (StoreLock), so no other writer goes unseen. The id sets are TEMP tables,
// which live in memory (temp_store=MEMORY is checked at open) and hold case ids only.
struct CaseloadQuery::Memory {
    struct Remembered {
        QString key;
        qint64 stamp = -1;
        int value = 0;
        bool isComplement = false;
    };

    explicit Memory(Database& database)
        : db(database)
    {}

    Result<qint64> stamp()
    {
        auto total = singleNumber(db, QStringLiteral("SELECT total_changes()"));
        if (!total.ok())
            return total.error();
        return *total - ownChanges;
    }

    // Writes to this object's TEMP tables, counted out of the stamp; where binds the last statement.
    Status writeTemp(const QStringList& statements, const Conditions* where, int* rowsOfLast)
    {
        auto before = singleNumber(db, QStringLiteral("SELECT total_changes()"));
        if (!before.ok())
            return before.error();
        for (qsizetype i = 0; i < statements.size(); ++i) {
            // Only the last statement (the INSERT) takes the bindings.
            if (Status ran = runStatement(db, statements[i], i + 1 == statements.size() ? where : nullptr);
                !ran.ok())
                return ran;
        }
        if (rowsOfLast)
            *rowsOfLast = db.changes();
        auto after = singleNumber(db, QStringLiteral("SELECT total_changes()"));
        if (!after.ok())
            return after.error();
        ownChanges += *after - *before;
        return {};
    }

    // temp.caseload_match: the ids of every case whose reference, subject or postcode match the text,
    // on any panel (the filter is applied when they are used). Returns how many.
    Result<int> matches(const QString& expression, qint64 now)
    {
        if (matchSet.key == expression && matchSet.stamp == now)
            return matchSet.value;
        matchSet = {};
        Conditions match;
        match.bindings.push_back({":match", expression});
        int size = 0;
        if (Status written = writeTemp(
                {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS caseload_match (id INTEGER PRIMARY KEY)"),
                 QStringLiteral("DELETE FROM temp.caseload_match"),
                 QStringLiteral("INSERT INTO temp.caseload_match (id) "
                                "SELECT docid FROM case_search WHERE case_search MATCH :match")},
                &match, &size);
            !written.ok())
            return written.error();
        matchSet = {expression, now, size, false};
        return size;
    }

    // How many cases the filter admits, text aside: every filter but text is in the covering index.
    Result<int> scopeCount(const QString& key, const Conditions& where, qint64 now)
    {
        if (scopeTotal.key == key && scopeTotal.stamp == now)
            return scopeTotal.value;
        auto counted = singleNumber(
            db, QStringLiteral("SELECT count(*) FROM cases c INDEXED BY cases_caseload WHERE ") + where.sql(),
            &where);
        if (!counted.ok())
            return counted.error();
        scopeTotal = {key, now, int(*counted), false};
        return int(*counted);
    }

    // temp.caseload_scope: the ids the filter admits, or the ids it leaves out when they are fewer
    // (the usual caseload leaves out only closed cases and other panels').
    Result<const Remembered*> scopeIds(const QString& key, const Conditions& where, int admitted,
                                       qint64 total, qint64 now)
    {
        if (scopeSet.key == key && scopeSet.stamp == now)
            return &scopeSet;
        scopeSet = {};
        const bool isComplement = total - admitted < admitted;
        // A filter term on a NULL (no review date) is neither true nor false: IS NOT 1 counts it out.
        const QString sql = QStringLiteral("INSERT INTO temp.caseload_scope (id) SELECT c.id FROM cases c "
                                           "INDEXED BY cases_caseload WHERE ") +
                            (isComplement ? QStringLiteral("(%1) IS NOT 1").arg(where.sql()) : where.sql());
        int size = 0;
        if (Status written = writeTemp(
                {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS caseload_scope (id INTEGER PRIMARY KEY)"),
                 QStringLiteral("DELETE FROM temp.caseload_scope"), sql},
                &where, &size);
            !written.ok())
            return written.error();
        scopeSet = {key, now, size, isComplement};
        return &scopeSet;
    }

    Database& db;
    qint64 ownChanges = 0;
    Remembered count;      // count() of a whole filter
    Remembered scopeTotal; // cases the filter admits, text aside
    Remembered matchSet;   // what temp.caseload_match holds
    Remembered scopeSet;   // what temp.caseload_scope holds
};

CaseloadQuery::CaseloadQuery(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
    , m_memory(std::make_unique<Memory>(session.database()))
{}

CaseloadQuery::~CaseloadQuery() = default;

Result<int> CaseloadQuery::count(const Filter& filter) const
{
    Memory& memory = *m_memory;
    const QDate today = todayOf(m_session);
    const QString expression = caseSearchMatch(filter.text);
    const QString key = scopeKey(filter, m_session.currentUser().id, today);
    const QString countKey = key + QChar(0x1e) + expression;
    auto now = memory.stamp();
    if (!now.ok())
        return now.error();
    if (memory.count.key == countKey && memory.count.stamp == *now)
        return memory.count.value;

    auto panels = panelsInView(m_session, m_kinds, filter.panelId);
    if (!panels.ok())
        return panels.error();
    int result = 0;
    if (!panels->empty()) {
        const Conditions where = conditionsFor(filter, *panels, today);
        auto admitted = memory.scopeCount(key, where, *now);
        if (!admitted.ok())
            return admitted.error();
        result = *admitted;
        if (!expression.isEmpty() && *admitted > 0) {
            auto matches = memory.matches(expression, *now);
            if (!matches.ok())
                return matches.error();
            auto total = singleNumber(memory.db, QStringLiteral("SELECT ifnull(max(id), 0) FROM cases"));
            if (!total.ok())
                return total.error();
            // Either look each match up in the covering index by id, or intersect the matches with the
            // filter's id set (built once per filter, then reused while the user types).
            const bool hasScopeIds = memory.scopeSet.key == key && memory.scopeSet.stamp == *now;
            const double smallerSide = double(std::min<qint64>(*admitted, *total - *admitted));
            const double viaRows = IndexSeekCost * *matches;
            const double viaSets =
                (hasScopeIds ? 0.0 : IndexScanCost * double(*total) + SetInsertCost * smallerSide) +
                SetProbeCost * std::min<double>(*matches, smallerSide);
            Result<qint64> counted = qint64(0);
            if (*matches == 0) {
                counted = qint64(0);
            } else if (viaRows <= viaSets) {
                counted =
                    singleNumber(memory.db,
                                 QStringLiteral("SELECT count(*) FROM temp.caseload_match m CROSS JOIN "
                                                "cases c INDEXED BY cases_caseload_by_id ON c.id = m.id "
                                                "WHERE ") +
                                     where.sql(),
                                 &where);
            } else {
                auto scope = memory.scopeIds(key, where, *admitted, *total, *now);
                if (!scope.ok())
                    return scope.error();
                // Walk the smaller set, look each id up in the other.
                const bool scopeIsSmaller = (*scope)->value < *matches;
                auto both = singleNumber(
                    memory.db, scopeIsSmaller
                                   ? QStringLiteral("SELECT count(*) FROM temp.caseload_scope s "
                                                    "CROSS JOIN temp.caseload_match m ON m.id = s.id")
                                   : QStringLiteral("SELECT count(*) FROM temp.caseload_match m "
                                                    "CROSS JOIN temp.caseload_scope s ON s.id = m.id"));
                if (both.ok())
                    counted = (*scope)->isComplement ? *matches - *both : *both;
                else
                    counted = both.error();
            }
            if (!counted.ok())
                return counted.error();
            result = int(*counted);
        }
    }
    memory.count = {countKey, *now, result, false};
    return result;
}

Result<std::vector<CaseSummary>> CaseloadQuery::page(const Filter& filter, const Sort& sort, int offset,
                                                     int limit) const
{
    std::vector<CaseSummary> rows;
    offset = std::max(offset, 0);
    if (limit <= 0)
        return rows;
    Memory& memory = *m_memory;
    const QDate today = todayOf(m_session);
    auto panels = panelsInView(m_session, m_kinds, filter.panelId);
    if (!panels.ok())
        return panels.error();
    if (panels->empty())
        return rows;
    const Conditions where = conditionsFor(filter, *panels, today);
    Database& db = memory.db;

    // How many cases match decides the plan; the model has usually just asked, so it is remembered.
    auto expected = count(filter);
    if (!expected.ok())
        return expected.error();
    if (*expected == 0)
        return rows;
    auto now = memory.stamp();
    if (!now.ok())
        return now.error();
    const QString key = scopeKey(filter, m_session.currentUser().id, today);
    auto admitted = memory.scopeCount(key, where, *now);
    if (!admitted.ok())
        return admitted.error();
    int matches = 0;
    if (!where.match.isEmpty()) {
        auto matched = memory.matches(where.match, *now);
        if (!matched.ok())
            return matched.error();
        matches = *matched;
    }
    auto total = singleNumber(db, QStringLiteral("SELECT ifnull(max(id), 0) FROM cases"));
    if (!total.ok())
        return total.error();

    const SortPlan plan = sortPlan(sort.key);
    const QString direction = sort.isAscending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    // Walking the sort order reads about (offset + limit) * total / expected cases to fill the page;
    // gathering reads every case the filter admits (or every match of its text) and sorts them.
    const bool hasText = !where.match.isEmpty();
    const double probe = hasText ? SetProbeCost : 0.0;
    const double walkCost =
        double(offset + limit) * double(*total) / double(*expected) * (plan.walkCost + probe);
    const double subjectRead = sort.key == SortKey::Subject ? RowReadCost : 0.0;
    const bool needsCaseRow = sort.key == SortKey::Reference || sort.key == SortKey::Subject;
    const double viaFilterIndex =
        double(*admitted) * (IndexScanCost + probe + (needsCaseRow ? RowReadCost : 0.0) + subjectRead);
    const double viaMatches = double(matches) * (IndexSeekCost + subjectRead);
    const bool gathersMatches = hasText && viaMatches <= viaFilterIndex;
    const double gatherCost = gathersMatches ? viaMatches : viaFilterIndex;
    const QString inMatches = QStringLiteral("c.id IN temp.caseload_match");
    QString source;
    QStringList terms{where.sql()};
    if (walkCost <= gatherCost) {
        // Broad filter: read cases in sort order and stop at the page's end.
        source = plan.walkSource;
        if (hasText)
            terms << inMatches;
    } else if (gathersMatches) {
        // Few matches: look them up by id in the covering index and sort them.
        source = QStringLiteral("temp.caseload_match m CROSS JOIN cases c INDEXED BY cases_caseload_by_id "
                                "ON c.id = m.id") +
                 plan.join;
    } else {
        // Narrow filter on panel, stage, risk or review date: gather through the covering index and sort.
        source = QStringLiteral("cases c INDEXED BY cases_caseload") + plan.join;
        if (hasText)
            terms << inMatches;
    }
    auto ids =
        db.prepare(QStringLiteral("SELECT c.id FROM %1 WHERE %2 ORDER BY %3 LIMIT :limit OFFSET :offset")
                       .arg(source, terms.join(QStringLiteral(" AND ")), plan.order.arg(direction)));
    if (!ids.ok())
        return ids.error();
    where.bindTo(*ids);
    ids->bind(":limit", limit).bind(":offset", offset);
    std::vector<CaseId> pageIds;
    while (true) {
        auto hasRow = ids->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            break;
        pageIds.push_back(ids->columnId<CaseId>(0));
    }
    if (pageIds.empty())
        return rows;

    // Then what the table shows, for those cases only.
    auto details = db.prepare(
        QStringLiteral("SELECT c.id, c.reference, c.panel_id, p.name, c.stage, c.risk, sub.name, a.name, "
                       "c.next_review, (SELECT min(r.due_date) FROM scheduled_reviews r "
                       "WHERE r.case_id = c.id AND r.completed_on IS NULL) "
                       "FROM cases c JOIN panels p ON p.id = c.panel_id "
                       "JOIN subjects sub ON sub.id = c.subject_id "
                       "LEFT JOIN agencies a ON a.id = c.lead_agency_id WHERE c.id IN (%1)")
            .arg(idList(pageIds)));
    if (!details.ok())
        return details.error();
    QHash<PanelId, const PanelKind*> kindOfPanel;
    for (const ScopePanel& panel : *panels)
        kindOfPanel.insert(panel.id, panel.kind);
    QHash<CaseId, CaseSummary> byId;
    while (true) {
        auto hasRow = details->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            break;
        CaseSummary summary;
        summary.id = details->columnId<CaseId>(0);
        summary.reference = details->columnText(1);
        summary.panelId = details->columnId<PanelId>(2);
        summary.panelName = details->columnText(3);
        summary.stage = details->columnText(4);
        summary.risk = riskFromKey(details->columnText(5)).value_or(Risk::Unassessed);
        summary.subjectName = details->columnText(6);
        summary.leadAgencyName = details->isNull(7) ? QString() : details->columnText(7);
        if (!details->isNull(8)) {
            const QDate review = QDate::fromString(details->columnText(8), Qt::ISODate);
            if (review.isValid())
                summary.nextReview = review;
        }
        const std::optional<QDate> scheduled =
            details->isNull(9) ? std::nullopt
                               : std::optional<QDate>(QDate::fromString(details->columnText(9), Qt::ISODate));
        const ReviewDue due = ReviewDue::of(kindOfPanel.value(summary.panelId), summary.stage,
                                            summary.nextReview, scheduled, today);
        summary.reviewDue = due.date;
        summary.isReviewOverdue = due.isOverdue;
        byId.insert(summary.id, summary);
    }
    rows.reserve(pageIds.size());
    for (CaseId id : pageIds) {
        // A case removed between the two reads is simply not shown.
        if (auto found = byId.constFind(id); found != byId.cend())
            rows.push_back(*found);
    }
    return rows;
}

} // namespace confer
