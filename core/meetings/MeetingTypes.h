#pragma once

#include "common/Id.h"
#include "partnership/PartnershipTypes.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>
#include <vector>

namespace confer {

// A meeting goes planned -> open -> closed, or planned -> cancelled.
enum class MeetingStatus { Planned, Open, Closed, Cancelled };
QString meetingStatusKey(MeetingStatus status); // "planned", "open", "closed", "cancelled"
std::optional<MeetingStatus> meetingStatusFromKey(const QString& key);
QString meetingStatusDisplayName(MeetingStatus status);

// What anyone who may know a meeting exists sees (an administrator who is not a member sees only this).
struct MeetingSummary {
    MeetingId id;
    QString reference; // MAPS-M-2026-004
    PanelId panelId;
    QString panelName;
    QDate date;
    MeetingStatus status = MeetingStatus::Planned;
};

// A meeting as its panel's members see it.
struct Meeting {
    MeetingId id;
    QString reference;
    PanelId panelId;
    QString panelName;
    QString kindKey;
    QDate date;
    QTime startsAt; // local time where the panel meets
    QTime endsAt;   // the scheduled end
    QString place;
    QString videoLink;
    std::optional<UserId> chairUserId;
    QString chairName;
    MeetingStatus status = MeetingStatus::Planned;
    QString cancelReason;
    std::optional<DeclarationTextId> declarationTextId; // fixed when the meeting opens
    std::optional<QDateTime> openedUtc;
    std::optional<QDateTime> closedUtc;
};

// One item of an agenda: a case, or other business.
struct AgendaItem {
    // Why a case is on the agenda, in the order the builder offers them.
    enum class Reason { CarriedForward, ReviewOverdue, ReviewDue, OpenActions, Chosen, Business };
    enum class Status { Pending, Open, Done };
    // An action agreed at an earlier meeting of the panel and still open.
    struct CarriedAction {
        ActionId actionId;
        QString description;
        QString ownerAgencyName;
        std::optional<QDate> dueDate;
    };

    AgendaItemId id;
    MeetingId meetingId;
    int position = 0; // 1, 2, 3 ...
    std::optional<CaseId> caseId;
    QString caseReference;
    QString subjectName;
    QString title; // other business only
    Reason reason = Reason::Chosen;
    std::optional<int> timeBoxMinutes;
    Status status = Status::Pending;
    std::optional<QDateTime> openedUtc;
    std::optional<QDateTime> finishedUtc;
    std::vector<CarriedAction> carriedActions;

    bool isCase() const { return caseId.has_value(); }
};
QString agendaReasonKey(AgendaItem::Reason reason);
std::optional<AgendaItem::Reason> agendaReasonFromKey(const QString& key);
QString agendaReasonDisplayName(AgendaItem::Reason reason);
QString agendaStatusKey(AgendaItem::Status status);
std::optional<AgendaItem::Status> agendaStatusFromKey(const QString& key);

// A case the agenda builder offers the chair, with why.
struct AgendaSuggestion {
    CaseId caseId;
    QString caseReference;
    QString subjectName;
    QString stage;
    AgendaItem::Reason reason = AgendaItem::Reason::Chosen;
    std::optional<QDate> reviewDue;
    int openActions = 0;
};

// How far an attendee is with the declaration.
enum class SignInState { NotYet, Signed, Refused, Overridden };

struct Declaration {
    enum class Method { Drawn, TypedAndWitnessed, SpokenAndWitnessed };
    DeclarationId id;
    MeetingId meetingId;
    AttendeeId attendeeId;
    QString attendeeName; // as confirmed on the sign-in screen
    QString agencyName;
    QString role;
    DeclarationTextId textId;
    int textVersion = 0;
    QString textSha256;
    bool isRefusal = false;
    std::optional<Method> method; // none for a refusal
    QByteArray strokes;           // drawn only: the Signature's encoding
    QString typedName;            // typed and witnessed only
    std::optional<UserId> witnessUserId;
    QString witnessName;
    QDateTime atUtc;
};
QString declarationMethodKey(Declaration::Method method); // "drawn", "typed_witnessed", "spoken_witnessed"
std::optional<Declaration::Method> declarationMethodFromKey(const QString& key);
QString declarationMethodDisplayName(Declaration::Method method);

struct Attendee {
    enum class Kind { Member, Guest, Observer };
    AttendeeId id;
    MeetingId meetingId;
    std::optional<UserId> userId;
    QString name;
    std::optional<AgencyId> agencyId;
    QString agencyName;
    std::optional<AgencySector> sector; // none when the agency is not in the directory
    QString role;
    Kind kind = Kind::Member;
    std::optional<AgendaItemId> agendaItemId; // a guest invited for one item
    bool hasSentApologies = false;
    bool agencySentInformation = false; // with apologies
    bool isRemote = false;
    std::optional<QDateTime> arrivedUtc;
    std::optional<QDateTime> leftUtc;
    bool isLate = false; // arrived after the scheduled start
    SignInState signIn = SignInState::NotYet;
    std::optional<Declaration::Method> signedBy;

    bool isPresent() const { return !hasSentApologies && arrivedUtc && !leftUtc; }
};
QString attendeeKindKey(Attendee::Kind kind); // "member", "guest", "observer"
std::optional<Attendee::Kind> attendeeKindFromKey(const QString& key);
QString attendeeKindDisplayName(Attendee::Kind kind);

// What an attendee confirms on the sign-in screen beside their signature.
struct AttendeeDetails {
    QString name;
    QString agencyName;
    QString role;
};

// Someone present who has not signed the text (and has no override): named before a case item opens.
struct OutstandingSignature {
    AttendeeId attendeeId;
    QString name;
    QString agencyName;
    bool hasRefused = false;
};

// The chair went on without an attendee's signature, for a reason (kept in the store, not in the trail).
struct DeclarationOverride {
    AttendeeId attendeeId;
    QString attendeeName;
    QString agencyName;
    QString reason;
    QString byName; // who recorded it
    QDateTime atUtc;
};

struct DeclarationText {
    std::optional<DeclarationTextId> id; // none: the kind's default, not yet stored for this panel
    PanelId panelId;
    int version = 0; // 1, 2, 3 ...; 0 while not stored
    QString text;
    QString sha256; // of the text's UTF-8 bytes, 64 hex characters
    QDateTime createdUtc;
    QString createdByName;
};

// Whether the sectors the panel kind needs are present (Durham 5.10 for Channel).
struct QuorumCheck {
    QList<AgencySector> required;
    QList<AgencySector> missing;
    bool isQuorate() const { return missing.isEmpty(); }
    // "Not quorate: nobody present from Police, Local authority." or empty when quorate.
    QString warning() const;
};

// A decision made at a meeting, against its agenda item.
struct PanelDecision {
    DecisionId id;
    AgendaItemId agendaItemId;
    CaseId caseId;
    QString caseReference;
    QString fromStage;
    QString toStage;
    QString reason;
    AttendeeId proposerAttendeeId;
    QString proposerName;
    bool isAgreed = true;
    QString dissent;
    QDateTime atUtc;
};

} // namespace confer
