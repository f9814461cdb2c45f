#pragma once

#include "common/Id.h"

#include <QString>

#include <optional>
#include <span>

namespace confer {

// Every kind of event the audit trail records, in one catalogue: its stable key (what the store keeps, so
// never renamed), its name for people (translated when shown) and what its record field names. A new
// feature adds a value here and a row in AuditAction.cpp; AuditLog::append takes nothing else.
enum class AuditAction {
    StoreCreate,
    StoreDemonstration,
    StoreKeyRotate,
    StoreRestoreAccepted,
    RecoveryIssue,
    RecoveryUsed,
    RecoveryFailure,
    SignInSuccess,
    SignInFailure,
    SignInRefused,
    SessionLock,
    SettingChange,
    AccessDenied,
    AccountCreate,
    AccountDisable,
    AccountEnable,
    AccountReset,
    AccountRole,
    UserAgency,
    PassphraseChange,
    PassphraseChangeRefused,
    AgencyCreate,
    AgencyUpdate,
    PanelCreate,
    PanelChair,
    PanelMemberAdd,
    PanelMemberRemove,
    PanelView,
    PanelMembers,
    CaseCreate,
    CaseView,
    CaseUpdate,
    SubjectUpdate,
    CaseField,
    CaseStage,
    CaseStages,
    CaseConsent,
    CaseConsentRead,
    CaseReview,
    CaseReviews,
    CaseChronology,
    NoteAdd,
    NoteCorrect,
    NoteList,
    NoteHistory,
    ActionAdd,
    ActionUpdate,
    ActionList,
    ActionUpdates,
    PanelCoordinatorAdd,
    PanelCoordinatorRemove,
    MeetingPlan,
    MeetingChange,
    MeetingCancel,
    MeetingOpen,
    MeetingClose,
    MeetingView,
    MeetingAgenda,
    MeetingItemOpen,
    MeetingItemFinish,
    MeetingAttendance,
    MeetingDecision,
    DeclarationText,
    DeclarationSign,
    DeclarationRefuse,
    DeclarationOverride,
    DeclarationCertificateExport,
};

struct AuditActionInfo {
    AuditAction action;
    const char* key;          // "case.view": stored, hashed into the chain, never changed
    const char* displayName;  // "Case opened": untranslated source text (context confer::AuditAction)
    const char* recordFormat; // what the event's record names, e.g. "case:<reference>"
};

// The whole catalogue, in enum order.
std::span<const AuditActionInfo> auditActions();

const AuditActionInfo& auditActionInfo(AuditAction action);
QString auditActionKey(AuditAction action);
std::optional<AuditAction> auditActionFromKey(const QString& key);
// For people: the translated name; a key this Confer does not know (written by a newer one) as it is.
QString auditActionDisplayName(AuditAction action);
QString auditActionDisplayName(const QString& key);

// How audit records name things, so one thing is always named one way.
namespace AuditRecord {
QString ofCase(const QString& reference);    // "case:MAPS-2026-0001"; a case is named by its reference
QString ofMissingCase(CaseId caseId);        // "case:#42": an id that names no case (only refusals write it)
QString ofUser(UserId userId);               // "user:7"
QString ofPanel(PanelId panelId);            // "panel:3"
QString ofAgency(AgencyId agencyId);         // "agency:2"
QString ofSubject(SubjectId subjectId);      // "subject:5"
QString ofReview(ReviewId reviewId);         // "review:9": a review id that names no review (refusals only)
QString ofMeeting(const QString& reference); // "meeting:MAPS-M-2026-004"; a meeting is named by its reference
QString ofMissingMeeting(MeetingId meetingId); // "meeting:#12": an id that names no meeting (refusals only)
} // namespace AuditRecord

} // namespace confer
