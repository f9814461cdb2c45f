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
        qint64 panelId = 0; // ignored by change(): a meeting stays with its panel
        QDate date;
        QTime startsAt;
        QTime endsAt;
        QString place;
        QString videoLink;
        std::optional<qint64> chairUserId; // none: the panel's chair (or, with none, whoever plans it)
    };
    Result<Meeting> plan(const Details& details);
    Status change(qint64 meetingId, const Details& details); // while planned
    Status cancel(qint64 meetingId, const QString& reason);  // while planned
    Status open(qint64 meetingId);                           // on or after its day
    Status close(qint64 meetingId);                          // finishes any item still open

    // The meetings the user may list (their panels'; an administrator's, every panel's), by date; one
    // panel's when given. Reference, panel, date and status only.
    Result<std::vector<MeetingSummary>> meetings(std::optional<qint64> panelId = {});
    Result<MeetingSummary> summary(qint64 meetingId);
    // Everything about the meeting itself, for its panel's members (audited as a read).
    Result<Meeting> meeting(qint64 meetingId);

private:
    Status validate(const Details& details) const;
    Result<qint64> chairFor(const Details& details);
    Result<qint64> insertMeeting(const Details& details, qint64 chairUserId);
    Status setStatus(qint64 meetingId, MeetingStatus from, MeetingStatus to, AuditAction action,
                     const QString& detail);

    Session& m_session;
    const Clock& m_clock;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
