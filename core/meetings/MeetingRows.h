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
    qint64 id = 0;
    QString reference;
    qint64 panelId = 0;
    MeetingStatus status = MeetingStatus::Planned;
    QDate date;
    QTime startsAt;
    std::optional<qint64> declarationTextId;
    // "meeting:<reference>", as the audit trail names a meeting.
    QString record() const;
};
// NotFound when there is no such meeting.
Result<MeetingFacts> readFacts(Database& db, qint64 meetingId);

// The meeting an agenda item or an attendee belongs to; nullopt when there is no such row.
Result<std::optional<qint64>> meetingOfItem(Database& db, qint64 itemId);
Result<std::optional<qint64>> meetingOfAttendee(Database& db, qint64 attendeeId);

std::optional<QDateTime> optionalUtc(const Statement& row, int column);
QString timeText(const QTime& time); // "09:30"

// The attendees of a meeting with the state of their declaration, by the one rule SignInRegister keeps.
Result<std::vector<Attendee>> readAttendees(Database& db, qint64 meetingId, const MeetingFacts& facts);

} // namespace meetingrows
} // namespace confer
