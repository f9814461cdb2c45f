#include "meetings/MeetingService.h"

#include "audit/AuditLog.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "meetings/AgendaBuilder.h"
#include "meetings/Attendance.h"
#include "meetings/DeclarationTexts.h"
#include "meetings/MeetingAccess.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelRoles.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QLocale>

namespace confer {

using meetingrows::MeetingFacts;
using Need = MeetingAccess::Need;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::MeetingService)
};

const char* const SelectSummary =
    "SELECT m.id, m.reference, m.panel_id, p.name, m.meeting_date, m.status FROM meetings m "
    "JOIN panels p ON p.id = m.panel_id";

const char* const SelectMeeting =
    "SELECT m.id, m.reference, m.panel_id, p.name, p.kind, m.meeting_date, m.starts_at, m.ends_at, m.place, "
    "m.video_link, m.chair_user_id, ifnull(u.display_name, ''), m.status, m.cancel_reason, "
    "m.declaration_text_id, m.opened_utc, m.closed_utc FROM meetings m JOIN panels p ON p.id = m.panel_id "
    "LEFT JOIN users u ON u.id = m.chair_user_id WHERE m.id = :id";

MeetingSummary readSummary(const Statement& row)
{
    MeetingSummary summary;
    summary.id = row.columnId<MeetingId>(0);
    summary.reference = row.columnText(1);
    summary.panelId = row.columnId<PanelId>(2);
    summary.panelName = row.columnText(3);
    summary.date = QDate::fromString(row.columnText(4), Qt::ISODate);
    summary.status = meetingStatusFromKey(row.columnText(5)).value_or(MeetingStatus::Planned);
    return summary;
}

Meeting readMeeting(const Statement& row)
{
    Meeting meeting;
    meeting.id = row.columnId<MeetingId>(0);
    meeting.reference = row.columnText(1);
    meeting.panelId = row.columnId<PanelId>(2);
    meeting.panelName = row.columnText(3);
    meeting.kindKey = row.columnText(4);
    meeting.date = QDate::fromString(row.columnText(5), Qt::ISODate);
    meeting.startsAt = QTime::fromString(row.columnText(6), QStringLiteral("HH:mm"));
    meeting.endsAt = QTime::fromString(row.columnText(7), QStringLiteral("HH:mm"));
    meeting.place = row.columnText(8);
    meeting.videoLink = row.columnText(9);
    meeting.chairUserId = row.columnOptionalId<UserId>(10);
    meeting.chairName = row.columnText(11);
    meeting.status = meetingStatusFromKey(row.columnText(12)).value_or(MeetingStatus::Planned);
    meeting.cancelReason = row.columnText(13);
    meeting.declarationTextId = row.columnOptionalId<DeclarationTextId>(14);
    meeting.openedUtc = meetingrows::optionalUtc(row, 15);
    meeting.closedUtc = meetingrows::optionalUtc(row, 16);
    return meeting;
}

// "<PREFIX>-M-<YEAR>-<NNN>", numbered per kind prefix and year, inside the planning transaction
// (BEGIN IMMEDIATE), so two plans cannot take the same number.
Result<QString> nextReference(Database& db, const QString& prefix, int year)
{
    const QString head = QStringLiteral("%1-M-%2-").arg(prefix).arg(year);
    auto row =
        db.prepare(QStringLiteral("SELECT max(CAST(substr(reference, :from) AS INTEGER)) FROM meetings "
                                  "WHERE substr(reference, 1, :length) = :head"));
    if (!row.ok())
        return row.error();
    row->bind(":from", qint64(head.size() + 1)).bind(":length", qint64(head.size())).bind(":head", head);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const qint64 last = row->isNull(0) ? 0 : row->columnInt(0);
    return QString(head + QStringLiteral("%1").arg(last + 1, 3, 10, QLatin1Char('0')));
}

Error wrongState(const QString& sentence)
{
    return makeError(ErrorCode::InvalidInput, sentence);
}

} // namespace

MeetingService::MeetingService(Session& session, const PanelKindRegistry& kinds)
    : MeetingService(session, kinds, session.clock())
{}

MeetingService::MeetingService(Session& session, const PanelKindRegistry& kinds, const Clock& clock)
    : m_session(session)
    , m_clock(clock)
    , m_kinds(kinds)
{}

Status MeetingService::validate(const Details& details) const
{
    if (!details.date.isValid())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the date of the meeting."));
    if (!details.startsAt.isValid() || !details.endsAt.isValid() || details.endsAt <= details.startsAt)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Enter when the meeting starts and when it is due to end, the end after the "
                                "start."));
    if (details.place.trimmed().isEmpty() && details.videoLink.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Say where the meeting is held: a place, a video link, or both."));
    return {};
}

// The meeting's chair: one who leads the panel (its chair or a coordinator).
Result<UserId> MeetingService::chairFor(const Details& details)
{
    std::optional<UserId> chair = details.chairUserId;
    if (!chair) {
        auto panel =
            m_session.database().prepare(QStringLiteral("SELECT chair_user_id FROM panels WHERE id = :id"));
        if (!panel.ok())
            return panel.error();
        panel->bind(":id", details.panelId);
        auto hasRow = panel->step();
        if (!hasRow.ok())
            return hasRow.error();
        chair = *hasRow && !panel->isNull(0) ? panel->columnId<UserId>(0) : m_session.currentUser().id;
    }
    if (!PanelRoles(m_session).leads(details.panelId, *chair))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The meeting's chair must be the panel's chair or one of its coordinators."));
    return *chair;
}

Result<MeetingId> MeetingService::insertMeeting(const Details& details, UserId chairUserId)
{
    Database& db = m_session.database();
    auto panel = caserows::readPanel(db, details.panelId);
    if (!panel.ok())
        return panel.error();
    if (panel->isArchived)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This panel is archived and holds no more meetings."));
    auto kind = caserows::kindOfPanel(db, m_kinds, details.panelId);
    if (!kind.ok())
        return kind.error();
    auto reference = nextReference(db, (*kind)->referencePrefix, details.date.year());
    if (!reference.ok())
        return reference.error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO meetings (reference, panel_id, meeting_date, starts_at, ends_at, place, video_link, "
        "chair_user_id, status, created_utc, updated_utc) VALUES (:reference, :panel, :date, :starts, :ends, "
        ":place, :video, :chair, 'planned', :at, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":reference", *reference)
        .bind(":panel", details.panelId)
        .bind(":date", caserows::isoDate(details.date))
        .bind(":starts", meetingrows::timeText(details.startsAt))
        .bind(":ends", meetingrows::timeText(details.endsAt))
        .bind(":place", caserows::cleaned(details.place))
        .bind(":video", caserows::cleaned(details.videoLink))
        .bind(":chair", chairUserId)
        .bind(":at", caserows::utcText(m_clock.nowUtc()));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    const auto id = db.lastInsertId<MeetingId>();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingPlan,
                                                  AuditRecord::ofMeeting(*reference),
                                                  AuditRecord::ofPanel(details.panelId));
        !audited.ok())
        return audited.error();
    return id;
}

Result<Meeting> MeetingService::plan(const Details& details)
{
    if (Status lead = MeetingAccess(m_session).requirePanelLead(details.panelId, AuditAction::MeetingPlan);
        !lead.ok())
        return lead.error();
    if (Status valid = validate(details); !valid.ok())
        return valid.error();
    auto chair = chairFor(details);
    if (!chair.ok())
        return chair.error();
    Transaction tx(m_session.database());
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto id = insertMeeting(details, *chair);
    if (!id.ok())
        return id.error();
    // The panel's members are invited, and what earlier meetings left open comes forward.
    if (Status invited = Attendance(m_session, m_kinds, m_clock).inviteMembers(*id); !invited.ok())
        return invited.error();
    if (Status carried = AgendaBuilder(m_session, m_kinds, m_clock).carryForward(*id); !carried.ok())
        return carried.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return meeting(*id);
}

Status MeetingService::change(MeetingId meetingId, const Details& details)
{
    auto facts = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingChange);
    if (!facts.ok())
        return facts.error();
    if (facts->status != MeetingStatus::Planned)
        return wrongState(Tr::tr("Only a planned meeting can be changed."));
    Details wanted = details;
    wanted.panelId = facts->panelId;
    if (Status valid = validate(wanted); !valid.ok())
        return valid;
    auto chair = chairFor(wanted);
    if (!chair.ok())
        return chair.error();
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral(
        "UPDATE meetings SET meeting_date = :date, starts_at = :starts, ends_at = :ends, place = :place, "
        "video_link = :video, chair_user_id = :chair, updated_utc = :at WHERE id = :id"));
    if (!update.ok())
        return update.error();
    update->bind(":date", caserows::isoDate(wanted.date))
        .bind(":starts", meetingrows::timeText(wanted.startsAt))
        .bind(":ends", meetingrows::timeText(wanted.endsAt))
        .bind(":place", caserows::cleaned(wanted.place))
        .bind(":video", caserows::cleaned(wanted.videoLink))
        .bind(":chair", *chair)
        .bind(":at", caserows::utcText(m_clock.nowUtc()))
        .bind(":id", meetingId);
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingChange,
                                                  facts->record());
        !audited.ok())
        return audited;
    return tx.commit();
}

Status MeetingService::setStatus(MeetingId meetingId, MeetingStatus from, MeetingStatus to,
                                 AuditAction action, const QString& detail)
{
    Database& db = m_session.database();
    const QString now = caserows::utcText(m_clock.nowUtc());
    auto update =
        db.prepare(QStringLiteral("UPDATE meetings SET status = :to, updated_utc = :at, "
                                  "opened_utc = CASE WHEN :to = 'open' THEN :at ELSE opened_utc END, "
                                  "closed_utc = CASE WHEN :to = 'closed' THEN :at ELSE closed_utc END WHERE "
                                  "id = :id AND status = :from"));
    if (!update.ok())
        return update.error();
    update->bind(":to", meetingStatusKey(to))
        .bind(":from", meetingStatusKey(from))
        .bind(":at", now)
        .bind(":id", meetingId);
    if (Status run = update->run(); !run.ok())
        return run;
    auto facts = meetingrows::readFacts(db, meetingId);
    if (!facts.ok())
        return facts.error();
    return m_session.audit().append(m_session.currentUser().login, action, facts->record(), detail);
}

Status MeetingService::cancel(MeetingId meetingId, const QString& reason)
{
    auto facts = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingCancel);
    if (!facts.ok())
        return facts.error();
    if (facts->status != MeetingStatus::Planned)
        return wrongState(Tr::tr("Only a planned meeting can be cancelled."));
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Say why the meeting is cancelled."));
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral("UPDATE meetings SET cancel_reason = :reason WHERE id = :id"));
    if (!update.ok())
        return update.error();
    update->bind(":reason", caserows::cleaned(reason)).bind(":id", meetingId);
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status changed = setStatus(meetingId, MeetingStatus::Planned, MeetingStatus::Cancelled,
                                   AuditAction::MeetingCancel, {});
        !changed.ok())
        return changed;
    return tx.commit();
}

Status MeetingService::open(MeetingId meetingId)
{
    auto facts = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingOpen);
    if (!facts.ok())
        return facts.error();
    if (facts->status != MeetingStatus::Planned)
        return wrongState(Tr::tr("Only a planned meeting can be opened."));
    if (m_clock.today() < facts->date)
        return wrongState(Tr::tr("This meeting is planned for %1; it can be opened on the day.")
                              .arg(QLocale().toString(facts->date, QLocale::LongFormat)));
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    // Opening starts sign-in: the text attendees sign is fixed now, whatever is edited later.
    auto textId = DeclarationTexts(m_session, m_kinds, m_clock).versionForMeeting(facts->panelId);
    if (!textId.ok())
        return textId.error();
    auto fix = db.prepare(QStringLiteral("UPDATE meetings SET declaration_text_id = :text WHERE id = :id"));
    if (!fix.ok())
        return fix.error();
    fix->bind(":text", *textId).bind(":id", meetingId);
    if (Status run = fix->run(); !run.ok())
        return run;
    auto text = DeclarationTexts::byId(db, *textId);
    if (!text.ok())
        return text.error();
    if (Status changed = setStatus(
            meetingId, MeetingStatus::Planned, MeetingStatus::Open, AuditAction::MeetingOpen,
            QStringLiteral("declaration version=%1 sha256=%2").arg(text->version).arg(text->sha256));
        !changed.ok())
        return changed;
    return tx.commit();
}

Status MeetingService::close(MeetingId meetingId)
{
    auto facts = MeetingAccess(m_session).require(meetingId, Need::Leading, AuditAction::MeetingClose);
    if (!facts.ok())
        return facts.error();
    if (facts->status != MeetingStatus::Open)
        return wrongState(Tr::tr("Only an open meeting can be closed."));
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto finish = db.prepare(QStringLiteral("UPDATE agenda_items SET status = 'done', finished_utc = :at "
                                            "WHERE meeting_id = :meeting AND status = 'open'"));
    if (!finish.ok())
        return finish.error();
    finish->bind(":at", caserows::utcText(m_clock.nowUtc())).bind(":meeting", meetingId);
    if (Status run = finish->run(); !run.ok())
        return run;
    if (Status changed =
            setStatus(meetingId, MeetingStatus::Open, MeetingStatus::Closed, AuditAction::MeetingClose, {});
        !changed.ok())
        return changed;
    return tx.commit();
}

Result<std::vector<MeetingSummary>> MeetingService::meetings(std::optional<PanelId> panelId)
{
    QString sql = QString::fromLatin1(SelectSummary) + QStringLiteral(" WHERE ") +
                  MeetingAccess(m_session).listedMeetings(QStringLiteral("m"));
    if (panelId)
        sql += QStringLiteral(" AND m.panel_id = :panel");
    sql += QStringLiteral(" ORDER BY m.meeting_date, m.starts_at, m.reference");
    auto rows = m_session.database().prepare(sql);
    if (!rows.ok())
        return rows.error();
    if (panelId)
        rows->bind(":panel", *panelId);
    return rows->collect<MeetingSummary>(readSummary);
}

Result<MeetingSummary> MeetingService::summary(MeetingId meetingId)
{
    if (auto facts = MeetingAccess(m_session).require(meetingId, Need::Listing, AuditAction::MeetingView);
        !facts.ok())
        return facts.error();
    auto row = m_session.database().prepare(QString::fromLatin1(SelectSummary) +
                                            QStringLiteral(" WHERE m.id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", meetingId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("This meeting is not available to you."));
    return readSummary(*row);
}

Result<Meeting> MeetingService::meeting(MeetingId meetingId)
{
    auto facts = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!facts.ok())
        return facts.error();
    auto row = m_session.database().prepare(QString::fromLatin1(SelectMeeting));
    if (!row.ok())
        return row.error();
    row->bind(":id", meetingId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("This meeting is not available to you."));
    Meeting meeting = readMeeting(*row);
    row->reset();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingView,
                                                  facts->record(), QStringLiteral("details"));
        !audited.ok())
        return audited.error();
    return meeting;
}

} // namespace confer
