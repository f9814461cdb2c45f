#include "partnership/PanelRoles.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "partnership/PanelMembership.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelRoles)
};

Status requireAdministrator(Session& session, AuditAction action, PanelId panelId)
{
    if (session.isAdministrator())
        return {};
    (void)session.audit().append(session.currentUser().login, AuditAction::AccessDenied,
                                 AuditRecord::ofPanel(panelId), auditActionKey(action));
    return makeError(ErrorCode::AccessDenied,
                     Tr::tr("Only an administrator can name a panel's coordinators."));
}

Result<bool> hasRow(Database& db, const QString& sql, PanelId panelId, UserId userId)
{
    auto row = db.prepare(sql);
    if (!row.ok())
        return row.error();
    row->bind(":panel", panelId).bind(":user", userId);
    return row->step();
}

} // namespace

PanelRoles::PanelRoles(Session& session)
    : m_session(session)
{}

bool PanelRoles::leads(PanelId panelId) const
{
    return leads(panelId, m_session.currentUser().id);
}

bool PanelRoles::leads(PanelId panelId, UserId userId) const
{
    auto found = hasRow(m_session.database(),
                        QStringLiteral("SELECT 1 FROM panels WHERE id = :panel AND chair_user_id = :user "
                                       "UNION ALL SELECT 1 FROM panel_coordinators "
                                       "WHERE panel_id = :panel AND user_id = :user"),
                        panelId, userId);
    return found.ok() && *found;
}

Result<std::vector<UserId>> PanelRoles::coordinatorIds(PanelId panelId) const
{
    if (!m_session.isAdministrator()) {
        if (Status member = PanelMembership(m_session).requireMember(panelId, AuditAction::PanelMembers,
                                                                     AuditRecord::ofPanel(panelId));
            !member.ok())
            return member.error();
    }
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT user_id FROM panel_coordinators WHERE panel_id = :panel ORDER BY user_id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":panel", panelId);
    return rows->collect<UserId>([](const Statement& row) { return row.columnId<UserId>(0); });
}

Status PanelRoles::addCoordinator(PanelId panelId, UserId userId)
{
    if (Status allowed = requireAdministrator(m_session, AuditAction::PanelCoordinatorAdd, panelId);
        !allowed.ok())
        return allowed;
    Database& db = m_session.database();
    auto isMember =
        hasRow(db, QStringLiteral("SELECT 1 FROM panel_members WHERE panel_id = :panel AND user_id = :user"),
               panelId, userId);
    if (!isMember.ok())
        return isMember.error();
    if (!*isMember)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("A coordinator must be a member of the panel; add them as a member first."));
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    // INSERT OR IGNORE: naming a coordinator twice changes nothing (SQLite 3.15 has no UPSERT).
    auto insert = db.prepare(QStringLiteral("INSERT OR IGNORE INTO panel_coordinators (panel_id, user_id, "
                                            "added_utc) VALUES (:panel, :user, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":panel", panelId)
        .bind(":user", userId)
        .bind(":at", m_session.clock().nowUtc().toString(Qt::ISODateWithMs));
    if (Status run = insert->run(); !run.ok())
        return run;
    if (db.changes() == 0)
        return {};
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::PanelCoordinatorAdd,
                                     AuditRecord::ofPanel(panelId), AuditRecord::ofUser(userId));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status PanelRoles::removeCoordinator(PanelId panelId, UserId userId)
{
    if (Status allowed = requireAdministrator(m_session, AuditAction::PanelCoordinatorRemove, panelId);
        !allowed.ok())
        return allowed;
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto remove = db.prepare(
        QStringLiteral("DELETE FROM panel_coordinators WHERE panel_id = :panel AND user_id = :user"));
    if (!remove.ok())
        return remove.error();
    remove->bind(":panel", panelId).bind(":user", userId);
    if (Status run = remove->run(); !run.ok())
        return run;
    if (db.changes() == 0)
        return makeError(ErrorCode::NotFound, Tr::tr("That person is not a coordinator of this panel."));
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::PanelCoordinatorRemove,
                                     AuditRecord::ofPanel(panelId), AuditRecord::ofUser(userId));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
