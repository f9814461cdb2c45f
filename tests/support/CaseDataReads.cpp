#include "CaseDataReads.h"

#include "caseload/CaseAccess.h"
#include "caseload/CaseloadPlan.h"
#include "session/Session.h"
#include "store/Statement.h"

#include <QRegularExpression>

#include <algorithm>

namespace confer::test {

namespace {

// The only statements that read case data without CaseAccess::visibleCases. CaseAccess's own, which decide
// access: they read a case's panel, or the case a row belongs to, before anything tells them whether the
// user may see it; and the planner's upper bound on case rows (a number, never a case). And the caseload's
// match set: ids from the search index, used only by statements that keep to visibleCases (why, and what
// keeping to it there would cost: CaseloadPlanner::fillMatchesSql).
const QStringList AllowedWithoutVisibleCases{
    QStringLiteral("SELECT panel_id, reference FROM cases WHERE id = :id"),
    QStringLiteral("SELECT case_id FROM actions WHERE id = :id"),
    QStringLiteral("SELECT case_id FROM notes WHERE id = :id"),
    QStringLiteral("SELECT case_id FROM scheduled_reviews WHERE id = :id"),
    QStringLiteral("SELECT ifnull(max(id), 0) FROM cases"),
    CaseloadPlanner::fillMatchesSql(),
};

QStringList columnOf(Database& db, const QString& sql, int column)
{
    QStringList values;
    auto rows = db.prepare(sql);
    if (!rows.ok())
        return {QStringLiteral("<%1>").arg(rows.error().detail)};
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok() || !*hasRow)
            return values;
        values << rows->columnText(column);
    }
}

} // namespace

QStringList queryPlan(Database& db, const QString& sql)
{
    // SQLite 3.15's columns: selectid, order, from, detail.
    return columnOf(db, QStringLiteral("EXPLAIN QUERY PLAN ") + sql, 3);
}

CaseDataReads::CaseDataReads(Session& session)
    : m_session(session)
{
    m_session.database().setReadRecorder(
        [this](const Database::StatementReads& statement) { m_statements.push_back(statement); });
}

CaseDataReads::~CaseDataReads()
{
    stop();
}

void CaseDataReads::stop()
{
    if (m_isRecording)
        m_session.database().setReadRecorder({});
    m_isRecording = false;
}

QStringList CaseDataReads::caseDataTables()
{
    stop();
    if (!m_caseDataTables.isEmpty())
        return m_caseDataTables;
    Database& db = m_session.database();
    const QStringList tables =
        columnOf(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"), 0);
    m_caseDataTables = {QStringLiteral("cases"), QStringLiteral("subjects")};
    for (const QString& table : tables) {
        if (table.startsWith(QLatin1String("case_search")))
            m_caseDataTables << table;
    }
    // Then, until none is added, every table that refers to case data (notes to cases, updates to actions).
    for (bool isGrowing = true; isGrowing;) {
        isGrowing = false;
        for (const QString& table : tables) {
            const QStringList refersTo =
                columnOf(db, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table), 2);
            const bool isCaseData =
                std::any_of(refersTo.cbegin(), refersTo.cend(),
                            [&](const QString& target) { return m_caseDataTables.contains(target); });
            if (isCaseData && !m_caseDataTables.contains(table)) {
                m_caseDataTables << table;
                isGrowing = true;
            }
        }
    }
    return m_caseDataTables;
}

QSet<QString> CaseDataReads::caseDataReadBy(const Database::StatementReads& statement)
{
    const QStringList tables = caseDataTables();
    QSet<QString> read;
    for (const QString& column : statement.columns) {
        const QString table = column.section(QLatin1Char('.'), 0, 0);
        if (tables.contains(table))
            read.insert(table);
    }
    static const QRegularExpression opened(QStringLiteral("^(?:SCAN|SEARCH) TABLE (\\w+)"));
    for (const QString& step : queryPlan(m_session.database(), statement.sql)) {
        if (step.startsWith(QLatin1Char('<')))
            read.insert(QStringLiteral("(a statement whose plan could not be read: %1)").arg(step));
        const QRegularExpressionMatch match = opened.match(step);
        if (match.hasMatch() && tables.contains(match.captured(1)))
            read.insert(match.captured(1));
    }
    return read;
}

QString CaseDataReads::breach(const Database::StatementReads& statement)
{
    const QSet<QString> read = caseDataReadBy(statement);
    if (read.isEmpty() || AllowedWithoutVisibleCases.contains(statement.sql))
        return {};
    QStringList tables(read.cbegin(), read.cend());
    tables.sort();
    // The condition, for this user, on some alias of the statement...
    const CaseAccess access(m_session);
    static const QRegularExpression alias(QStringLiteral("\\b(\\w+)\\."));
    bool keepsToVisibleCases = false;
    for (auto it = alias.globalMatch(statement.sql); it.hasNext() && !keepsToVisibleCases;)
        keepsToVisibleCases = statement.sql.contains(access.visibleCases(it.next().captured(1)));
    if (!keepsToVisibleCases)
        return QStringLiteral("reads %1 without CaseAccess::visibleCases")
            .arg(tables.join(QStringLiteral(", ")));
    // ...and really applied: SQLite compiled a read of the user's panels and of the cases' panel.
    for (const char* column : {"panel_members.user_id", "cases.panel_id"}) {
        if (!statement.columns.contains(QString::fromLatin1(column)))
            return QStringLiteral("names CaseAccess::visibleCases but never reads %1")
                .arg(QString::fromLatin1(column));
    }
    return {};
}

QStringList CaseDataReads::breaches()
{
    QStringList found;
    for (const Database::StatementReads& statement : m_statements) {
        if (const QString why = breach(statement); !why.isEmpty())
            found << why + QStringLiteral(": ") + statement.sql;
    }
    return found;
}

int CaseDataReads::caseDataStatementCount()
{
    int count = 0;
    for (const Database::StatementReads& statement : m_statements)
        count += caseDataReadBy(statement).isEmpty() ? 0 : 1;
    return count;
}

QSet<QString> CaseDataReads::caseDataTablesRead()
{
    QSet<QString> all;
    for (const Database::StatementReads& statement : m_statements)
        all.unite(caseDataReadBy(statement));
    return all;
}

} // namespace confer::test
