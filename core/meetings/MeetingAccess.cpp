#include "meetings/MeetingAccess.h"

#include "audit/AuditLog.h"
#include "partnership/PanelMembership.h"
#include "partnership/PanelRoles.h"
#include "session/Session.h"
#include "store/Database.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::MeetingAccess)
};

QString refusal(MeetingAccess::Need need)
{
    switch (need) {
    case MeetingAccess::Need::Listing:
    case MeetingAccess::Need::Reading:
        return Tr::tr("This meeting is not available to you.");
    case MeetingAccess::Need::Leading:
        return Tr::tr("Only the chair or a coordinator of the meeting's panel can do that.");
    }
    return {};
}

} // namespace

MeetingAccess::MeetingAccess(Session& session)
    : m_session(session)
{}

bool MeetingAccess::mayRead(PanelId panelId) const
{
    return PanelMembership(m_session).isMember(panelId);
}

bool MeetingAccess::mayLead(PanelId panelId) const
{
    // A coordinator is always a member (the table's foreign key); a chair is made one when named.
    return PanelRoles(m_session).leads(panelId) && mayRead(panelId);
}

Error MeetingAccess::refuse(Need need, const QString& record, AuditAction attemptedAction, const QString& why)
{
    // The caller cannot tell a missing meeting from one they may not see; the audit trail can.
    (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied, record,
                                   QStringLiteral("%1: %2").arg(auditActionKey(attemptedAction), why));
    return makeError(ErrorCode::AccessDenied, refusal(need));
}

Result<meetingrows::MeetingFacts> MeetingAccess::require(MeetingId meetingId, Need need,
                                                         AuditAction attemptedAction)
{
    auto facts = meetingrows::readFacts(m_session.database(), meetingId);
    if (!facts.ok()) {
        if (facts.error().code != ErrorCode::NotFound)
            return facts.error();
        return refuse(need, AuditRecord::ofMissingMeeting(meetingId), attemptedAction,
                      QStringLiteral("no such meeting"));
    }
    bool isAllowed = false;
    switch (need) {
    case Need::Listing:
        isAllowed = m_session.isAdministrator() || mayRead(facts->panelId);
        break;
    case Need::Reading:
        isAllowed = mayRead(facts->panelId);
        break;
    case Need::Leading:
        isAllowed = mayLead(facts->panelId);
        break;
    }
    if (isAllowed)
        return facts;
    return refuse(need, facts->record(), attemptedAction,
                  need == Need::Leading ? QStringLiteral("not the panel's chair or a coordinator")
                                        : QStringLiteral("not a panel member"));
}

Result<meetingrows::MeetingFacts> MeetingAccess::requireForItem(AgendaItemId itemId, Need need,
                                                                AuditAction attemptedAction)
{
    auto meeting = meetingrows::meetingOfItem(m_session.database(), itemId);
    if (!meeting.ok())
        return meeting.error();
    return require(meeting->value_or(MeetingId(0)), need, attemptedAction);
}

Result<meetingrows::MeetingFacts> MeetingAccess::requireForAttendee(AttendeeId attendeeId, Need need,
                                                                    AuditAction attemptedAction)
{
    auto meeting = meetingrows::meetingOfAttendee(m_session.database(), attendeeId);
    if (!meeting.ok())
        return meeting.error();
    return require(meeting->value_or(MeetingId(0)), need, attemptedAction);
}

Result<meetingrows::MeetingFacts> MeetingAccess::requireByReference(const QString& reference, Need need,
                                                                    AuditAction attemptedAction)
{
    auto meeting = meetingrows::meetingOfReference(m_session.database(), reference);
    if (!meeting.ok())
        return meeting.error();
    return require(meeting->value_or(MeetingId(0)), need, attemptedAction);
}

Status MeetingAccess::requirePanelLead(PanelId panelId, AuditAction attemptedAction)
{
    if (mayLead(panelId))
        return {};
    return refuse(Need::Leading, AuditRecord::ofPanel(panelId), attemptedAction,
                  QStringLiteral("not the panel's chair or a coordinator"));
}

QString MeetingAccess::listedMeetings(const QString& alias) const
{
    if (m_session.isAdministrator())
        return QStringLiteral("1");
    return QStringLiteral("%1.panel_id IN (%2)").arg(alias, PanelMembership(m_session).memberPanelsQuery());
}

} // namespace confer
