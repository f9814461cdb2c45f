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

QString caseNotAvailable()
{
    return QCoreApplication::translate("confer::CaseAccess", "This case is not available to you.");
}

} // namespace

CaseAccess::CaseAccess(Session& session)
    : m_session(session)
{}

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
    return makeError(ErrorCode::AccessDenied, caseNotAvailable());
}

} // namespace confer
