#include "meetings/SignInRegister.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace confer {

Result<std::vector<OutstandingSignature>>
SignInRegister::outstanding(Database& db, MeetingId meetingId, std::optional<AgendaItemId> agendaItemId)
{
    // The latest declaration of each attendee counts (signing after a refusal replaces it).
    auto rows = db.prepare(QStringLiteral(
        "SELECT a.id, a.name, a.agency_name, "
        "(SELECT d.outcome FROM declarations d WHERE d.attendee_id = a.id ORDER BY d.id DESC LIMIT 1) "
        "AS latest FROM meeting_attendees a "
        "WHERE a.meeting_id = :meeting AND a.has_apologies = 0 AND a.arrived_utc IS NOT NULL "
        "AND a.left_utc IS NULL AND (a.agenda_item_id IS NULL OR a.agenda_item_id IS :item) "
        "AND NOT EXISTS (SELECT 1 FROM declaration_overrides o WHERE o.attendee_id = a.id) "
        "AND latest IS NOT 'signed' ORDER BY a.name COLLATE NOCASE, a.id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meetingId);
    if (agendaItemId)
        rows->bind(":item", *agendaItemId);
    else
        rows->bindNull(":item");
    return rows->collect<OutstandingSignature>([](const Statement& row) {
        OutstandingSignature person;
        person.attendeeId = row.columnId<AttendeeId>(0);
        person.name = row.columnText(1);
        person.agencyName = row.columnText(2);
        person.hasRefused = row.columnText(3) == QLatin1String("refused");
        return person;
    });
}

} // namespace confer
