#include "meetings/Declarations.h"

#include "audit/AuditLog.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "meetings/DeclarationTexts.h"
#include "meetings/MeetingAccess.h"
#include "meetings/SignInRegister.h"
#include "meetings/Signature.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <algorithm>

namespace confer {

using meetingrows::MeetingFacts;
using Need = MeetingAccess::Need;
using Method = Declaration::Method;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Declarations)
};

Error invalid(const QString& sentence)
{
    return makeError(ErrorCode::InvalidInput, sentence);
}

const char* const SelectDeclaration =
    "SELECT d.id, d.meeting_id, d.attendee_id, d.attendee_name, d.agency_name, d.role, d.text_id, t.version, "
    "d.text_sha256, d.outcome, d.method, d.strokes, d.typed_name, d.witness_user_id, ifnull(w.display_name, "
    "''), "
    "d.at_utc FROM declarations d JOIN declaration_texts t ON t.id = d.text_id "
    "LEFT JOIN users w ON w.id = d.witness_user_id";

Declaration readDeclaration(const Statement& row)
{
    Declaration declaration;
    declaration.id = row.columnId<DeclarationId>(0);
    declaration.meetingId = row.columnId<MeetingId>(1);
    declaration.attendeeId = row.columnId<AttendeeId>(2);
    declaration.attendeeName = row.columnText(3);
    declaration.agencyName = row.columnText(4);
    declaration.role = row.columnText(5);
    declaration.textId = row.columnId<DeclarationTextId>(6);
    declaration.textVersion = int(row.columnInt(7));
    declaration.textSha256 = row.columnText(8);
    declaration.isRefusal = row.columnText(9) == QLatin1String("refused");
    if (!row.isNull(10))
        declaration.method = declarationMethodFromKey(row.columnText(10));
    declaration.strokes = row.columnBlob(11);
    declaration.typedName = row.columnText(12);
    declaration.witnessUserId = row.columnOptionalId<UserId>(13);
    declaration.witnessName = row.columnText(14);
    declaration.atUtc = QDateTime::fromString(row.columnText(15), Qt::ISODateWithMs);
    return declaration;
}

Result<Attendee> attendeeOf(Database& db, const MeetingFacts& meeting, AttendeeId attendeeId)
{
    auto all = meetingrows::readAttendees(db, meeting.id, meeting);
    if (!all.ok())
        return all.error();
    const auto found = std::find_if(all->cbegin(), all->cend(),
                                    [&](const Attendee& attendee) { return attendee.id == attendeeId; });
    if (found == all->cend())
        return makeError(ErrorCode::NotFound, Tr::tr("That attendee is not on this meeting's list."));
    return *found;
}

// Present, or arriving as they sign: the sign-in is the meeting's register.
Status checkCanDeclare(const MeetingFacts& meeting, const Attendee& attendee)
{
    if (meeting.status != MeetingStatus::Open)
        return invalid(Tr::tr("Declarations are taken while the meeting is open."));
    if (attendee.hasSentApologies)
        return invalid(Tr::tr("%1 sent apologies; record their arrival first.").arg(attendee.name));
    if (attendee.leftUtc)
        return invalid(Tr::tr("%1 has left the meeting.").arg(attendee.name));
    return {};
}

} // namespace

struct Declarations::Taking {
    std::optional<Method> method; // none: a refusal
    QByteArray strokes;
    QString typedName;
    AuditAction action = AuditAction::DeclarationSign;
};

Declarations::Declarations(Session& session)
    : Declarations(session, session.clock())
{}

Declarations::Declarations(Session& session, const Clock& clock)
    : m_session(session)
    , m_clock(clock)
{}

Result<Declaration> Declarations::declarationById(DeclarationId id)
{
    auto row = m_session.database().prepare(QString::fromLatin1(SelectDeclaration) +
                                            QStringLiteral(" WHERE d.id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That declaration does not exist."));
    return readDeclaration(*row);
}

Result<Declaration> Declarations::take(AttendeeId attendeeId, const AttendeeDetails& details,
                                       const Taking& taking)
{
    auto meeting = MeetingAccess(m_session).requireForAttendee(attendeeId, Need::Leading, taking.action);
    if (!meeting.ok())
        return meeting.error();
    Database& db = m_session.database();
    auto attendee = attendeeOf(db, *meeting, attendeeId);
    if (!attendee.ok())
        return attendee.error();
    if (Status possible = checkCanDeclare(*meeting, *attendee); !possible.ok())
        return possible.error();
    const QString name = details.name.trimmed();
    const QString agency = details.agencyName.trimmed();
    const QString role = details.role.trimmed().isEmpty() ? attendee->role : details.role.trimmed();
    if (name.isEmpty() || agency.isEmpty())
        return invalid(Tr::tr("Enter the name and the agency of the person signing."));
    if (!meeting->declarationTextId)
        return invalid(Tr::tr("Declarations are taken while the meeting is open."));
    auto text = DeclarationTexts::byId(db, *meeting->declarationTextId);
    if (!text.ok())
        return text.error();

    const QString now = caserows::utcText(m_clock.nowUtc());
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto arrive =
        db.prepare(QStringLiteral("UPDATE meeting_attendees SET arrived_utc = ifnull(arrived_utc, :at) "
                                  "WHERE id = :id"));
    if (!arrive.ok())
        return arrive.error();
    arrive->bind(":at", now).bind(":id", attendeeId);
    if (Status run = arrive->run(); !run.ok())
        return run.error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO declarations (meeting_id, attendee_id, attendee_name, agency_name, role, text_id, "
        "text_sha256, outcome, method, strokes, typed_name, witness_user_id, at_utc) VALUES (:meeting, "
        ":attendee, :name, :agency, :role, :text, :sha, :outcome, :method, :strokes, :typed, :witness, "
        ":at)"));
    if (!insert.ok())
        return insert.error();
    const bool isWitnessed = taking.method && *taking.method != Method::Drawn;
    insert->bind(":meeting", meeting->id)
        .bind(":attendee", attendeeId)
        .bind(":name", name)
        .bind(":agency", agency)
        .bind(":role", caserows::cleaned(role))
        .bind(":text", text->id)
        .bind(":sha", text->sha256)
        .bind(":outcome", taking.method ? QStringLiteral("signed") : QStringLiteral("refused"))
        .bind(":method", taking.method ? declarationMethodKey(*taking.method) : QString())
        .bind(":strokes", taking.method == Method::Drawn ? taking.strokes : QByteArray())
        .bind(":typed", caserows::cleaned(taking.typedName))
        .bind(":at", now);
    insert->bind(":witness", isWitnessed ? std::optional<UserId>(m_session.currentUser().id) : std::nullopt);
    if (Status run = insert->run(); !run.ok())
        return run.error();
    const auto id = db.lastInsertId<DeclarationId>();
    const QString method = taking.method ? declarationMethodKey(*taking.method) : QStringLiteral("refused");
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, taking.action, meeting->record(),
                                     QStringLiteral("attendee:%1 %2 version=%3 sha256=%4")
                                         .arg(attendeeId.value())
                                         .arg(method)
                                         .arg(text->version)
                                         .arg(text->sha256));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return declarationById(id);
}

Result<Declaration> Declarations::signDrawn(AttendeeId attendeeId, const AttendeeDetails& details,
                                            const QByteArray& strokes)
{
    if (strokes.size() > MaximumStrokeBytes)
        return invalid(Tr::tr("This signature is too large to keep; clear it and sign again."));
    // The pad asks the same rule, but the store keeps only what Signature accepts, whoever calls.
    // An untouched pad hands over no bytes: that is an empty signature, refused as such below.
    auto signature = strokes.isEmpty() ? Result<Signature>(Signature()) : Signature::decode(strokes);
    if (!signature.ok())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This signature could not be read. Please clear the box and sign again."),
                         signature.error().detail);
    if (Status acceptable = signature->checkAcceptable(); !acceptable.ok())
        return acceptable.error();
    return take(attendeeId, details, Taking{Method::Drawn, strokes, {}, AuditAction::DeclarationSign});
}

Result<Declaration> Declarations::signTypedAndWitnessed(AttendeeId attendeeId, const AttendeeDetails& details,
                                                        const QString& typedName)
{
    if (typedName.trimmed().isEmpty())
        return invalid(Tr::tr("Type the name of the person signing."));
    return take(attendeeId, details,
                Taking{Method::TypedAndWitnessed, {}, typedName.trimmed(), AuditAction::DeclarationSign});
}

Result<Declaration> Declarations::recordSpokenAgreement(AttendeeId attendeeId, const AttendeeDetails& details)
{
    auto meeting =
        MeetingAccess(m_session).requireForAttendee(attendeeId, Need::Leading, AuditAction::DeclarationSign);
    if (!meeting.ok())
        return meeting.error();
    auto attendee = attendeeOf(m_session.database(), *meeting, attendeeId);
    if (!attendee.ok())
        return attendee.error();
    // Spoken agreement stands in for a signature only where one cannot be given on this screen.
    if (!attendee->isRemote)
        return invalid(
            Tr::tr("%1 is in the room; they sign on the screen or type their name.").arg(attendee->name));
    return take(attendeeId, details,
                Taking{Method::SpokenAndWitnessed, {}, {}, AuditAction::DeclarationSign});
}

Result<Declaration> Declarations::recordRefusal(AttendeeId attendeeId, const AttendeeDetails& details)
{
    return take(attendeeId, details, Taking{std::nullopt, {}, {}, AuditAction::DeclarationRefuse});
}

Status Declarations::overrideMissingSignature(AttendeeId attendeeId, const QString& reason)
{
    auto meeting = MeetingAccess(m_session).requireForAttendee(attendeeId, Need::Leading,
                                                               AuditAction::DeclarationOverride);
    if (!meeting.ok())
        return meeting.error();
    if (meeting->status != MeetingStatus::Open)
        return invalid(Tr::tr("Declarations are taken while the meeting is open."));
    Database& db = m_session.database();
    auto attendee = attendeeOf(db, *meeting, attendeeId);
    if (!attendee.ok())
        return attendee.error();
    if (attendee->signIn == SignInState::Signed || attendee->signIn == SignInState::Overridden)
        return invalid(Tr::tr("%1 needs no override.").arg(attendee->name));
    if (reason.trimmed().isEmpty())
        return invalid(Tr::tr("Record why the meeting goes on without this signature."));
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto insert =
        db.prepare(QStringLiteral("INSERT INTO declaration_overrides (meeting_id, attendee_id, reason, "
                                  "by_user_id, at_utc) VALUES (:meeting, :attendee, :reason, :user, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":meeting", meeting->id)
        .bind(":attendee", attendeeId)
        .bind(":reason", reason.trimmed())
        .bind(":user", m_session.currentUser().id)
        .bind(":at", caserows::utcText(m_clock.nowUtc()));
    if (Status run = insert->run(); !run.ok())
        return run;
    // The reason stays in the store; the trail says that it happened, and for whom.
    if (Status audited = m_session.audit().append(m_session.currentUser().login,
                                                  AuditAction::DeclarationOverride, meeting->record(),
                                                  QStringLiteral("attendee:%1").arg(attendeeId.value()));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<DeclarationText> Declarations::textOf(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    if (!meeting->declarationTextId)
        return invalid(Tr::tr("The declaration is fixed when the meeting opens."));
    return DeclarationTexts::byId(m_session.database(), *meeting->declarationTextId);
}

Result<std::vector<Declaration>> Declarations::ofMeeting(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectDeclaration) +
                                             QStringLiteral(" WHERE d.meeting_id = :meeting ORDER BY d.id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meetingId);
    auto declarations = rows->collect<Declaration>(readDeclaration);
    if (!declarations.ok())
        return declarations.error();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingView,
                                                  meeting->record(), QStringLiteral("declarations"));
        !audited.ok())
        return audited.error();
    return declarations;
}

Result<std::vector<DeclarationOverride>> Declarations::overridesOf(MeetingId meetingId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    auto rows = m_session.database().prepare(QStringLiteral(
        "SELECT o.attendee_id, a.name, a.agency_name, o.reason, ifnull(u.display_name, ''), "
        "o.at_utc FROM declaration_overrides o JOIN meeting_attendees a ON a.id = o.attendee_id "
        "LEFT JOIN users u ON u.id = o.by_user_id "
        "WHERE o.meeting_id = :meeting ORDER BY o.id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":meeting", meetingId);
    auto overrides = rows->collect<DeclarationOverride>([](const Statement& row) {
        return DeclarationOverride{
            row.columnId<AttendeeId>(0), row.columnText(1),
            row.columnText(2),           row.columnText(3),
            row.columnText(4),           QDateTime::fromString(row.columnText(5), Qt::ISODateWithMs)};
    });
    if (!overrides.ok())
        return overrides.error();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::MeetingView,
                                                  meeting->record(), QStringLiteral("declaration overrides"));
        !audited.ok())
        return audited.error();
    return overrides;
}

Result<std::vector<OutstandingSignature>> Declarations::outstanding(MeetingId meetingId,
                                                                    std::optional<AgendaItemId> agendaItemId)
{
    auto meeting = MeetingAccess(m_session).require(meetingId, Need::Reading, AuditAction::MeetingView);
    if (!meeting.ok())
        return meeting.error();
    return SignInRegister::outstanding(m_session.database(), meetingId, agendaItemId);
}

} // namespace confer
