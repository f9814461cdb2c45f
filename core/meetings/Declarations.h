#pragma once

#include "common/Result.h"
#include "meetings/MeetingRows.h"
#include "meetings/MeetingTypes.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace confer {

class Clock;
class Session;

// The confidentiality declarations of an open meeting (Thurrock 8.1 Method A; Durham 5.10), taken on the
// chair's screen: each attendee signs the meeting's text (fixed when it opened) on the signature pad, or,
// unable to use a pointer, types their name with the chair as witness; a remote attendee's spoken agreement
// is recorded by the chair as witnessed; a refusal is recorded too. Each keeps the attendee's name, agency
// and role as confirmed, the text version and its SHA-256, the time (UTC) and the method. A declaration is
// never changed: signing again adds one, and the latest counts. The chair (or a coordinator) of the panel
// records them; the panel's members read them.
class Declarations final {
public:
    explicit Declarations(Session& session);
    // With a clock of its own instead of the session's: what "now" is for what it records (the demo
    // records meetings held in the past).
    Declarations(Session& session, const Clock& clock);

    // `strokes` is the signature pad's drawing as Signature encodes it; one that does not decode, or that
    // Signature::checkAcceptable() refuses (empty, trivially small), is refused and nothing changes.
    Result<Declaration> signDrawn(AttendeeId attendeeId, const AttendeeDetails& details,
                                  const QByteArray& strokes);
    Result<Declaration> signTypedAndWitnessed(AttendeeId attendeeId, const AttendeeDetails& details,
                                              const QString& typedName);
    // Only for an attendee recorded as remote.
    Result<Declaration> recordSpokenAgreement(AttendeeId attendeeId, const AttendeeDetails& details);
    Result<Declaration> recordRefusal(AttendeeId attendeeId, const AttendeeDetails& details);
    // The chair goes on without this attendee's signature, for the reason given (audited).
    Status overrideMissingSignature(AttendeeId attendeeId, const QString& reason);

    // The text the sign-in view shows: the version fixed when the meeting opened.
    Result<DeclarationText> textOf(MeetingId meetingId);
    // Every declaration taken at the meeting, oldest first. Audited as a read.
    Result<std::vector<Declaration>> ofMeeting(MeetingId meetingId);
    // The overrides recorded at the meeting, oldest first, with their reasons. Audited as a read.
    Result<std::vector<DeclarationOverride>> overridesOf(MeetingId meetingId);
    // Who present has still to sign, at the meeting or at one of its items (SignInRegister's rule).
    Result<std::vector<OutstandingSignature>> outstanding(MeetingId meetingId,
                                                          std::optional<AgendaItemId> agendaItemId = {});

    // The largest drawing accepted; a signature is a few kilobytes.
    static constexpr qsizetype MaximumStrokeBytes = 1024 * 1024;

private:
    struct Taking;
    Result<Declaration> take(AttendeeId attendeeId, const AttendeeDetails& details, const Taking& taking);
    Result<Declaration> declarationById(DeclarationId id);

    Session& m_session;
    const Clock& m_clock;
};

} // namespace confer
