#include "meetings/MeetingRows.h"

#include "audit/AuditAction.h"
#include "store/Database.h"
#include "store/SingleId.h"
#include "store/Statement.h"

namespace confer::meetingrows {

namespace {

// The latest declaration of each attendee decides their state; an override clears one who has not signed.
const char* const SelectAttendees =
    "SELECT a.id, a.user_id, a.name, a.agency_id, a.agency_name, g.sector, a.role, a.kind, a.agenda_item_id, "
    "a.has_apologies, a.agency_sent_information, a.is_remote, a.arrived_utc, a.left_utc, "
    "(SELECT d.outcome FROM declarations d WHERE d.attendee_id = a.id ORDER BY d.id DESC LIMIT 1), "
    "(SELECT d.method FROM declarations d WHERE d.attendee_id = a.id ORDER BY d.id DESC LIMIT 1), "
    "EXISTS (SELECT 1 FROM declaration_overrides o WHERE o.attendee_id = a.id) "
    "FROM meeting_attendees a LEFT JOIN agencies g ON g.id = a.agency_id "
    "WHERE a.meeting_id = :meeting ORDER BY a.kind <> 'member', a.name COLLATE NOCASE, a.id";

Attendee readAttendee(const Statement& row, MeetingId meetingId, const QDateTime& scheduledStart)
{
    Attendee attendee;
    attendee.id = row.columnId<AttendeeId>(0);
    attendee.meetingId = meetingId;
    attendee.userId = row.columnOptionalId<UserId>(1);
    attendee.name = row.columnText(2);
    attendee.agencyId = row.columnOptionalId<AgencyId>(3);
    attendee.agencyName = row.columnText(4);
    if (!row.isNull(5))
        attendee.sector = agencySectorFromKey(row.columnText(5));
    attendee.role = row.columnText(6);
    attendee.kind = attendeeKindFromKey(row.columnText(7)).value_or(Attendee::Kind::Guest);
    attendee.agendaItemId = row.columnOptionalId<AgendaItemId>(8);
    attendee.hasSentApologies = row.columnInt(9) != 0;
    attendee.agencySentInformation = row.columnInt(10) != 0;
    attendee.isRemote = row.columnInt(11) != 0;
    attendee.arrivedUtc = optionalUtc(row, 12);
    attendee.leftUtc = optionalUtc(row, 13);
    attendee.isLate =
        attendee.arrivedUtc && scheduledStart.isValid() && *attendee.arrivedUtc > scheduledStart;
    const QString outcome = row.columnText(14);
    if (outcome == QLatin1String("signed")) {
        attendee.signIn = SignInState::Signed;
        attendee.signedBy = declarationMethodFromKey(row.columnText(15));
    } else if (row.columnInt(16) != 0) {
        attendee.signIn = SignInState::Overridden;
    } else if (outcome == QLatin1String("refused")) {
        attendee.signIn = SignInState::Refused;
    }
    return attendee;
}

} // namespace

QString MeetingFacts::record() const
{
    return AuditRecord::ofMeeting(reference);
}

Result<MeetingFacts> readFacts(Database& db, MeetingId meetingId)
{
    auto row = db.prepare(QStringLiteral("SELECT id, reference, panel_id, status, meeting_date, starts_at, "
                                         "declaration_text_id FROM meetings WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", meetingId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such meeting"));
    MeetingFacts facts;
    facts.id = row->columnId<MeetingId>(0);
    facts.reference = row->columnText(1);
    facts.panelId = row->columnId<PanelId>(2);
    facts.status = meetingStatusFromKey(row->columnText(3)).value_or(MeetingStatus::Planned);
    facts.date = QDate::fromString(row->columnText(4), Qt::ISODate);
    facts.startsAt = QTime::fromString(row->columnText(5), QStringLiteral("HH:mm"));
    facts.declarationTextId = row->columnOptionalId<DeclarationTextId>(6);
    return facts;
}

Result<std::optional<MeetingId>> meetingOfItem(Database& db, AgendaItemId itemId)
{
    return singleId<MeetingId>(db, QStringLiteral("SELECT meeting_id FROM agenda_items WHERE id = :id"),
                               itemId);
}

Result<std::optional<MeetingId>> meetingOfAttendee(Database& db, AttendeeId attendeeId)
{
    return singleId<MeetingId>(db, QStringLiteral("SELECT meeting_id FROM meeting_attendees WHERE id = :id"),
                               attendeeId);
}

Result<std::optional<MeetingId>> meetingOfReference(Database& db, const QString& reference)
{
    return singleId<MeetingId>(db, QStringLiteral("SELECT id FROM meetings WHERE reference = :id"),
                               reference.trimmed());
}

std::optional<QDateTime> optionalUtc(const Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return QDateTime::fromString(row.columnText(column), Qt::ISODateWithMs);
}

QString timeText(const QTime& time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

Result<std::vector<Attendee>> readAttendees(Database& db, MeetingId meetingId, const MeetingFacts& facts)
{
    auto rows = db.prepare(QString::fromLatin1(SelectAttendees));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meetingId);
    // Late means after the scheduled start where the panel meets.
    const QDateTime scheduledStart = QDateTime(facts.date, facts.startsAt, Qt::LocalTime).toUTC();
    return rows->collect<Attendee>(
        [&](const Statement& row) { return readAttendee(row, meetingId, scheduledStart); });
}

} // namespace confer::meetingrows
