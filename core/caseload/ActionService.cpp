#include "caseload/ActionService.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "common/Clock.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::ActionService)
};

const char* const SelectAction =
    "SELECT a.id, a.case_id, c.reference, a.description, a.owner_agency_id, g.name, a.owner_person, "
    "a.due_date, a.status, a.created_utc, a.updated_utc "
    "FROM actions a JOIN cases c ON c.id = a.case_id JOIN agencies g ON g.id = a.owner_agency_id";

// Open actions first, then the most pressing due date; undated ones after the dated.
const char* const ActionOrder = " ORDER BY a.status <> 'open', a.due_date IS NULL, a.due_date, a.id";

// The same "today" as CaseService's review dates, so every overdue flag in the caseload agrees.
QDate today(const Session& session)
{
    return session.clock().today();
}

CaseAction readAction(const Statement& row, const QDate& today)
{
    CaseAction action;
    action.id = row.columnInt(0);
    action.caseId = row.columnInt(1);
    action.caseReference = row.columnText(2);
    action.description = row.columnText(3);
    action.ownerAgencyId = row.columnInt(4);
    action.ownerAgencyName = row.columnText(5);
    action.ownerPerson = row.columnText(6);
    if (!row.isNull(7))
        action.dueDate = QDate::fromString(row.columnText(7), Qt::ISODate);
    action.status = actionStatusFromKey(row.columnText(8)).value_or(CaseAction::Status::Open);
    action.isOverdue = action.status == CaseAction::Status::Open && action.dueDate && *action.dueDate < today;
    action.createdUtc = QDateTime::fromString(row.columnText(9), Qt::ISODateWithMs);
    action.updatedUtc = QDateTime::fromString(row.columnText(10), Qt::ISODateWithMs);
    return action;
}

Result<std::vector<CaseAction>> readActions(Statement& rows, const QDate& today)
{
    std::vector<CaseAction> actions;
    while (true) {
        auto hasRow = rows.step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            return actions;
        actions.push_back(readAction(rows, today));
    }
}

// Statement binds a null QString as NULL; these columns are NOT NULL with '' for "nothing said".
QString orEmpty(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

Error actionUnavailable()
{
    return makeError(ErrorCode::NotFound, Tr::tr("That action is not available."));
}

// The case an action belongs to and that case's reference; NotFound when there is no such action.
struct ActionCase {
    qint64 caseId = 0;
    QString record; // "case:<reference>", for the audit trail
    QString statusKey;
};

Result<ActionCase> caseOfAction(Database& db, qint64 actionId)
{
    auto row = db.prepare(QStringLiteral("SELECT a.case_id, c.reference, a.status FROM actions a JOIN cases "
                                         "c ON c.id = a.case_id WHERE a.id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", actionId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return actionUnavailable();
    return ActionCase{row->columnInt(0), AuditRecord::ofCase(row->columnText(1)), row->columnText(2)};
}

QString actionDetail(qint64 actionId)
{
    return QStringLiteral("action:%1").arg(actionId);
}

} // namespace

ActionService::ActionService(Session& session)
    : m_session(session)
{}

Result<CaseAction> ActionService::add(qint64 caseId, const NewAction& action)
{
    CaseAccess access(m_session);
    if (auto panel = access.requireCase(caseId, AuditAction::ActionAdd); !panel.ok())
        return panel.error();
    if (action.description.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Describe the action before saving it."));
    if (action.dueDate && !action.dueDate->isValid())
        return makeError(ErrorCode::InvalidInput, Tr::tr("The due date is not a valid date."));

    Database& db = m_session.database();
    auto agency = db.prepare(QStringLiteral("SELECT 1 FROM agencies WHERE id = :id"));
    if (!agency.ok())
        return agency.error();
    agency->bind(":id", action.ownerAgencyId);
    auto hasAgency = agency->step();
    if (!hasAgency.ok())
        return hasAgency.error();
    if (!*hasAgency)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Choose the agency that owns this action."));
    auto reference = db.prepare(QStringLiteral("SELECT reference FROM cases WHERE id = :id"));
    if (!reference.ok())
        return reference.error();
    reference->bind(":id", caseId);
    if (auto hasRow = reference->step(); !hasRow.ok())
        return hasRow.error();
    const QString record = AuditRecord::ofCase(reference->columnText(0));

    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO actions (case_id, description, owner_agency_id, owner_person, due_date, status, "
        "created_by_user_id, created_utc, updated_utc) "
        "VALUES (:case, :description, :agency, :person, :due, 'open', :by, :at, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":case", caseId)
        .bind(":description", action.description.trimmed())
        .bind(":agency", action.ownerAgencyId)
        .bind(":person", orEmpty(action.ownerPerson.trimmed()))
        .bind(":due", action.dueDate ? action.dueDate->toString(Qt::ISODate) : QString())
        .bind(":by", m_session.currentUser().id)
        .bind(":at", now);
    if (Status run = insert->run(); !run.ok())
        return run.error();
    const qint64 actionId = db.lastInsertRowId();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::ActionAdd,
                                                  record, actionDetail(actionId));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();

    auto saved = db.prepare(QString::fromLatin1(SelectAction) + QStringLiteral(" WHERE a.id = :id"));
    if (!saved.ok())
        return saved.error();
    saved->bind(":id", actionId);
    auto actions = readActions(*saved, today(m_session));
    if (!actions.ok())
        return actions.error();
    if (actions->empty())
        return actionUnavailable();
    return actions->front();
}

Status ActionService::update(qint64 actionId, CaseAction::Status status, const QString& text)
{
    Database& db = m_session.database();
    auto owner = caseOfAction(db, actionId);
    if (!owner.ok())
        return owner.error();
    CaseAccess access(m_session);
    if (auto panel = access.requireCase(owner->caseId, AuditAction::ActionUpdate); !panel.ok())
        return panel.error();
    const QString statusKey = actionStatusKey(status);
    if (statusKey == owner->statusKey && text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Say what has happened, or choose a new status."));

    // The update row and the action's own status change together or not at all.
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    auto insert =
        db.prepare(QStringLiteral("INSERT INTO action_updates (action_id, status, text, by_user_id, at_utc) "
                                  "VALUES (:action, :status, :text, :by, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":action", actionId)
        .bind(":status", statusKey)
        .bind(":text", orEmpty(text.trimmed()))
        .bind(":by", m_session.currentUser().id)
        .bind(":at", now);
    if (Status run = insert->run(); !run.ok())
        return run;
    auto change =
        db.prepare(QStringLiteral("UPDATE actions SET status = :status, updated_utc = :at WHERE id = :id"));
    if (!change.ok())
        return change.error();
    change->bind(":status", statusKey).bind(":at", now).bind(":id", actionId);
    if (Status run = change->run(); !run.ok())
        return run;
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::ActionUpdate, owner->record,
                                     QStringLiteral("%1 status=%2").arg(actionDetail(actionId), statusKey));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<std::vector<CaseAction>> ActionService::forCase(qint64 caseId)
{
    CaseAccess access(m_session);
    if (auto panel = access.requireCase(caseId, AuditAction::ActionList); !panel.ok())
        return panel.error();
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectAction) +
                                             QStringLiteral(" WHERE a.case_id = :case") +
                                             QString::fromLatin1(ActionOrder));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return readActions(*rows, today(m_session));
}

Result<std::vector<ActionUpdate>> ActionService::updates(qint64 actionId)
{
    Database& db = m_session.database();
    auto owner = caseOfAction(db, actionId);
    if (!owner.ok())
        return owner.error();
    CaseAccess access(m_session);
    if (auto panel = access.requireCase(owner->caseId, AuditAction::ActionUpdates); !panel.ok())
        return panel.error();
    auto rows =
        db.prepare(QStringLiteral("SELECT u.id, u.status, u.text, coalesce(p.display_name, ''), u.at_utc "
                                  "FROM action_updates u LEFT JOIN users p ON p.id = u.by_user_id "
                                  "WHERE u.action_id = :action ORDER BY u.at_utc, u.id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":action", actionId);
    return rows->collect<ActionUpdate>([](const Statement& row) {
        ActionUpdate update;
        update.id = row.columnInt(0);
        update.status = actionStatusFromKey(row.columnText(1)).value_or(CaseAction::Status::Open);
        update.text = row.columnText(2);
        update.byName = row.columnText(3);
        update.atUtc = QDateTime::fromString(row.columnText(4), Qt::ISODateWithMs);
        return update;
    });
}

Result<std::vector<CaseAction>> ActionService::forAgency(qint64 agencyId, bool isOpenOnly)
{
    // Need-to-know is the join itself: only cases of panels the user is a member of are read, so an
    // agency's actions on other panels' cases never leave the store.
    auto rows = m_session.database().prepare(
        QString::fromLatin1(SelectAction) +
        QStringLiteral(" JOIN panel_members m ON m.panel_id = c.panel_id AND m.user_id = :user "
                       "WHERE a.owner_agency_id = :agency") +
        (isOpenOnly ? QStringLiteral(" AND a.status = 'open'") : QString()) +
        QString::fromLatin1(ActionOrder));
    if (!rows.ok())
        return rows.error();
    rows->bind(":user", m_session.currentUser().id).bind(":agency", agencyId);
    return readActions(*rows, today(m_session));
}

} // namespace confer
