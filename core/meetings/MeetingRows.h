#pragma once

#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace confer {

class Database;
class Statement;

// How the meeting tables are read and named, shared by the services that split the work of a meeting
// (MeetingService, AgendaBuilder, Attendance, Declarations, MeetingRoom, MeetingDecisions). None of these
// checks access: callers have passed MeetingAccess already.
namespace meetingrows {

// What every access decision about a meeting needs, and nothing personal.
struct MeetingFacts {
    MeetingId id;
    QString reference;
    PanelId panelId;
    MeetingStatus status = MeetingStatus::Planned;
    QDate date;
    QTime startsAt;
    std::optional<DeclarationTextId> declarationTextId;
    // "meeting:<reference>", as the audit trail names a meeting.
    QString record() const;
};
// NotFound when there is no such meeting.
Result<MeetingFacts> readFacts(Database& db, MeetingId meetingId);

// The meeting an agenda item or an attendee belongs to; nullopt when there is no such row.
Result<std::optional<MeetingId>> meetingOfItem(Database& db, AgendaItemId itemId);
Result<std::optional<MeetingId>> meetingOfAttendee(Database& db, AttendeeId attendeeId);
// The meeting a reference (MAPS-M-2026-004) names, as a person types it on the command line.
Result<std::optional<MeetingId>> meetingOfReference(Database& db, const QString& reference);

std::optional<QDateTime> optionalUtc(const Statement& row, int column);
QString timeText(const QTime& time); // "09:30"

// The attendees of a meeting with the state of their declaration, by the one rule SignInRegister keeps.
Result<std::vector<Attendee>> readAttendees(Database& db, MeetingId meetingId, const MeetingFacts& facts);

} // namespace meetingrows
} // namespace confer
