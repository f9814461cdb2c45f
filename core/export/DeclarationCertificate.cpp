#include "export/DeclarationCertificate.h"

#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "demo/DemonstrationStore.h"
#include "meetings/Attendance.h"
#include "meetings/Declarations.h"
#include "meetings/MeetingAccess.h"
#include "meetings/MeetingService.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

#include <algorithm>
#include <map>
#include <set>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::DeclarationCertificate)
};

// Times on the certificate are UTC, as stored, and say so: a certificate read in another time zone, or
// after the clocks change, still tells the same time.
QString utcTime(const QDateTime& utc)
{
    return Tr::tr("%1 UTC").arg(utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString methodOf(const Declaration& declaration)
{
    if (declaration.isRefusal || !declaration.method)
        return Tr::tr("Refused");
    switch (*declaration.method) {
    case Declaration::Method::Drawn:
        return Tr::tr("Drawn on screen");
    case Declaration::Method::TypedAndWitnessed:
        return Tr::tr("Typed (\"%1\") and witnessed by %2")
            .arg(declaration.typedName, declaration.witnessName);
    case Declaration::Method::SpokenAndWitnessed:
        return Tr::tr("Spoken agreement (remote) witnessed by %1").arg(declaration.witnessName);
    }
    return {};
}

// Signing after a refusal adds a declaration and the latest counts (Declarations), so the certificate shows
// each attendee's latest, in the order they were made.
std::vector<Declaration> latestPerAttendee(const std::vector<Declaration>& all)
{
    std::map<AttendeeId, Declaration> latest;
    for (const Declaration& declaration : all)
        latest[declaration.attendeeId] = declaration; // oldest first: a later one replaces it
    std::vector<Declaration> rows;
    for (const auto& [attendeeId, declaration] : latest)
        rows.push_back(declaration);
    std::sort(rows.begin(), rows.end(), [](const Declaration& a, const Declaration& b) {
        return a.atUtc != b.atUtc ? a.atUtc < b.atUtc : a.id < b.id;
    });
    return rows;
}

void describeMeeting(MarkedPdfWriter& writer, const Meeting& meeting)
{
    writer.heading(Tr::tr("Confidentiality declarations"), 1);
    const QLocale locale;
    QString when = locale.toString(meeting.date, QLocale::LongFormat);
    if (meeting.startsAt.isValid())
        when += Tr::tr(", %1 to %2 (local time)")
                    .arg(meeting.startsAt.toString(QStringLiteral("HH:mm")),
                         meeting.endsAt.toString(QStringLiteral("HH:mm")));
    QStringList places;
    if (!meeting.place.isEmpty())
        places << meeting.place;
    if (!meeting.videoLink.isEmpty())
        places << Tr::tr("by video");
    writer.table({Tr::tr("Meeting"), QString()},
                 {{Tr::tr("Panel"), meeting.panelName},
                  {Tr::tr("Reference"), meeting.reference},
                  {Tr::tr("Date"), when},
                  {Tr::tr("Place"), places.isEmpty() ? Tr::tr("Not recorded") : places.join(Tr::tr(" and "))},
                  {Tr::tr("Chair"), meeting.chairName}});
}

void describeText(MarkedPdfWriter& writer, const DeclarationText& text)
{
    writer.heading(Tr::tr("The declaration"), 2);
    writer.paragraph(
        Tr::tr("Every attendee below was shown this text, version %1 of the panel's declaration:")
            .arg(text.version));
    writer.paragraph(text.text);
    writer.paragraph(Tr::tr("SHA-256 of the exact text (UTF-8): %1").arg(text.sha256));
}

void listDeclarations(MarkedPdfWriter& writer, const std::vector<Declaration>& declarations)
{
    writer.heading(Tr::tr("Declarations"), 2);
    if (declarations.empty()) {
        writer.paragraph(Tr::tr("No declaration was taken at this meeting."));
        return;
    }
    writer.paragraph(Tr::tr("Times are in UTC (Coordinated Universal Time). Where someone declared more than "
                            "once, their latest declaration is shown."));
    std::vector<std::vector<PdfCell>> rows;
    for (const Declaration& declaration : declarations) {
        PdfCell signature = QString();
        if (declaration.method == Declaration::Method::Drawn && !declaration.isRefusal) {
            auto decoded = Signature::decode(declaration.strokes);
            signature = decoded.ok() ? PdfCell(*decoded) : PdfCell(decoded.error().message);
        }
        rows.push_back({declaration.attendeeName, declaration.agencyName, declaration.role,
                        utcTime(declaration.atUtc), methodOf(declaration), signature});
    }
    writer.table({Tr::tr("Name"), Tr::tr("Agency"), Tr::tr("Role"), Tr::tr("Time (UTC)"), Tr::tr("Method"),
                  Tr::tr("Signature")},
                 std::move(rows));
}

void listOverrides(MarkedPdfWriter& writer, const std::vector<DeclarationOverride>& overrides)
{
    if (overrides.empty())
        return;
    writer.heading(Tr::tr("Went on without a signature"), 2);
    std::vector<std::vector<PdfCell>> rows;
    for (const DeclarationOverride& skipped : overrides)
        rows.push_back({skipped.attendeeName, skipped.agencyName, skipped.reason, skipped.byName,
                        utcTime(skipped.atUtc)});
    writer.table(
        {Tr::tr("Name"), Tr::tr("Agency"), Tr::tr("Reason"), Tr::tr("Recorded by"), Tr::tr("Time (UTC)")},
        std::move(rows));
}

// Attended (arrived, no apologies) without any declaration or override: the certificate must not read as
// if everyone signed.
void listNeverSigned(MarkedPdfWriter& writer, const std::vector<Attendee>& attendees,
                     const std::vector<Declaration>& declarations)
{
    std::set<AttendeeId> declared;
    for (const Declaration& declaration : declarations)
        declared.insert(declaration.attendeeId);
    std::vector<std::vector<PdfCell>> rows;
    for (const Attendee& attendee : attendees) {
        const bool attended = attendee.arrivedUtc && !attendee.hasSentApologies;
        if (attended && !declared.count(attendee.id) && attendee.signIn != SignInState::Overridden)
            rows.push_back({attendee.name, attendee.agencyName, attendee.role});
    }
    if (rows.empty())
        return;
    writer.heading(Tr::tr("Present without a declaration"), 2);
    writer.table({Tr::tr("Name"), Tr::tr("Agency"), Tr::tr("Role")}, std::move(rows));
}

} // namespace

DeclarationCertificate::DeclarationCertificate(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<MarkedPdfWriter> DeclarationCertificate::compose(MeetingId meetingId)
{
    // Exporting is leading the meeting; a lead is a member, so the reads below pass (and are audited).
    auto facts = MeetingAccess(m_session).require(meetingId, MeetingAccess::Need::Leading,
                                                  AuditAction::DeclarationCertificateExport);
    if (!facts.ok())
        return facts.error();
    if (!facts->declarationTextId)
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("This meeting has not been opened, so nobody has signed its declaration yet."));
    Declarations declarations(m_session);
    auto meeting = MeetingService(m_session, m_kinds).meeting(meetingId);
    auto text = declarations.textOf(meetingId);
    auto taken = declarations.ofMeeting(meetingId);
    auto overrides = declarations.overridesOf(meetingId);
    auto attendees = Attendance(m_session, m_kinds).attendees(meetingId);
    auto isDemonstration = DemonstrationStore::isDemonstration(m_session.database());
    for (const Status& read : {Status(meeting), Status(text), Status(taken), Status(overrides),
                               Status(attendees), Status(isDemonstration)}) {
        if (!read.ok())
            return read.error();
    }
    MarkedPdfWriter::Options options;
    options.title = Tr::tr("Declaration certificate, %1").arg(meeting->reference);
    options.isDemonstration = *isDemonstration;
    MarkedPdfWriter writer(options);
    const std::vector<Declaration> latest = latestPerAttendee(*taken);
    describeMeeting(writer, *meeting);
    describeText(writer, *text);
    listDeclarations(writer, latest);
    listOverrides(writer, *overrides);
    listNeverSigned(writer, *attendees, latest);
    writer.paragraph(
        Tr::tr("Made by Confer from the meeting's record on %1.").arg(utcTime(m_session.clock().nowUtc())));
    return writer;
}

Result<MarkedPdfWriter::Rendered> DeclarationCertificate::render(MeetingId meetingId)
{
    auto writer = compose(meetingId);
    if (!writer.ok())
        return writer.error();
    return writer->render();
}

Result<MarkedPdfWriter::Written> DeclarationCertificate::exportTo(MeetingId meetingId, const QString& path)
{
    auto writer = compose(meetingId);
    if (!writer.ok())
        return writer.error();
    auto written = writer->writeTo(path);
    if (!written.ok())
        return written.error();
    auto facts = meetingrows::readFacts(m_session.database(), meetingId);
    if (!facts.ok())
        return facts.error();
    // The path is left out: the user chose it, and a file name may hold a person's name.
    if (Status audited = m_session.audit().append(m_session.currentUser().login,
                                                  AuditAction::DeclarationCertificateExport, facts->record(),
                                                  QStringLiteral("reference=%1 sha256=%2 size=%3 pages=%4")
                                                      .arg(facts->reference, written->sha256Hex)
                                                      .arg(written->size)
                                                      .arg(written->pageCount));
        !audited.ok()) {
        // No export goes unaudited: without its event the file does not stay.
        QFile::remove(path);
        return audited.error();
    }
    return written;
}

} // namespace confer
