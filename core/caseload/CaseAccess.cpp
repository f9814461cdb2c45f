#include "caseload/CaseAccess.h"

#include "audit/AuditLog.h"
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

QString panelNotAvailable()
{
    return QCoreApplication::translate("confer::CaseAccess", "This panel's cases are not available to you.");
}

} // namespace

CaseAccess::CaseAccess(Session& session)
    : m_session(session)
{}

bool CaseAccess::isMemberOfPanel(qint64 panelId) const
{
    auto row = m_session.database().prepare(
        QStringLiteral("SELECT 1 FROM panel_members WHERE panel_id = :panel AND user_id = :user"));
    if (!row.ok())
        return false; // fail closed
    row->bind(":panel", panelId).bind(":user", m_session.currentUser().id);
    auto hasRow = row->step();
    return hasRow.ok() && *hasRow;
}

Status CaseAccess::requirePanelMember(qint64 panelId, const QString& attemptedAction, const QString& record)
{
    if (isMemberOfPanel(panelId))
        return {};
    // Administrators are refused too: managing a panel is not a reason to read its cases.
    (void)m_session.audit().append(m_session.currentUser().login, QStringLiteral("access.denied"), record,
                                   attemptedAction);
    return makeError(ErrorCode::AccessDenied, panelNotAvailable());
}

Result<qint64> CaseAccess::requireCase(qint64 caseId, const QString& attemptedAction)
{
    const QString record = QStringLiteral("case:%1").arg(caseId);
    auto row = m_session.database().prepare(QStringLiteral("SELECT panel_id FROM cases WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", caseId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const bool exists = *hasRow;
    const qint64 panelId = exists ? row->columnInt(0) : 0;
    row->reset();
    if (exists && isMemberOfPanel(panelId))
        return panelId;
    const QString why = exists ? QStringLiteral("not a panel member") : QStringLiteral("no such case");
    // The caller cannot tell a missing case from one they may not see; the audit trail can.
    (void)m_session.audit().append(m_session.currentUser().login, QStringLiteral("access.denied"), record,
                                   QStringLiteral("%1: %2").arg(attemptedAction, why));
    return makeError(ErrorCode::AccessDenied, caseNotAvailable());
}

} // namespace confer
