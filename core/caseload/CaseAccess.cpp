#include "caseload/CaseAccess.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "partnership/PanelMembership.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/SingleId.h"
#include "store/Statement.h"

#include <QCoreApplication>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseAccess)
};

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

Result<PanelId> CaseAccess::requireCase(CaseId caseId, AuditAction attemptedAction)
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
    const std::optional<PanelId> panelId = exists ? std::optional(row->columnId<PanelId>(0)) : std::nullopt;
    const QString record =
        exists ? AuditRecord::ofCase(row->columnText(1)) : AuditRecord::ofMissingCase(caseId);
    row->reset();
    if (panelId && PanelMembership(m_session).isMember(*panelId))
        return *panelId;
    const QString why = exists ? QStringLiteral("not a panel member") : QStringLiteral("no such case");
    // The caller cannot tell a missing case from one they may not see; the audit trail can.
    (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied, record,
                                   QStringLiteral("%1: %2").arg(auditActionKey(attemptedAction), why));
    return makeError(ErrorCode::AccessDenied, Tr::tr("This case is not available to you."));
}

Result<std::optional<CaseId>> CaseAccess::caseOf(ActionId actionId)
{
    return singleId<CaseId>(m_session.database(),
                            QStringLiteral("SELECT case_id FROM actions WHERE id = :id"), actionId);
}

Result<std::optional<CaseId>> CaseAccess::caseOf(NoteId noteId)
{
    return singleId<CaseId>(m_session.database(), QStringLiteral("SELECT case_id FROM notes WHERE id = :id"),
                            noteId);
}

Result<std::optional<CaseId>> CaseAccess::caseOf(ReviewId reviewId)
{
    return singleId<CaseId>(m_session.database(),
                            QStringLiteral("SELECT case_id FROM scheduled_reviews WHERE id = :id"), reviewId);
}

Result<bool> CaseAccess::seesSubject(SubjectId subjectId)
{
    auto known =
        singleId<CaseId>(m_session.database(),
                         QStringLiteral("SELECT c.id FROM cases c WHERE c.subject_id = :id AND %1 LIMIT 1")
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
