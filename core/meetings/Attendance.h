#pragma once

#include "common/Result.h"
#include "meetings/MeetingRows.h"
#include "meetings/MeetingTypes.h"

#include <QDateTime>

#include <functional>
#include <optional>
#include <vector>

namespace confer {

class PanelKindRegistry;
class Clock;
class Session;
class Statement;

// Who is invited to a meeting and who came: the panel's members (invited when the meeting is planned),
// guests (for the whole meeting or one agenda item) and observers; apologies, and whether the agency sent
// information instead; arrival and leaving; who joins remotely. The chair and coordinators record it; the
// panel's members read it. Also says whether the sectors the panel kind needs are present (quorum).
class Attendance final {
public:
    Attendance(Session& session, const PanelKindRegistry& kinds);
    // With a clock of its own instead of the session's: what "now" is for what it records (the demo
    // records meetings held in the past).
    Attendance(Session& session, const PanelKindRegistry& kinds, const Clock& clock);

    struct Invitee {
        std::optional<UserId> userId; // a member or observer with an account: name and agency from it
        QString name;                 // a guest's (or observer's) name
        std::optional<AgencyId> agencyId;
        QString agencyName; // when the agency is not in the directory
        QString role;       // "Designated safeguarding lead"
        Attendee::Kind kind = Attendee::Kind::Guest;
        std::optional<AgendaItemId> agendaItemId; // a guest for one item only
        bool isRemote = false;
    };
    Result<Attendee> invite(MeetingId meetingId, const Invitee& invitee);
    // Every member of the panel not yet invited, as members (MeetingService::plan does this).
    Status inviteMembers(MeetingId meetingId);
    Status withdrawInvitation(AttendeeId attendeeId); // before they arrive or sign
    Status sendApologies(AttendeeId attendeeId, bool agencySentInformation);
    // Arrival and leaving at the given time, or now; on the meeting's day, while it is open.
    Status arrive(AttendeeId attendeeId, std::optional<QDateTime> atUtc = {});
    Status leave(AttendeeId attendeeId, std::optional<QDateTime> atUtc = {});
    Status setRemote(AttendeeId attendeeId, bool isRemote);

    // Members first, then guests and observers, by name; with each one's sign-in state. Audited as a read.
    Result<std::vector<Attendee>> attendees(MeetingId meetingId);
    // The sectors the panel kind requires ("quorum") that nobody present comes from; observers do not
    // count. The meeting room warns while one is missing, and the minutes say so.
    Result<QuorumCheck> quorum(MeetingId meetingId);

private:
    struct Resolved; // an invitee's name, agency and role as they will be kept
    Result<Resolved> resolve(const meetingrows::MeetingFacts& meeting, const Invitee& invitee);
    Result<AttendeeId> insert(const meetingrows::MeetingFacts& meeting, const Invitee& invitee,
                              const Resolved& who);
    // One change to one attendee by the chair: `sql` updates the row (:id bound here, the rest by `bind`).
    Status change(AttendeeId attendeeId, const QString& sql, const std::function<void(Statement&)>& bind,
                  const std::function<Status(const Attendee&)>& isPossible, const QString& detail);

    Session& m_session;
    const Clock& m_clock;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
