#include "partnership/PanelMembership.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelMembership)
};

} // namespace

PanelMembership::PanelMembership(Session& session)
    : m_session(session)
{}

QString PanelMembership::memberPanelsQuery() const
{
    // The id comes from the session and is written as a number, so the subquery needs no binding and no
    // caller can forget one (an unbound id would match no panel, but silently).
    return QStringLiteral("SELECT panel_id FROM panel_members WHERE user_id = %1")
        .arg(m_session.currentUser().id);
}

bool PanelMembership::isMember(qint64 panelId) const
{
    auto row = m_session.database().prepare(
        QStringLiteral("SELECT 1 FROM panel_members WHERE panel_id = :panel AND user_id = :user"));
    if (!row.ok())
        return false; // fail closed
    row->bind(":panel", panelId).bind(":user", m_session.currentUser().id);
    auto hasRow = row->step();
    return hasRow.ok() && *hasRow;
}

Status PanelMembership::requireMember(qint64 panelId, AuditAction attemptedAction, const QString& record)
{
    if (isMember(panelId))
        return {};
    // Administrators are refused too: managing a panel is not a reason to read its cases.
    (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied, record,
                                   auditActionKey(attemptedAction));
    return makeError(ErrorCode::AccessDenied, Tr::tr("This panel's cases are not available to you."));
}

} // namespace confer
