#include "partnership/PanelService.h"

#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
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
    Q_DECLARE_TR_FUNCTIONS(confer::PanelService)
};

const char* const SelectPanel = "SELECT id, name, kind, chair_user_id, is_archived FROM panels";

Panel readPanel(const Statement& row)
{
    Panel panel;
    panel.id = row.columnInt(0);
    panel.name = row.columnText(1);
    panel.kindKey = row.columnText(2);
    if (!row.isNull(3))
        panel.chairUserId = row.columnInt(3);
    panel.isArchived = row.columnInt(4) != 0;
    return panel;
}

QString panelRecord(qint64 id)
{
    return AuditRecord::ofPanel(id);
}

QString userRef(std::optional<qint64> userId)
{
    return userId ? AuditRecord::ofUser(*userId) : QStringLiteral("user:none");
}

Status requireAdministrator(Session& session, AuditAction action, const QString& record)
{
    if (session.isAdministrator())
        return {};
    (void)session.audit().append(session.currentUser().login, AuditAction::AccessDenied, record,
                                 auditActionKey(action));
    return makeError(ErrorCode::AccessDenied, Tr::tr("Only an administrator can manage panels and members."));
}

// A chair or member must be a current, enabled account.
Status requireActiveUser(Session& session, qint64 userId)
{
    auto user = session.accounts().user(userId);
    if (!user.ok())
        return user.error();
    if (user->isDisabled)
        return makeError(ErrorCode::InvalidInput, Tr::tr("That account is disabled; enable it first."));
    return {};
}

Status insertMember(Database& db, qint64 panelId, qint64 userId, const QString& atUtc, bool& wasAdded)
{
    // INSERT OR IGNORE: adding someone already on the panel is no change (SQLite 3.15 has no UPSERT).
    auto insert =
        db.prepare(QStringLiteral("INSERT OR IGNORE INTO panel_members (panel_id, user_id, added_utc) "
                                  "VALUES (:panel, :user, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":panel", panelId).bind(":user", userId).bind(":at", atUtc);
    if (Status run = insert->run(); !run.ok())
        return run;
    wasAdded = db.changes() > 0;
    return {};
}

} // namespace

PanelService::PanelService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<std::vector<Panel>> PanelService::panels() const
{
    // Administrators see every panel's name (they manage them); everyone else only their own.
    if (!m_session.isAdministrator())
        return myPanels();
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectPanel) +
                                             QStringLiteral(" ORDER BY name COLLATE NOCASE"));
    if (!rows.ok())
        return rows.error();
    return rows->collect<Panel>(readPanel);
}

Result<std::vector<Panel>> PanelService::myPanels() const
{
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectPanel) +
                                             QStringLiteral(" WHERE id IN (%1) ORDER BY name COLLATE NOCASE")
                                                 .arg(PanelMembership(m_session).memberPanelsQuery()));
    if (!rows.ok())
        return rows.error();
    return rows->collect<Panel>(readPanel);
}

Result<std::vector<Panel>> PanelService::myActivePanels() const
{
    auto mine = myPanels();
    if (!mine.ok())
        return mine.error();
    std::vector<Panel> active;
    for (Panel& panel : *mine) {
        if (!panel.isArchived)
            active.push_back(std::move(panel));
    }
    return active;
}

Result<std::vector<PanelSummary>> PanelService::summaries() const
{
    // The same panels as panels(); the chair's name and the member count come with each row, so the page
    // costs one statement however many panels there are.
    const QString visible =
        m_session.isAdministrator()
            ? QString()
            : QStringLiteral(" WHERE p.id IN (%1)").arg(PanelMembership(m_session).memberPanelsQuery());
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT p.id, p.name, p.kind, p.chair_user_id, p.is_archived, u.display_name, "
                       "(SELECT count(*) FROM panel_members m WHERE m.panel_id = p.id) "
                       "FROM panels p LEFT JOIN users u ON u.id = p.chair_user_id") +
        visible + QStringLiteral(" ORDER BY p.name COLLATE NOCASE"));
    if (!rows.ok())
        return rows.error();
    return rows->collect<PanelSummary>([this](const Statement& row) {
        PanelSummary summary;
        summary.panel = readPanel(row);
        const PanelKind* kind = m_kinds.kind(summary.panel.kindKey);
        summary.kindName = kind ? kind->name : summary.panel.kindKey;
        summary.chairName = row.isNull(5) ? QString() : row.columnText(5);
        summary.memberCount = static_cast<int>(row.columnInt(6));
        return summary;
    });
}

Result<Panel> PanelService::panel(qint64 id) const
{
    if (!m_session.isAdministrator()) {
        if (Status member =
                PanelMembership(m_session).requireMember(id, AuditAction::PanelView, panelRecord(id));
            !member.ok())
            return member.error();
    }
    auto row =
        m_session.database().prepare(QString::fromLatin1(SelectPanel) + QStringLiteral(" WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That panel does not exist."));
    return readPanel(*row);
}

Result<Panel> PanelService::create(const QString& name, const QString& kindKey,
                                   std::optional<qint64> chairUserId)
{
    if (Status allowed = requireAdministrator(m_session, AuditAction::PanelCreate, {}); !allowed.ok())
        return allowed.error();
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the panel's name."));
    if (!m_kinds.kind(kindKey))
        return makeError(ErrorCode::InvalidInput, Tr::tr("There is no panel kind called “%1”.").arg(kindKey));
    if (chairUserId) {
        if (Status active = requireActiveUser(m_session, *chairUserId); !active.ok())
            return active.error();
    }

    Database& db = m_session.database();
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto insert = db.prepare(QStringLiteral("INSERT INTO panels (name, kind, chair_user_id, created_utc) "
                                            "VALUES (:name, :kind, :chair, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":name", name.trimmed()).bind(":kind", kindKey).bind(":at", now);
    if (chairUserId)
        insert->bind(":chair", *chairUserId);
    else
        insert->bindNull(":chair");
    if (Status run = insert->run(); !run.ok()) {
        if (run.error().detail.contains(QLatin1String("UNIQUE")))
            return makeError(ErrorCode::Conflict, Tr::tr("A panel with that name already exists."));
        return run.error();
    }
    const qint64 id = db.lastInsertRowId();
    const QString actor = m_session.currentUser().login;
    if (Status audited = m_session.audit().append(actor, AuditAction::PanelCreate, panelRecord(id),
                                                  QStringLiteral("kind=%1").arg(kindKey));
        !audited.ok())
        return audited.error();
    // The chair runs the panel's meetings, so they are a member and see its cases.
    if (chairUserId) {
        bool wasAdded = false;
        if (Status added = insertMember(db, id, *chairUserId, now, wasAdded); !added.ok())
            return added.error();
        if (Status audited = m_session.audit().append(actor, AuditAction::PanelMemberAdd, panelRecord(id),
                                                      userRef(chairUserId));
            !audited.ok())
            return audited.error();
    }
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return panel(id);
}

Status PanelService::setChair(qint64 panelId, std::optional<qint64> chairUserId)
{
    if (Status allowed = requireAdministrator(m_session, AuditAction::PanelChair, panelRecord(panelId));
        !allowed.ok())
        return allowed;
    auto current = panel(panelId);
    if (!current.ok())
        return current.error();
    if (chairUserId) {
        if (Status active = requireActiveUser(m_session, *chairUserId); !active.ok())
            return active;
    }
    if (current->chairUserId == chairUserId)
        return {};

    Database& db = m_session.database();
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    const QString actor = m_session.currentUser().login;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto change = db.prepare(QStringLiteral("UPDATE panels SET chair_user_id = :chair WHERE id = :id"));
    if (!change.ok())
        return change.error();
    if (chairUserId)
        change->bind(":chair", *chairUserId);
    else
        change->bindNull(":chair");
    change->bind(":id", panelId);
    if (Status run = change->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(actor, AuditAction::PanelChair, panelRecord(panelId),
                                                  userRef(chairUserId));
        !audited.ok())
        return audited;
    if (chairUserId) {
        bool wasAdded = false;
        if (Status added = insertMember(db, panelId, *chairUserId, now, wasAdded); !added.ok())
            return added;
        if (wasAdded) {
            if (Status audited = m_session.audit().append(actor, AuditAction::PanelMemberAdd,
                                                          panelRecord(panelId), userRef(chairUserId));
                !audited.ok())
                return audited;
        }
    }
    return tx.commit();
}

Status PanelService::addMember(qint64 panelId, qint64 userId)
{
    if (Status allowed = requireAdministrator(m_session, AuditAction::PanelMemberAdd, panelRecord(panelId));
        !allowed.ok())
        return allowed;
    if (Status exists = panel(panelId); !exists.ok())
        return exists;
    if (Status active = requireActiveUser(m_session, userId); !active.ok())
        return active;

    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    bool wasAdded = false;
    if (Status added = insertMember(db, panelId, userId,
                                    m_session.clock().nowUtc().toString(Qt::ISODateWithMs), wasAdded);
        !added.ok())
        return added;
    if (!wasAdded)
        return {}; // already a member: nothing changed, nothing to audit
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::PanelMemberAdd,
                                                  panelRecord(panelId), userRef(userId));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status PanelService::removeMember(qint64 panelId, qint64 userId)
{
    if (Status allowed =
            requireAdministrator(m_session, AuditAction::PanelMemberRemove, panelRecord(panelId));
        !allowed.ok())
        return allowed;
    auto current = panel(panelId);
    if (!current.ok())
        return current.error();
    if (current->chairUserId == userId)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The chair stays a member of the panel; choose another chair first."));

    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto remove =
        db.prepare(QStringLiteral("DELETE FROM panel_members WHERE panel_id = :panel AND user_id = :user"));
    if (!remove.ok())
        return remove.error();
    remove->bind(":panel", panelId).bind(":user", userId);
    if (Status run = remove->run(); !run.ok())
        return run;
    if (db.changes() == 0)
        return makeError(ErrorCode::NotFound, Tr::tr("That person is not a member of this panel."));
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::PanelMemberRemove,
                                     panelRecord(panelId), userRef(userId));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<std::vector<qint64>> PanelService::memberIds(qint64 panelId) const
{
    if (!m_session.isAdministrator()) {
        if (Status member = PanelMembership(m_session).requireMember(panelId, AuditAction::PanelMembers,
                                                                     panelRecord(panelId));
            !member.ok())
            return member.error();
    }
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT user_id FROM panel_members WHERE panel_id = :panel ORDER BY user_id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":panel", panelId);
    return rows->collect<qint64>([](const Statement& row) { return row.columnInt(0); });
}

} // namespace confer
