#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"
#include "meetings/MeetingRows.h"

#include <QString>

namespace confer {

class Session;

// Who may do what with a meeting (issue 8), in one place:
// - Listing: anyone who sits on the meeting's panel, and administrators (who manage panels): the meeting's
//   reference, panel, date and status, nothing else;
// - Reading: the panel's members: the agenda, attendance, declarations, decisions (and later papers and
//   minutes). An administrator who is not a member may not;
// - Leading: the panel's chair and coordinators (PanelRoles): planning, opening, running and closing.
// A refusal says one sentence per need, the same for a meeting that does not exist as for one the user may
// not see or not act on; the audit trail records which ("access.denied").
class MeetingAccess final {
public:
    enum class Need { Listing, Reading, Leading };

    explicit MeetingAccess(Session& session);

    Result<meetingrows::MeetingFacts> require(MeetingId meetingId, Need need, AuditAction attemptedAction);
    // The same for the meeting an agenda item or an attendee belongs to.
    Result<meetingrows::MeetingFacts> requireForItem(AgendaItemId itemId, Need need,
                                                     AuditAction attemptedAction);
    Result<meetingrows::MeetingFacts> requireForAttendee(AttendeeId attendeeId, Need need,
                                                         AuditAction attemptedAction);
    // And for the meeting a reference names (the command line's --meeting).
    Result<meetingrows::MeetingFacts> requireByReference(const QString& reference, Need need,
                                                         AuditAction attemptedAction);
    // Planning a meeting of a panel: its chair or a coordinator (the same sentence for a panel that does not
    // exist).
    Status requirePanelLead(PanelId panelId, AuditAction attemptedAction);

    // A condition on `meetings AS alias` that holds for the meetings the user may list.
    QString listedMeetings(const QString& alias) const;

    bool mayRead(PanelId panelId) const;
    bool mayLead(PanelId panelId) const;

private:
    Error refuse(Need need, const QString& record, AuditAction attemptedAction, const QString& why);

    Session& m_session;
};

} // namespace confer
