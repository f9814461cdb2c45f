#include "meetings/MeetingDecisions.h"

#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "caseload/CaseRows.h"
#include "caseload/CaseService.h"
#include "common/Clock.h"
#include "meetings/MeetingAccess.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <algorithm>

namespace confer {

using meetingrows::MeetingFacts;
using Need = MeetingAccess::Need;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::MeetingDecisions)
};

Error invalid(const QString& sentence)
{
    return makeError(ErrorCode::InvalidInput, sentence);
}

// Decisions on the cases the user may see (need-to-know: CaseAccess::visibleCases).
QString selectDecisions(Session& session)
{
    return QStringLiteral(
               "SELECT d.id, d.agenda_item_id, d.case_id, c.reference, d.from_stage, d.to_stage, "
               "d.reason, d.proposed_by_attendee_id, a.name, d.is_agreed, d.dissent, d.at_utc FROM "
               "meeting_decisions d JOIN agenda_items i ON i.id = d.agenda_item_id JOIN cases c ON "
               "c.id = d.case_id AND %1 JOIN meeting_attendees a ON a.id = d.proposed_by_attendee_id")
        .arg(CaseAccess(session).visibleCases(QStringLiteral("c")));
}

PanelDecision readDecision(const Statement& row)
{
    PanelDecision decision;
    decision.id = row.columnId<DecisionId>(0);
    decision.agendaItemId = row.columnId<AgendaItemId>(1);
    decision.caseId = row.columnId<CaseId>(2);
    decision.caseReference = row.columnText(3);
    decision.fromStage = row.columnText(4);
    decision.toStage = row.columnText(5);
    decision.reason = row.columnText(6);
    decision.proposerAttendeeId = row.columnId<AttendeeId>(7);
    decision.proposerName = row.columnText(8);
    decision.isAgreed = row.columnInt(9) != 0;
    decision.dissent = row.columnText(10);
    decision.atUtc = QDateTime::fromString(row.columnText(11), Qt::ISODateWithMs);
    return decision;
}

} // namespace

struct MeetingDecisions::OpenItem {
    MeetingFacts meeting;
    AgendaItemId itemId;
    CaseId caseId;
};

MeetingDecisions::MeetingDecisions(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<MeetingDecisions::OpenItem> MeetingDecisions::requireOpenCaseItem(AgendaItemId itemId,
                                                                         AuditAction attemptedAction)
{
    auto meeting = MeetingAccess(m_session).requireForItem(itemId, Need::Leading, attemptedAction);
    if (!meeting.ok())
        return meeting.error();
    auto row = m_session.database().prepare(
        QStringLiteral("SELECT case_id, status FROM agenda_items WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", itemId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const bool isOpenCaseItem = *hasRow && !row->isNull(0) && row->columnText(1) == QLatin1String("open") &&
                                meeting->status == MeetingStatus::Open;
    if (!isOpenCaseItem)
        return invalid(Tr::tr("Decisions are recorded against the case item being discussed."));
    return OpenItem{*meeting, itemId, row->columnId<CaseId>(0)};
}

Result<DecisionId> MeetingDecisions::insertDecision(const OpenItem& item, const Proposal& proposal,
                                                    const QString& fromStage, const QString& storedReason)
{
    Database& db = m_session.database();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO meeting_decisions (agenda_item_id, case_id, from_stage, to_stage, reason, "
        "proposed_by_attendee_id, is_agreed, dissent, recorded_by_user_id, at_utc) VALUES (:item, :case, "
        ":from, "
        ":to, :reason, :proposer, :agreed, :dissent, :user, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":item", item.itemId)
        .bind(":case", item.caseId)
        .bind(":from", fromStage)
        .bind(":to", proposal.toStage)
        .bind(":reason", caserows::cleaned(storedReason))
        .bind(":proposer", proposal.proposerAttendeeId)
        .bind(":agreed", proposal.isAgreed)
        .bind(":dissent", caserows::cleaned(proposal.dissent))
        .bind(":user", m_session.currentUser().id)
        .bind(":at", caserows::utcText(m_session.clock().nowUtc()));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    return db.lastInsertId<DecisionId>();
}

Result<PanelDecision> MeetingDecisions::record(AgendaItemId itemId, const Proposal& proposal)
{
    auto item = requireOpenCaseItem(itemId, AuditAction::MeetingDecision);
    if (!item.ok())
        return item.error();
    Database& db = m_session.database();
    auto attendees = meetingrows::readAttendees(db, item->meeting.id, item->meeting);
    if (!attendees.ok())
        return attendees.error();
    const bool isProposerPresent =
        std::any_of(attendees->cbegin(), attendees->cend(),
                    [&](const Attendee& a) { return a.id == proposal.proposerAttendeeId && a.isPresent(); });
    if (!isProposerPresent)
        return invalid(Tr::tr("Choose who proposed the decision from those present."));
    auto loaded = caserows::loadCase(m_session, m_kinds, item->caseId, AuditAction::MeetingDecision);
    if (!loaded.ok())
        return loaded.error();
    const QString fromStage = loaded->record.stage;
    if (!loaded->kind->transition(fromStage, proposal.toStage))
        return invalid(Tr::tr("The case cannot move to that stage from where it is."));

    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    QString storedReason = proposal.reason.trimmed();
    if (proposal.isAgreed) {
        // The one move path: the kind's transition and reason, its gates, who may make a panel decision.
        if (Status moved = CaseService(m_session, m_kinds)
                               .moveStage(item->caseId, proposal.toStage, proposal.reason,
                                          MeetingItemRef{item->meeting.id, itemId});
            !moved.ok())
            return moved.error();
        auto moved = caserows::readCase(m_session, item->caseId);
        if (!moved.ok())
            return moved.error();
        storedReason = moved->stageReason;
    }
    auto id = insertDecision(*item, proposal, fromStage, storedReason);
    if (!id.ok())
        return id.error();
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::MeetingDecision, item->meeting.record(),
            QStringLiteral("item:%1 %2 %3->%4 %5")
                .arg(itemId.value())
                .arg(AuditRecord::ofCase(loaded->record.reference), fromStage, proposal.toStage,
                     proposal.isAgreed ? QStringLiteral("agreed") : QStringLiteral("not agreed")));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    auto row = db.prepare(selectDecisions(m_session) + QStringLiteral(" WHERE d.id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", *id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    return readDecision(*row);
}

Result<CaseAction> MeetingDecisions::agreeAction(AgendaItemId itemId, const ActionService::NewAction& action)
{
    auto item = requireOpenCaseItem(itemId, AuditAction::ActionAdd);
    if (!item.ok())
        return item.error();
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto added = ActionService(m_session).add(item->caseId, action);
    if (!added.ok())
        return added.error();
    auto link = db.prepare(QStringLiteral(
        "INSERT INTO agenda_item_actions (agenda_item_id, action_id) VALUES (:item, :action)"));
    if (!link.ok())
        return link.error();
    link->bind(":item", itemId).bind(":action", added->id);
    if (Status run = link->run(); !run.ok())
        return run.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return added;
}

Result<std::vector<PanelDecision>> MeetingDecisions::ofMeeting(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    auto rows = m_session.database().prepare(selectDecisions(m_session) +
                                             QStringLiteral(" WHERE i.meeting_id = :meeting ORDER BY d.id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meetingId);
    auto decisions = rows->collect<PanelDecision>(readDecision);
    if (!decisions.ok())
        return decisions.error();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingView,
                                                  meeting->record(), QStringLiteral("decisions"));
        !audited.ok())
        return audited.error();
    return decisions;
}

} // namespace confer
