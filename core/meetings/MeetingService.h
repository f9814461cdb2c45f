#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <optional>
#include <vector>

namespace confer {

class PanelKindRegistry;
class Clock;
class Session;

// A panel's meetings from planning to closing: planned -> open -> closed, or planned -> cancelled. The
// panel's chair and coordinators plan, open and close them (MeetingAccess); planning invites the panel's
// members and carries forward the actions still open from earlier meetings; opening starts sign-in and
// fixes the declaration text the meeting's attendees sign. Every change is one transaction with its audit
// event. Agenda, attendance, declarations, the running of items and decisions have classes of their own.
class MeetingService final {
public:
    MeetingService(Session& session, const PanelKindRegistry& kinds);
    // With a clock of its own instead of the session's: what "now" is for what it records (the demo
    // records meetings held in the past).
    MeetingService(Session& session, const PanelKindRegistry& kinds, const Clock& clock);

    struct Details {
        PanelId panelId; // ignored by change(): a meeting stays with its panel
        QDate date;
        QTime startsAt;
        QTime endsAt;
        QString place;
        QString videoLink;
        std::optional<UserId> chairUserId; // none: the panel's chair (or, with none, whoever plans it)
    };
    Result<Meeting> plan(const Details& details);
    Status change(MeetingId meetingId, const Details& details); // while planned
    Status cancel(MeetingId meetingId, const QString& reason);  // while planned
    Status open(MeetingId meetingId);                           // on or after its day
    Status close(MeetingId meetingId);                          // finishes any item still open

    // The meetings the user may list (their panels'; an administrator's, every panel's), by date; one
    // panel's when given. Reference, panel, date and status only.
    Result<std::vector<MeetingSummary>> meetings(std::optional<PanelId> panelId = {});
    Result<MeetingSummary> summary(MeetingId meetingId);
    // Everything about the meeting itself, for its panel's members (audited as a read).
    Result<Meeting> meeting(MeetingId meetingId);

private:
    Status validate(const Details& details) const;
    Result<UserId> chairFor(const Details& details);
    Result<MeetingId> insertMeeting(const Details& details, UserId chairUserId);
    Status setStatus(MeetingId meetingId, MeetingStatus from, MeetingStatus to, AuditAction action,
                     const QString& detail);

    Session& m_session;
    const Clock& m_clock;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
