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

// The case an action belongs to, that case's reference and the action's status, once the user may see
// the case (a refusal is audited); NotFound when there is no such action.
struct ActionCase {
    qint64 caseId = 0;
    QString record; // "case:<reference>", for the audit trail
    QString statusKey;
};

Result<ActionCase> caseOfAction(Session& session, qint64 actionId, AuditAction attemptedAction)
{
    CaseAccess access(session);
    auto caseId = access.caseOf(CaseAccess::CaseRow::Action, actionId);
    if (!caseId.ok())
        return caseId.error();
    if (!caseId->has_value())
        return actionUnavailable();
    if (auto panel = access.requireCase(**caseId, attemptedAction); !panel.ok())
        return panel.error();
    auto row = session.database().prepare(
        QStringLiteral("SELECT c.reference, a.status FROM actions a JOIN cases c ON c.id = a.case_id "
                       "WHERE a.id = :id AND %1")
            .arg(access.visibleCases(QStringLiteral("c"))));
    if (!row.ok())
        return row.error();
    row->bind(":id", actionId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return actionUnavailable();
    return ActionCase{**caseId, AuditRecord::ofCase(row->columnText(0)), row->columnText(1)};
}

// SelectAction for the cases the user may see, narrowed by condition, in ActionOrder when ordered.
QString selectVisibleActions(Session& session, const QString& condition, bool isOrdered)
{
    return QString::fromLatin1(SelectAction) + QStringLiteral(" WHERE ") + condition +
           QStringLiteral(" AND ") + CaseAccess(session).visibleCases(QStringLiteral("c")) +
           (isOrdered ? QString::fromLatin1(ActionOrder) : QString());
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
    auto reference = db.prepare(QStringLiteral("SELECT c.reference FROM cases c WHERE c.id = :id AND %1")
                                    .arg(access.visibleCases(QStringLiteral("c"))));
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

    auto saved = db.prepare(selectVisibleActions(m_session, QStringLiteral("a.id = :id"), false));
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
    auto owner = caseOfAction(m_session, actionId, AuditAction::ActionUpdate);
    if (!owner.ok())
        return owner.error();
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
    auto rows = m_session.database().prepare(
        selectVisibleActions(m_session, QStringLiteral("a.case_id = :case"), true));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return readActions(*rows, today(m_session));
}

Result<std::vector<ActionUpdate>> ActionService::updates(qint64 actionId)
{
    auto owner = caseOfAction(m_session, actionId, AuditAction::ActionUpdates);
    if (!owner.ok())
        return owner.error();
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT u.id, u.status, u.text, coalesce(p.display_name, ''), u.at_utc "
                       "FROM action_updates u JOIN actions a ON a.id = u.action_id "
                       "JOIN cases c ON c.id = a.case_id LEFT JOIN users p ON p.id = u.by_user_id "
                       "WHERE u.action_id = :action AND %1 ORDER BY u.at_utc, u.id")
            .arg(CaseAccess(m_session).visibleCases(QStringLiteral("c"))));
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
    // Only the cases the user may see are read, so an agency's actions on other panels' cases never leave
    // the store.
    auto rows = m_session.database().prepare(
        selectVisibleActions(m_session,
                             isOpenOnly ? QStringLiteral("a.owner_agency_id = :agency AND a.status = 'open'")
                                        : QStringLiteral("a.owner_agency_id = :agency"),
                             true));
    if (!rows.ok())
        return rows.error();
    rows->bind(":agency", agencyId);
    return readActions(*rows, today(m_session));
}

} // namespace confer
