#include "caseload/CaseloadScratch.h"

#include "caseload/CaseloadPlan.h"
#include "store/Database.h"
#include "store/Statement.h"

namespace confer {

CaseloadScratch::CaseloadScratch(Database& database)
    : m_db(database)
{}

Result<qint64> CaseloadScratch::single(const QString& sql, const CaseloadConditions* where)
{
    auto statement = m_db.prepare(sql);
    if (!statement.ok())
        return statement.error();
    if (where)
        where->bindTo(*statement);
    auto hasRow = statement->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow ? statement->columnInt(0) : 0;
}

Result<qint64> CaseloadScratch::stamp()
{
    auto total = single(QStringLiteral("SELECT total_changes()"), nullptr);
    if (!total.ok())
        return total.error();
    return *total - m_ownChanges;
}

// Writes to this object's TEMP tables, counted out of the stamp; where binds the last statement.
Status CaseloadScratch::writeTemp(const QStringList& statements, const CaseloadConditions* where,
                                  int* rowsOfLast)
{
    auto before = single(QStringLiteral("SELECT total_changes()"), nullptr);
    if (!before.ok())
        return before.error();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        auto statement = m_db.prepare(statements[i]);
        if (!statement.ok())
            return statement.error();
        // Only the last statement (the INSERT) takes the bindings.
        if (where && i + 1 == statements.size())
            where->bindTo(*statement);
        if (Status ran = statement->run(); !ran.ok())
            return ran;
    }
    if (rowsOfLast)
        *rowsOfLast = m_db.changes();
    auto after = single(QStringLiteral("SELECT total_changes()"), nullptr);
    if (!after.ok())
        return after.error();
    m_ownChanges += *after - *before;
    return {};
}

Result<int> CaseloadScratch::admittedCount(const QString& key, const CaseloadConditions& where, qint64 stamp)
{
    if (isCurrent(m_admitted, key, stamp))
        return m_admitted.value;
    auto counted = single(CaseloadPlanner::countAdmittedSql(where), &where);
    if (!counted.ok())
        return counted.error();
    m_admitted = {key, stamp, int(*counted), false};
    return m_admitted.value;
}

Result<int> CaseloadScratch::visibleCount(const QString& visible, qint64 stamp)
{
    if (isCurrent(m_visible, visible, stamp))
        return m_visible.value;
    CaseloadConditions everything;
    everything.visible = visible;
    auto counted = single(CaseloadPlanner::countAdmittedSql(everything), nullptr);
    if (!counted.ok())
        return counted.error();
    m_visible = {visible, stamp, int(*counted), false};
    return m_visible.value;
}

Result<int> CaseloadScratch::fillMatches(const QString& expression, qint64 stamp)
{
    const QString& key = expression;
    if (isCurrent(m_matchSet, key, stamp))
        return m_matchSet.value;
    m_matchSet = {};
    CaseloadConditions match;
    match.bindings.push_back({":match", expression});
    int size = 0;
    if (Status written = writeTemp(
            {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS caseload_match (id INTEGER PRIMARY KEY)"),
             QStringLiteral("DELETE FROM temp.caseload_match"), CaseloadPlanner::fillMatchesSql()},
            &match, &size);
        !written.ok())
        return written.error();
    m_matchSet = {key, stamp, size, false};
    return size;
}

Result<CaseloadScratch::Remembered> CaseloadScratch::fillScope(const QString& key,
                                                               const CaseloadConditions& where,
                                                               bool keepsLeftOut, qint64 stamp)
{
    if (isCurrent(m_scopeSet, key, stamp))
        return m_scopeSet;
    m_scopeSet = {};
    int size = 0;
    if (Status written = writeTemp(
            {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS caseload_scope (id INTEGER PRIMARY KEY)"),
             QStringLiteral("DELETE FROM temp.caseload_scope"),
             CaseloadPlanner::fillScopeSql(where, keepsLeftOut)},
            &where, &size);
        !written.ok())
        return written.error();
    m_scopeSet = {key, stamp, size, keepsLeftOut};
    return m_scopeSet;
}

std::optional<int> CaseloadScratch::rememberedCount(const QString& key, qint64 stamp) const
{
    if (isCurrent(m_count, key, stamp))
        return m_count.value;
    return std::nullopt;
}

} // namespace confer
