#include "caseload/CaseAccess.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "partnership/PanelMembership.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseAccess)
};

// One value of a single-row query with one :id parameter; nullopt when there is no row.
Result<std::optional<qint64>> singleValue(Database& db, const QString& sql, qint64 id)
{
    auto row = db.prepare(sql);
    if (!row.ok())
        return row.error();
    row->bind(":id", id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow || row->isNull(0))
        return std::optional<qint64>{};
    return std::optional<qint64>{row->columnInt(0)};
}

} // namespace

CaseAccess::CaseAccess(Session& session)
    : m_session(session)
{}

QString CaseAccess::visibleCases(const QString& alias) const
{
    // An IN over the user's few panels: SQLite reads the subquery once per statement, and an index that
    // starts with panel_id can seek by it.
    return QStringLiteral("%1.panel_id IN (%2)").arg(alias, PanelMembership(m_session).memberPanelsQuery());
}

Result<qint64> CaseAccess::requireCase(qint64 caseId, AuditAction attemptedAction)
{
    auto row =
        m_session.database().prepare(QStringLiteral("SELECT panel_id, reference FROM cases WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", caseId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const bool exists = *hasRow;
    const qint64 panelId = exists ? row->columnInt(0) : 0;
    const QString record =
        exists ? AuditRecord::ofCase(row->columnText(1)) : AuditRecord::ofMissingCase(caseId);
    row->reset();
    if (exists && PanelMembership(m_session).isMember(panelId))
        return panelId;
    const QString why = exists ? QStringLiteral("not a panel member") : QStringLiteral("no such case");
    // The caller cannot tell a missing case from one they may not see; the audit trail can.
    (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied, record,
                                   QStringLiteral("%1: %2").arg(auditActionKey(attemptedAction), why));
    return makeError(ErrorCode::AccessDenied, Tr::tr("This case is not available to you."));
}

Result<std::optional<qint64>> CaseAccess::caseOf(CaseRow table, qint64 rowId)
{
    QString sql;
    switch (table) {
    case CaseRow::Action:
        sql = QStringLiteral("SELECT case_id FROM actions WHERE id = :id");
        break;
    case CaseRow::Note:
        sql = QStringLiteral("SELECT case_id FROM notes WHERE id = :id");
        break;
    case CaseRow::ScheduledReview:
        sql = QStringLiteral("SELECT case_id FROM scheduled_reviews WHERE id = :id");
        break;
    }
    return singleValue(m_session.database(), sql, rowId);
}

Result<bool> CaseAccess::seesSubject(qint64 subjectId)
{
    auto known = singleValue(m_session.database(),
                             QStringLiteral("SELECT 1 FROM cases c WHERE c.subject_id = :id AND %1 LIMIT 1")
                                 .arg(visibleCases(QStringLiteral("c"))),
                             subjectId);
    if (!known.ok())
        return known.error();
    return known->has_value();
}

Result<qint64> CaseAccess::caseRowsUpperBound()
{
    auto ceiling = m_session.database().prepare(QStringLiteral("SELECT ifnull(max(id), 0) FROM cases"));
    if (!ceiling.ok())
        return ceiling.error();
    auto hasRow = ceiling->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow ? ceiling->columnInt(0) : 0;
}

} // namespace confer
