#include "meetings/MeetingRoom.h"

#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "meetings/AgendaBuilder.h"
#include "meetings/DeclarationGate.h"
#include "meetings/MeetingAccess.h"
#include "partnership/PanelKind.h"
#include "partnership/StageGateRegistry.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

using meetingrows::MeetingFacts;
using Need = MeetingAccess::Need;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::MeetingRoom)
};

Error invalid(const QString& sentence)
{
    return makeError(ErrorCode::InvalidInput, sentence);
}

struct ItemFacts {
    AgendaItemId id;
    std::optional<CaseId> caseId;
    QString caseReference;
    QString title;
    int position = 0;
    AgendaItem::Status status = AgendaItem::Status::Pending;
};

// The case's reference only for a case the user may see (need-to-know: CaseAccess::visibleCases).
Result<ItemFacts> readItem(Session& session, AgendaItemId itemId)
{
    auto row = session.database().prepare(
        QStringLiteral("SELECT i.id, i.case_id, ifnull(c.reference, ''), i.title, i.position, i.status FROM "
                       "agenda_items i LEFT JOIN cases c ON c.id = i.case_id AND %1 WHERE i.id = :id")
            .arg(CaseAccess(session).visibleCases(QStringLiteral("c"))));
    if (!row.ok())
        return row.error();
    row->bind(":id", itemId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That agenda item does not exist."));
    return ItemFacts{row->columnId<AgendaItemId>(0),
                     row->columnOptionalId<CaseId>(1),
                     row->columnText(2),
                     row->columnText(3),
                     int(row->columnInt(4)),
                     agendaStatusFromKey(row->columnText(5)).value_or(AgendaItem::Status::Pending)};
}

// The position of the item being discussed, if any.
Result<std::optional<int>> openPosition(Database& db, MeetingId meetingId)
{
    auto row = db.prepare(QStringLiteral(
        "SELECT position FROM agenda_items WHERE meeting_id = :meeting AND status = 'open' LIMIT 1"));
    if (!row.ok())
        return row.error();
    row->bind(":meeting", meetingId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return std::optional<int>{};
    return std::optional<int>{int(row->columnInt(0))};
}

Status setItemStatus(Database& db, AgendaItemId itemId, const QString& sql, const QString& nowUtc)
{
    auto update = db.prepare(sql);
    if (!update.ok())
        return update.error();
    update->bind(":at", nowUtc).bind(":id", itemId);
    return update->run();
}

} // namespace

MeetingRoom::MeetingRoom(Session& session, const PanelKindRegistry& kinds)
    : MeetingRoom(session, kinds, session.clock())
{}

MeetingRoom::MeetingRoom(Session& session, const PanelKindRegistry& kinds, const Clock& clock)
    : m_session(session)
    , m_clock(clock)
    , m_kinds(kinds)
{}

QStringList MeetingRoom::itemGates()
{
    // Thurrock 8.1 Method A: no case is discussed before everyone present has signed.
    return {DeclarationGate::gateKey()};
}

Status MeetingRoom::checkItemGates(MeetingId meetingId, AgendaItemId itemId, CaseId caseId,
                                   const QString& label) const
{
    for (const QString& key : itemGates()) {
        // A registry without the gate cannot make the check, so the item stays closed (fail closed).
        const StageGate* gate = m_kinds.gates().gate(key);
        if (!gate)
            return invalid(
                Tr::tr("“%1” cannot be opened: this copy of Confer cannot check the condition “%2”.")
                    .arg(label, key));
        if (Status held = gate->check(
                GateContext{m_session.database(), caseId, label, MeetingItemRef{meetingId, itemId}});
            !held.ok())
            return held;
    }
    return {};
}

Status MeetingRoom::openItem(AgendaItemId itemId)
{
    auto meeting =
        MeetingAccess(m_session).requireForItem(itemId, Need::Leading, AuditAction::MeetingItemOpen);
    if (!meeting.ok())
        return meeting.error();
    if (meeting->status != MeetingStatus::Open)
        return invalid(Tr::tr("Open the meeting before its first item."));
    Database& db = m_session.database();
    auto item = readItem(m_session, itemId);
    if (!item.ok())
        return item.error();
    if (item->status == AgendaItem::Status::Open)
        return {};
    auto current = openPosition(db, meeting->id);
    if (!current.ok())
        return current.error();
    if (*current)
        return invalid(Tr::tr("Finish item %1 before opening another.").arg(**current));
    const QString label = item->caseId ? item->caseReference : item->title;
    if (item->caseId) {
        if (Status held = checkItemGates(meeting->id, itemId, *item->caseId, label); !held.ok())
            return held;
    }
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    // An item finished earlier can be opened again (the panel comes back to a case).
    if (Status set =
            setItemStatus(db, itemId,
                          QStringLiteral("UPDATE agenda_items SET status = 'open', opened_utc = "
                                         "ifnull(opened_utc, :at), finished_utc = NULL WHERE id = :id"),
                          caserows::utcText(m_clock.nowUtc()));
        !set.ok())
        return set;
    const QString detail =
        item->caseId ? QStringLiteral("item:%1 %2").arg(itemId.value()).arg(AuditRecord::ofCase(label))
                     : QStringLiteral("item:%1").arg(itemId.value());
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingItemOpen,
                                                  meeting->record(), detail);
        !audited.ok())
        return audited;
    return tx.commit();
}

Status MeetingRoom::finishItem(AgendaItemId itemId)
{
    auto meeting =
        MeetingAccess(m_session).requireForItem(itemId, Need::Leading, AuditAction::MeetingItemFinish);
    if (!meeting.ok())
        return meeting.error();
    Database& db = m_session.database();
    auto item = readItem(m_session, itemId);
    if (!item.ok())
        return item.error();
    if (item->status != AgendaItem::Status::Open)
        return invalid(Tr::tr("Only the item being discussed can be finished."));
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    if (Status set =
            setItemStatus(db, itemId,
                          QStringLiteral("UPDATE agenda_items SET status = 'done', finished_utc = :at "
                                         "WHERE id = :id"),
                          caserows::utcText(m_clock.nowUtc()));
        !set.ok())
        return set;
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingItemFinish,
                                     meeting->record(), QStringLiteral("item:%1").arg(itemId.value()));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<std::optional<AgendaItem>> MeetingRoom::currentItem(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    auto row = m_session.database().prepare(QStringLiteral(
        "SELECT id FROM agenda_items WHERE meeting_id = :meeting AND status = 'open' LIMIT 1"));
    if (!row.ok())
        return row.error();
    row->bind(":meeting", meetingId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return std::optional<AgendaItem>{};
    const auto itemId = row->columnId<AgendaItemId>(0);
    row->reset();
    auto agenda = AgendaBuilder(m_session, m_kinds, m_clock).agenda(meetingId);
    if (!agenda.ok())
        return agenda.error();
    for (const AgendaItem& item : *agenda) {
        if (item.id == itemId)
            return std::optional<AgendaItem>{item};
    }
    return std::optional<AgendaItem>{};
}

} // namespace confer
