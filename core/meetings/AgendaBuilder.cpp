#include "meetings/AgendaBuilder.h"

#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "caseload/CaseRows.h"
#include "caseload/ReviewDue.h"
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
using Reason = AgendaItem::Reason;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::AgendaBuilder)
};

Error invalid(const QString& sentence)
{
    return makeError(ErrorCode::InvalidInput, sentence);
}

// A meeting's items; a case item's reference and subject come only from a case the user may see
// (need-to-know: CaseAccess::visibleCases, as every read of case data).
QString selectItems(Session& session)
{
    return QStringLiteral(
               "SELECT i.id, i.position, i.case_id, ifnull(c.reference, ''), ifnull(s.name, ''), "
               "i.title, i.reason, i.time_box_minutes, i.status, i.opened_utc, i.finished_utc FROM "
               "agenda_items i LEFT JOIN cases c ON c.id = i.case_id AND %1 LEFT JOIN subjects s ON "
               "s.id = c.subject_id WHERE i.meeting_id = :meeting")
        .arg(CaseAccess(session).visibleCases(QStringLiteral("c")));
}

AgendaItem readItem(const Statement& row, MeetingId meetingId)
{
    AgendaItem item;
    item.id = row.columnId<AgendaItemId>(0);
    item.meetingId = meetingId;
    item.position = int(row.columnInt(1));
    item.caseId = row.columnOptionalId<CaseId>(2);
    item.caseReference = row.columnText(3);
    item.subjectName = row.columnText(4);
    item.title = row.columnText(5);
    item.reason = agendaReasonFromKey(row.columnText(6)).value_or(Reason::Chosen);
    if (!row.isNull(7))
        item.timeBoxMinutes = int(row.columnInt(7));
    item.status = agendaStatusFromKey(row.columnText(8)).value_or(AgendaItem::Status::Pending);
    item.openedUtc = meetingrows::optionalUtc(row, 9);
    item.finishedUtc = meetingrows::optionalUtc(row, 10);
    return item;
}

// Open actions on each case item agreed at an earlier meeting of the panel (not this one, not a later one).
Status readCarriedActions(Session& session, const MeetingFacts& meeting, std::vector<AgendaItem>& items)
{
    auto rows = session.database().prepare(
        QStringLiteral(
            "SELECT i.id, a.id, a.description, g.name, a.due_date FROM agenda_items i "
            "JOIN cases c ON c.id = i.case_id AND %1 "
            "JOIN actions a ON a.case_id = c.id JOIN agencies g ON g.id = a.owner_agency_id "
            "WHERE i.meeting_id = :meeting AND a.status = 'open' AND EXISTS (SELECT 1 FROM "
            "agenda_item_actions l "
            "JOIN agenda_items pi ON pi.id = l.agenda_item_id JOIN meetings pm ON pm.id = pi.meeting_id "
            "WHERE l.action_id = a.id AND pm.id <> :meeting AND pm.panel_id = :panel AND pm.meeting_date <= "
            ":date) "
            "ORDER BY a.due_date IS NULL, a.due_date, a.id")
            .arg(CaseAccess(session).visibleCases(QStringLiteral("c"))));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meeting.id)
        .bind(":panel", meeting.panelId)
        .bind(":date", caserows::isoDate(meeting.date));
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            return {};
        const auto itemId = rows->columnId<AgendaItemId>(0);
        AgendaItem::CarriedAction action{rows->columnId<ActionId>(1), rows->columnText(2),
                                         rows->columnText(3), caserows::optionalDate(*rows, 4)};
        for (AgendaItem& item : items) {
            if (item.id == itemId)
                item.carriedActions.push_back(action);
        }
    }
}

int rank(Reason reason)
{
    return int(reason); // the enum lists the reasons in the order they are offered
}

} // namespace

AgendaBuilder::AgendaBuilder(Session& session, const PanelKindRegistry& kinds)
    : AgendaBuilder(session, kinds, session.clock())
{}

AgendaBuilder::AgendaBuilder(Session& session, const PanelKindRegistry& kinds, const Clock& clock)
    : m_session(session)
    , m_clock(clock)
    , m_kinds(kinds)
{}

Result<std::vector<AgendaItem>> AgendaBuilder::agenda(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    Database& db = m_session.database();
    auto rows = db.prepare(selectItems(m_session) + QStringLiteral(" ORDER BY i.position, i.id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meetingId);
    auto items = rows->collect<AgendaItem>([&](const Statement& row) { return readItem(row, meetingId); });
    if (!items.ok())
        return items.error();
    if (Status carried = readCarriedActions(m_session, *meeting, *items); !carried.ok())
        return carried.error();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingView,
                                                  meeting->record(), QStringLiteral("agenda"));
        !audited.ok())
        return audited.error();
    return items;
}

Result<AgendaItem> AgendaBuilder::itemById(const MeetingFacts& meeting, AgendaItemId itemId)
{
    auto row = m_session.database().prepare(selectItems(m_session) + QStringLiteral(" AND i.id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":meeting", meeting.id).bind(":id", itemId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That agenda item does not exist."));
    return readItem(*row, meeting.id);
}

// The panel's open cases not on the agenda yet, each with the first reason that applies, in offering order.
Result<std::vector<AgendaSuggestion>> AgendaBuilder::candidates(const MeetingFacts& meeting)
{
    Database& db = m_session.database();
    auto kind = caserows::kindOfPanel(db, m_kinds, meeting.panelId);
    if (!kind.ok())
        return kind.error();
    auto rows = db.prepare(
        QStringLiteral(
            "SELECT c.id, c.reference, s.name, c.stage, c.next_review, (SELECT min(r.due_date) FROM "
            "scheduled_reviews r WHERE r.case_id = c.id AND r.completed_on IS NULL), (SELECT count(*) FROM "
            "actions "
            "a WHERE a.case_id = c.id AND a.status = 'open'), EXISTS (SELECT 1 FROM actions a JOIN "
            "agenda_item_actions l ON l.action_id = a.id JOIN agenda_items pi ON pi.id = l.agenda_item_id "
            "JOIN "
            "meetings pm ON pm.id = pi.meeting_id WHERE a.case_id = c.id AND a.status = 'open' AND pm.id <> "
            ":meeting AND pm.panel_id = c.panel_id AND pm.meeting_date <= :date) FROM cases c JOIN subjects "
            "s ON "
            "s.id = c.subject_id WHERE c.panel_id = :panel AND %1 AND c.id NOT IN (SELECT case_id FROM "
            "agenda_items WHERE meeting_id = :meeting AND case_id IS NOT NULL)")
            .arg(CaseAccess(m_session).visibleCases(QStringLiteral("c"))));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meeting.id)
        .bind(":panel", meeting.panelId)
        .bind(":date", caserows::isoDate(meeting.date));
    const QDate today = m_clock.today();
    std::vector<AgendaSuggestion> found;
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            break;
        const QString stage = rows->columnText(3);
        const StageDefinition* definition = (*kind)->stage(stage);
        if (definition && definition->isClosed)
            continue; // the open caseload only
        const ReviewDue due = ReviewDue::of(*kind, stage, caserows::optionalDate(*rows, 4),
                                            caserows::optionalDate(*rows, 5), today);
        AgendaSuggestion suggestion{rows->columnId<CaseId>(0),
                                    rows->columnText(1),
                                    rows->columnText(2),
                                    stage,
                                    Reason::Chosen,
                                    due.date,
                                    int(rows->columnInt(6))};
        if (rows->columnInt(7) != 0)
            suggestion.reason = Reason::CarriedForward;
        else if (due.isOverdue)
            suggestion.reason = Reason::ReviewOverdue;
        else if (due.date && *due.date <= meeting.date)
            suggestion.reason = Reason::ReviewDue;
        else if (suggestion.openActions > 0)
            suggestion.reason = Reason::OpenActions;
        found.push_back(suggestion);
    }
    std::stable_sort(found.begin(), found.end(), [](const AgendaSuggestion& a, const AgendaSuggestion& b) {
        if (rank(a.reason) != rank(b.reason))
            return rank(a.reason) < rank(b.reason);
        if (a.reviewDue != b.reviewDue)
            return a.reviewDue.has_value() && (!b.reviewDue || *a.reviewDue < *b.reviewDue);
        return a.caseReference < b.caseReference;
    });
    return found;
}

Result<std::vector<AgendaSuggestion>> AgendaBuilder::suggestions(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingAgenda);
    if (!meeting.ok())
        return meeting.error();
    return candidates(*meeting);
}

Result<MeetingFacts> AgendaBuilder::requireEditable(const Result<MeetingFacts>& meeting)
{
    if (!meeting.ok())
        return meeting.error();
    if (meeting->status != MeetingStatus::Planned && meeting->status != MeetingStatus::Open)
        return invalid(Tr::tr("The agenda can be changed only before the meeting closes."));
    return *meeting;
}

Result<AgendaItemId> AgendaBuilder::insertItem(const MeetingFacts& meeting, std::optional<CaseId> caseId,
                                               const QString& title, Reason reason,
                                               std::optional<int> timeBox)
{
    if (timeBox && (*timeBox < 1 || *timeBox > LongestTimeBoxMinutes))
        return invalid(Tr::tr("A time box is from 1 to %1 minutes.").arg(LongestTimeBoxMinutes));
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO agenda_items (meeting_id, position, case_id, title, reason, time_box_minutes) "
        "SELECT :meeting, ifnull(max(position), 0) + 1, :case, :title, :reason, :box FROM agenda_items "
        "WHERE meeting_id = :meeting"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":meeting", meeting.id)
        .bind(":title", caserows::cleaned(title))
        .bind(":reason", agendaReasonKey(reason));
    insert->bind(":case", caseId);
    if (timeBox)
        insert->bind(":box", *timeBox);
    else
        insert->bindNull(":box");
    if (Status run = insert->run(); !run.ok())
        return run.error();
    const auto id = db.lastInsertId<AgendaItemId>();
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::MeetingAgenda, meeting.record(),
            QStringLiteral("add item:%1 reason=%2").arg(id.value()).arg(agendaReasonKey(reason)));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return id;
}

Result<AgendaItem> AgendaBuilder::addCase(MeetingId meetingId, CaseId caseId,
                                          std::optional<int> timeBoxMinutes)
{
    auto meeting = requireEditable(
        MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingAgenda));
    if (!meeting.ok())
        return meeting.error();
    auto offered = candidates(*meeting);
    if (!offered.ok())
        return offered.error();
    const auto found =
        std::find_if(offered->cbegin(), offered->cend(),
                     [&](const AgendaSuggestion& suggestion) { return suggestion.caseId == caseId; });
    if (found == offered->cend())
        return invalid(Tr::tr("Only an open case of this panel that is not on the agenda yet can be added."));
    auto id = insertItem(*meeting, caseId, {}, found->reason, timeBoxMinutes);
    if (!id.ok())
        return id.error();
    return itemById(*meeting, *id);
}

Result<AgendaItem> AgendaBuilder::addBusiness(MeetingId meetingId, const QString& title,
                                              std::optional<int> timeBoxMinutes)
{
    auto meeting = requireEditable(
        MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingAgenda));
    if (!meeting.ok())
        return meeting.error();
    if (title.trimmed().isEmpty())
        return invalid(Tr::tr("Give the item a title."));
    auto id = insertItem(*meeting, std::nullopt, title, Reason::Business, timeBoxMinutes);
    if (!id.ok())
        return id.error();
    return itemById(*meeting, *id);
}

Status AgendaBuilder::carryForward(MeetingId meetingId)
{
    auto meeting = requireEditable(
        MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingAgenda));
    if (!meeting.ok())
        return meeting.error();
    auto offered = candidates(*meeting);
    if (!offered.ok())
        return offered.error();
    Transaction tx(m_session.database());
    if (!tx.isActive())
        return tx.beginStatus();
    for (const AgendaSuggestion& suggestion : *offered) {
        if (suggestion.reason != Reason::CarriedForward)
            break; // offered first, so the rest are not carried
        if (auto id = insertItem(*meeting, suggestion.caseId, {}, suggestion.reason, {}); !id.ok())
            return id.error();
    }
    return tx.commit();
}

Status AgendaBuilder::renumber(MeetingId meetingId, const std::vector<AgendaItemId>& itemIds)
{
    auto update = m_session.database().prepare(QStringLiteral(
        "UPDATE agenda_items SET position = :position WHERE id = :id AND meeting_id = :meeting"));
    if (!update.ok())
        return update.error();
    for (std::size_t i = 0; i < itemIds.size(); ++i) {
        update->bind(":position", qint64(i + 1)).bind(":id", itemIds[i]).bind(":meeting", meetingId);
        if (Status run = update->run(); !run.ok())
            return run;
        update->reset();
    }
    return {};
}

Status AgendaBuilder::move(AgendaItemId itemId, int newPosition)
{
    auto meeting = requireEditable(
        MeetingAccess(m_session).requireForItem(itemId, Need::Leading, AuditAction::MeetingAgenda));
    if (!meeting.ok())
        return meeting.error();
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT id FROM agenda_items WHERE meeting_id = :meeting ORDER BY position, id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meeting->id);
    auto ids =
        rows->collect<AgendaItemId>([](const Statement& row) { return row.columnId<AgendaItemId>(0); });
    if (!ids.ok())
        return ids.error();
    if (newPosition < 1 || newPosition > int(ids->size()))
        return invalid(Tr::tr("Choose a place from 1 to %1 on the agenda.").arg(ids->size()));
    ids->erase(std::find(ids->begin(), ids->end(), itemId));
    ids->insert(ids->begin() + (newPosition - 1), itemId);
    Transaction tx(m_session.database());
    if (!tx.isActive())
        return tx.beginStatus();
    if (Status renumbered = renumber(meeting->id, *ids); !renumbered.ok())
        return renumbered;
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::MeetingAgenda, meeting->record(),
            QStringLiteral("move item:%1 to %2").arg(itemId.value()).arg(newPosition));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status AgendaBuilder::remove(AgendaItemId itemId)
{
    auto meeting = requireEditable(
        MeetingAccess(m_session).requireForItem(itemId, Need::Leading, AuditAction::MeetingAgenda));
    if (!meeting.ok())
        return meeting.error();
    auto item = itemById(*meeting, itemId);
    if (!item.ok())
        return item.error();
    if (item->status != AgendaItem::Status::Pending)
        return invalid(Tr::tr("An item that has been opened stays on the agenda."));
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto remove = db.prepare(QStringLiteral("DELETE FROM agenda_items WHERE id = :id AND NOT EXISTS "
                                            "(SELECT 1 FROM meeting_attendees WHERE agenda_item_id = :id)"));
    if (!remove.ok())
        return remove.error();
    remove->bind(":id", itemId);
    if (Status run = remove->run(); !run.ok())
        return run;
    if (db.changes() == 0)
        return invalid(Tr::tr("A guest is invited for this item; withdraw the invitation first."));
    auto rows = db.prepare(
        QStringLiteral("SELECT id FROM agenda_items WHERE meeting_id = :meeting ORDER BY position, id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meeting->id);
    auto ids =
        rows->collect<AgendaItemId>([](const Statement& row) { return row.columnId<AgendaItemId>(0); });
    if (!ids.ok())
        return ids.error();
    if (Status renumbered = renumber(meeting->id, *ids); !renumbered.ok())
        return renumbered;
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingAgenda,
                                     meeting->record(), QStringLiteral("remove item:%1").arg(itemId.value()));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status AgendaBuilder::setTimeBox(AgendaItemId itemId, std::optional<int> minutes)
{
    auto meeting = requireEditable(
        MeetingAccess(m_session).requireForItem(itemId, Need::Leading, AuditAction::MeetingAgenda));
    if (!meeting.ok())
        return meeting.error();
    if (minutes && (*minutes < 1 || *minutes > LongestTimeBoxMinutes))
        return invalid(Tr::tr("A time box is from 1 to %1 minutes.").arg(LongestTimeBoxMinutes));
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update =
        db.prepare(QStringLiteral("UPDATE agenda_items SET time_box_minutes = :box WHERE id = :id"));
    if (!update.ok())
        return update.error();
    update->bind(":id", itemId);
    if (minutes)
        update->bind(":box", *minutes);
    else
        update->bindNull(":box");
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::MeetingAgenda, meeting->record(),
            QStringLiteral("time box item:%1 %2")
                .arg(itemId.value())
                .arg(minutes ? QString::number(*minutes) : QStringLiteral("none")));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
