#include "meetings/Attendance.h"

#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "meetings/MeetingAccess.h"
#include "partnership/AgencyService.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelRoles.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <algorithm>

namespace confer {

using meetingrows::MeetingFacts;
using Need = MeetingAccess::Need;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Attendance)
};

Error invalid(const QString& sentence)
{
    return makeError(ErrorCode::InvalidInput, sentence);
}

bool isLive(MeetingStatus status)
{
    return status == MeetingStatus::Planned || status == MeetingStatus::Open;
}

Result<std::optional<Attendee>> findAttendee(Database& db, const MeetingFacts& meeting, AttendeeId attendeeId)
{
    auto all = meetingrows::readAttendees(db, meeting.id, meeting);
    if (!all.ok())
        return all.error();
    const auto found = std::find_if(all->cbegin(), all->cend(),
                                    [&](const Attendee& attendee) { return attendee.id == attendeeId; });
    if (found == all->cend())
        return std::optional<Attendee>{};
    return std::optional<Attendee>{*found};
}

} // namespace

struct Attendance::Resolved {
    QString name;
    std::optional<AgencyId> agencyId;
    QString agencyName;
    QString role;
};

Attendance::Attendance(Session& session, const PanelKindRegistry& kinds)
    : Attendance(session, kinds, session.clock())
{}

Attendance::Attendance(Session& session, const PanelKindRegistry& kinds, const Clock& clock)
    : m_session(session)
    , m_clock(clock)
    , m_kinds(kinds)
{}

// Name and agency from the account when there is one, from what the chair typed otherwise; a member's
// role from what they are on the panel.
Result<Attendance::Resolved> Attendance::resolve(const MeetingFacts& meeting, const Invitee& invitee)
{
    Database& db = m_session.database();
    Resolved who{caserows::cleaned(invitee.name), invitee.agencyId, caserows::cleaned(invitee.agencyName),
                 caserows::cleaned(invitee.role)};
    if (invitee.kind == Attendee::Kind::Member && !invitee.userId)
        return invalid(Tr::tr("Choose the member to invite."));
    if (invitee.userId) {
        auto user = m_session.accounts().user(*invitee.userId);
        if (!user.ok())
            return user.error();
        who.name = user->displayName;
        auto agency = AgencyService(m_session).agencyOfUser(*invitee.userId);
        if (!agency.ok())
            return agency.error();
        if (*agency)
            who.agencyId = *agency;
    }
    if (invitee.kind == Attendee::Kind::Member) {
        const bool leads = PanelRoles(m_session).leads(meeting.panelId, *invitee.userId);
        if (who.role.isEmpty())
            who.role = leads ? Tr::tr("Chair or coordinator") : Tr::tr("Panel member");
    }
    if (who.agencyId) {
        auto agency = db.prepare(QStringLiteral("SELECT name FROM agencies WHERE id = :id"));
        if (!agency.ok())
            return agency.error();
        agency->bind(":id", *who.agencyId);
        auto hasRow = agency->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            return invalid(Tr::tr("That agency is not in the directory."));
        who.agencyName = agency->columnText(0);
    }
    if (who.name.isEmpty())
        return invalid(Tr::tr("Enter the name of the person invited."));
    if (invitee.kind == Attendee::Kind::Guest && who.agencyName.isEmpty())
        return invalid(Tr::tr("Enter the agency the guest comes from."));
    return who;
}

Result<AttendeeId> Attendance::insert(const MeetingFacts& meeting, const Invitee& invitee,
                                      const Resolved& who)
{
    Database& db = m_session.database();
    auto add = db.prepare(QStringLiteral(
        "INSERT INTO meeting_attendees (meeting_id, user_id, name, agency_id, agency_name, role, kind, "
        "agenda_item_id, is_remote, created_utc) VALUES (:meeting, :user, :name, :agency, :agencyName, "
        ":role, "
        ":kind, :item, :remote, :at)"));
    if (!add.ok())
        return add.error();
    add->bind(":meeting", meeting.id)
        .bind(":name", who.name)
        .bind(":agencyName", who.agencyName)
        .bind(":role", who.role)
        .bind(":kind", attendeeKindKey(invitee.kind))
        .bind(":remote", invitee.isRemote)
        .bind(":at", caserows::utcText(m_clock.nowUtc()));
    add->bind(":user", invitee.userId);
    add->bind(":agency", who.agencyId);
    add->bind(":item", invitee.agendaItemId);
    if (Status run = add->run(); !run.ok()) {
        if (run.error().detail.contains(QLatin1String("UNIQUE")))
            return makeError(ErrorCode::Conflict, Tr::tr("That person is already invited to this meeting."));
        return run.error();
    }
    return db.lastInsertId<AttendeeId>();
}

Result<Attendee> Attendance::invite(MeetingId meetingId, const Invitee& invitee)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingAttendance);
    if (!meeting.ok())
        return meeting.error();
    if (!isLive(meeting->status))
        return invalid(Tr::tr("Invitations can be changed only before the meeting closes."));
    if (invitee.kind == Attendee::Kind::Member && invitee.userId) {
        auto members = m_session.database().prepare(
            QStringLiteral("SELECT 1 FROM panel_members WHERE panel_id = :panel AND user_id = :user"));
        if (!members.ok())
            return members.error();
        members->bind(":panel", meeting->panelId).bind(":user", *invitee.userId);
        if (auto isMember = members->step(); !isMember.ok() || !*isMember)
            return invalid(Tr::tr("Only a member of the panel can be invited as a member; invite a guest."));
    }
    if (invitee.agendaItemId) {
        auto itemMeeting = meetingrows::meetingOfItem(m_session.database(), *invitee.agendaItemId);
        if (!itemMeeting.ok())
            return itemMeeting.error();
        if (*itemMeeting != meetingId || invitee.kind != Attendee::Kind::Guest)
            return invalid(Tr::tr("A guest can be invited for one item of this meeting's agenda."));
    }
    auto who = resolve(*meeting, invitee);
    if (!who.ok())
        return who.error();
    Transaction tx(m_session.database());
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto id = insert(*meeting, invitee, *who);
    if (!id.ok())
        return id.error();
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::MeetingAttendance, meeting->record(),
            QStringLiteral("invite attendee:%1 kind=%2").arg(id->value()).arg(attendeeKindKey(invitee.kind)));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    auto added = findAttendee(m_session.database(), *meeting, *id);
    if (!added.ok())
        return added.error();
    return added->value_or(Attendee{});
}

Status Attendance::inviteMembers(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingAttendance);
    if (!meeting.ok())
        return meeting.error();
    auto rows = m_session.database().prepare(QStringLiteral(
        "SELECT m.user_id FROM panel_members m JOIN users u ON u.id = m.user_id "
        "WHERE m.panel_id = :panel AND u.is_disabled = 0 AND m.user_id NOT IN "
        "(SELECT user_id FROM meeting_attendees WHERE meeting_id = :meeting AND user_id IS NOT NULL) "
        "ORDER BY m.user_id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":panel", meeting->panelId).bind(":meeting", meetingId);
    auto userIds = rows->collect<UserId>([](const Statement& row) { return row.columnId<UserId>(0); });
    if (!userIds.ok())
        return userIds.error();
    Transaction tx(m_session.database());
    if (!tx.isActive())
        return tx.beginStatus();
    for (UserId userId : *userIds) {
        Invitee member;
        member.userId = userId;
        member.kind = Attendee::Kind::Member;
        if (auto invited = invite(meetingId, member); !invited.ok())
            return invited.error();
    }
    return tx.commit();
}

Status Attendance::change(AttendeeId attendeeId, const QString& sql,
                          const std::function<void(Statement&)>& bind,
                          const std::function<Status(const Attendee&)>& isPossible, const QString& detail)
{
    auto meeting = MeetingAccess(m_session).requireForAttendee(attendeeId, Need::Leading,
                                                               AuditAction::MeetingAttendance);
    if (!meeting.ok())
        return meeting.error();
    if (!isLive(meeting->status))
        return invalid(Tr::tr("Attendance can be changed only before the meeting closes."));
    Database& db = m_session.database();
    auto attendee = findAttendee(db, *meeting, attendeeId);
    if (!attendee.ok())
        return attendee.error();
    if (Status possible = isPossible(**attendee); !possible.ok())
        return possible;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(sql);
    if (!update.ok())
        return update.error();
    update->bind(":id", attendeeId);
    bind(*update);
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::MeetingAttendance, meeting->record(),
            QStringLiteral("%1 attendee:%2").arg(detail).arg(attendeeId.value()));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status Attendance::withdrawInvitation(AttendeeId attendeeId)
{
    return change(
        attendeeId,
        QStringLiteral("DELETE FROM meeting_attendees WHERE id = :id AND NOT EXISTS "
                       "(SELECT 1 FROM declarations WHERE attendee_id = :id) AND NOT EXISTS "
                       "(SELECT 1 FROM meeting_decisions WHERE proposed_by_attendee_id = :id)"),
        [](Statement&) {},
        [](const Attendee& attendee) -> Status {
            if (attendee.arrivedUtc || attendee.signIn != SignInState::NotYet)
                return invalid(
                    Tr::tr("%1 has already arrived; record that they left instead.").arg(attendee.name));
            return {};
        },
        QStringLiteral("withdraw"));
}

Status Attendance::sendApologies(AttendeeId attendeeId, bool agencySentInformation)
{
    return change(
        attendeeId,
        QStringLiteral("UPDATE meeting_attendees SET has_apologies = 1, agency_sent_information = :sent "
                       "WHERE id = :id"),
        [&](Statement& update) { update.bind(":sent", agencySentInformation); },
        [](const Attendee& attendee) -> Status {
            if (attendee.arrivedUtc)
                return invalid(Tr::tr("%1 is here, so sends no apologies.").arg(attendee.name));
            return {};
        },
        agencySentInformation ? QStringLiteral("apologies, information sent") : QStringLiteral("apologies"));
}

Status Attendance::arrive(AttendeeId attendeeId, std::optional<QDateTime> atUtc)
{
    const QDateTime now = m_clock.nowUtc();
    const QDateTime at = atUtc.value_or(now);
    // Coming after sending apologies withdraws them; coming back after leaving keeps the first arrival.
    return change(
        attendeeId,
        QStringLiteral("UPDATE meeting_attendees SET has_apologies = 0, agency_sent_information = 0, "
                       "arrived_utc = ifnull(arrived_utc, :at), left_utc = NULL WHERE id = :id"),
        [&](Statement& update) { update.bind(":at", caserows::utcText(at)); },
        [&](const Attendee& attendee) -> Status {
            if (at > now)
                return invalid(Tr::tr("An arrival cannot be recorded for a time still to come."));
            if (attendee.isPresent())
                return invalid(Tr::tr("%1 is already recorded as here.").arg(attendee.name));
            return {};
        },
        QStringLiteral("arrive"));
}

Status Attendance::leave(AttendeeId attendeeId, std::optional<QDateTime> atUtc)
{
    const QDateTime now = m_clock.nowUtc();
    const QDateTime at = atUtc.value_or(now);
    return change(
        attendeeId, QStringLiteral("UPDATE meeting_attendees SET left_utc = :at WHERE id = :id"),
        [&](Statement& update) { update.bind(":at", caserows::utcText(at)); },
        [&](const Attendee& attendee) -> Status {
            if (!attendee.isPresent())
                return invalid(Tr::tr("%1 is not recorded as here.").arg(attendee.name));
            if (at > now || at < *attendee.arrivedUtc)
                return invalid(Tr::tr("Leaving must be recorded between arriving and now."));
            return {};
        },
        QStringLiteral("leave"));
}

Status Attendance::setRemote(AttendeeId attendeeId, bool isRemote)
{
    return change(
        attendeeId, QStringLiteral("UPDATE meeting_attendees SET is_remote = :remote WHERE id = :id"),
        [&](Statement& update) { update.bind(":remote", isRemote); },
        [](const Attendee&) { return Status{}; },
        isRemote ? QStringLiteral("remote") : QStringLiteral("in the room"));
}

Result<std::vector<Attendee>> Attendance::attendees(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    auto all = meetingrows::readAttendees(m_session.database(), meetingId, *meeting);
    if (!all.ok())
        return all.error();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingView,
                                                  meeting->record(), QStringLiteral("attendance"));
        !audited.ok())
        return audited.error();
    return all;
}

Result<QuorumCheck> Attendance::quorum(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    Database& db = m_session.database();
    auto kind = caserows::kindOfPanel(db, m_kinds, meeting->panelId);
    if (!kind.ok())
        return kind.error();
    auto all = meetingrows::readAttendees(db, meetingId, *meeting);
    if (!all.ok())
        return all.error();
    QuorumCheck check;
    check.required = (*kind)->quorumSectors;
    for (AgencySector sector : check.required) {
        const bool isPresent = std::any_of(all->cbegin(), all->cend(), [&](const Attendee& attendee) {
            // Observers and guests for one item do not make a meeting quorate.
            return attendee.isPresent() && attendee.kind != Attendee::Kind::Observer &&
                   !attendee.agendaItemId && attendee.sector == sector;
        });
        if (!isPresent)
            check.missing.append(sector);
    }
    return check;
}

} // namespace confer
