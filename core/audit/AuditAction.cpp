#include "audit/AuditAction.h"

#include <QCoreApplication>
#include <QHash>

#include <array>

namespace confer {

namespace {

constexpr std::array<AuditActionInfo, 67> Catalogue{{
    {AuditAction::StoreCreate, "store.create", QT_TRANSLATE_NOOP("confer::AuditAction", "Store created"),
     "user:<id> of the first administrator"},
    {AuditAction::StoreDemonstration, "store.demonstration",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Made a demonstration store"), ""},
    {AuditAction::StoreKeyRotate, "store.key.rotate",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Store key changed"), ""},
    {AuditAction::StoreRestoreAccepted, "store.restore.accepted",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Restored copy accepted"), "user:<id>"},
    {AuditAction::RecoveryIssue, "recovery.issue",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Recovery key issued"), "user:<id>"},
    {AuditAction::RecoveryUsed, "recovery.used",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Recovery key used"), "user:<id>"},
    {AuditAction::RecoveryFailure, "recovery.failure",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Recovery key refused"), ""},
    {AuditAction::SignInSuccess, "signin.success", QT_TRANSLATE_NOOP("confer::AuditAction", "Signed in"),
     "user:<id>"},
    {AuditAction::SignInFailure, "signin.failure", QT_TRANSLATE_NOOP("confer::AuditAction", "Sign-in failed"),
     ""},
    {AuditAction::SignInRefused, "signin.refused",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Sign-in refused"), "user:<id>"},
    {AuditAction::SessionLock, "session.lock", QT_TRANSLATE_NOOP("confer::AuditAction", "Locked"), ""},
    {AuditAction::SettingChange, "setting.change",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Setting changed"), "setting:<key>"},
    {AuditAction::AccessDenied, "access.denied", QT_TRANSLATE_NOOP("confer::AuditAction", "Access denied"),
     "the record refused; the detail names the action attempted"},
    {AuditAction::AccountCreate, "account.create", QT_TRANSLATE_NOOP("confer::AuditAction", "Account added"),
     "user:<id>"},
    {AuditAction::AccountDisable, "account.disable",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Account disabled"), "user:<id>"},
    {AuditAction::AccountEnable, "account.enable",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Account enabled"), "user:<id>"},
    {AuditAction::AccountReset, "account.reset", QT_TRANSLATE_NOOP("confer::AuditAction", "Passphrase reset"),
     "user:<id>"},
    {AuditAction::AccountRole, "account.role", QT_TRANSLATE_NOOP("confer::AuditAction", "Role changed"),
     "user:<id>"},
    {AuditAction::UserAgency, "user.agency",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Agency of a user changed"), "user:<id>"},
    {AuditAction::PassphraseChange, "passphrase.change",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Own passphrase changed"), "user:<id>"},
    {AuditAction::PassphraseChangeRefused, "passphrase.change.refused",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Passphrase change refused"), "user:<id>"},
    {AuditAction::AgencyCreate, "agency.create", QT_TRANSLATE_NOOP("confer::AuditAction", "Agency added"),
     "agency:<id>"},
    {AuditAction::AgencyUpdate, "agency.update", QT_TRANSLATE_NOOP("confer::AuditAction", "Agency changed"),
     "agency:<id>"},
    {AuditAction::PanelCreate, "panel.create", QT_TRANSLATE_NOOP("confer::AuditAction", "Panel added"),
     "panel:<id>"},
    {AuditAction::PanelChair, "panel.chair", QT_TRANSLATE_NOOP("confer::AuditAction", "Panel chair changed"),
     "panel:<id>"},
    {AuditAction::PanelMemberAdd, "panel.member.add",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Panel member added"), "panel:<id>"},
    {AuditAction::PanelMemberRemove, "panel.member.remove",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Panel member removed"), "panel:<id>"},
    {AuditAction::PanelView, "panel.view", QT_TRANSLATE_NOOP("confer::AuditAction", "Panel opened"),
     "panel:<id>"},
    {AuditAction::PanelMembers, "panel.members",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Panel members read"), "panel:<id>"},
    {AuditAction::CaseCreate, "case.create", QT_TRANSLATE_NOOP("confer::AuditAction", "Case referred"),
     "case:<reference>"},
    {AuditAction::CaseView, "case.view", QT_TRANSLATE_NOOP("confer::AuditAction", "Case opened"),
     "case:<reference>"},
    {AuditAction::CaseUpdate, "case.update", QT_TRANSLATE_NOOP("confer::AuditAction", "Case details changed"),
     "case:<reference>"},
    {AuditAction::SubjectUpdate, "subject.update",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Subject details changed"), "case:<reference>"},
    {AuditAction::CaseField, "case.field", QT_TRANSLATE_NOOP("confer::AuditAction", "Case field recorded"),
     "case:<reference>"},
    {AuditAction::CaseStage, "case.stage", QT_TRANSLATE_NOOP("confer::AuditAction", "Stage changed"),
     "case:<reference>"},
    {AuditAction::CaseStages, "case.stages", QT_TRANSLATE_NOOP("confer::AuditAction", "Stage history read"),
     "case:<reference>"},
    {AuditAction::CaseConsent, "case.consent", QT_TRANSLATE_NOOP("confer::AuditAction", "Consent recorded"),
     "case:<reference>"},
    {AuditAction::CaseConsentRead, "case.consent.read",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Consent history read"), "case:<reference>"},
    {AuditAction::CaseReview, "case.review", QT_TRANSLATE_NOOP("confer::AuditAction", "Review recorded"),
     "case:<reference>"},
    {AuditAction::CaseReviews, "case.reviews", QT_TRANSLATE_NOOP("confer::AuditAction", "Reviews read"),
     "case:<reference>"},
    {AuditAction::CaseChronology, "case.chronology",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Chronology read"), "case:<reference>"},
    {AuditAction::NoteAdd, "note.add", QT_TRANSLATE_NOOP("confer::AuditAction", "Note added"),
     "case:<reference>"},
    {AuditAction::NoteCorrect, "note.correct", QT_TRANSLATE_NOOP("confer::AuditAction", "Note corrected"),
     "case:<reference>"},
    {AuditAction::NoteList, "note.list", QT_TRANSLATE_NOOP("confer::AuditAction", "Notes read"),
     "case:<reference>"},
    {AuditAction::NoteHistory, "note.history", QT_TRANSLATE_NOOP("confer::AuditAction", "Note history read"),
     "case:<reference>"},
    {AuditAction::ActionAdd, "action.add", QT_TRANSLATE_NOOP("confer::AuditAction", "Action added"),
     "case:<reference>"},
    {AuditAction::ActionUpdate, "action.update", QT_TRANSLATE_NOOP("confer::AuditAction", "Action updated"),
     "case:<reference>"},
    {AuditAction::ActionList, "action.list", QT_TRANSLATE_NOOP("confer::AuditAction", "Actions read"),
     "case:<reference>"},
    {AuditAction::ActionUpdates, "action.updates",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Action history read"), "case:<reference>"},
    {AuditAction::PanelCoordinatorAdd, "panel.coordinator.add",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Panel coordinator named"), "panel:<id>"},
    {AuditAction::PanelCoordinatorRemove, "panel.coordinator.remove",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Panel coordinator removed"), "panel:<id>"},
    {AuditAction::MeetingPlan, "meeting.plan", QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting planned"),
     "meeting:<reference>"},
    {AuditAction::MeetingChange, "meeting.change",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting details changed"), "meeting:<reference>"},
    {AuditAction::MeetingCancel, "meeting.cancel",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting cancelled"), "meeting:<reference>"},
    {AuditAction::MeetingOpen, "meeting.open", QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting opened"),
     "meeting:<reference>"},
    {AuditAction::MeetingClose, "meeting.close", QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting closed"),
     "meeting:<reference>"},
    {AuditAction::MeetingView, "meeting.view", QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting read"),
     "meeting:<reference>"},
    {AuditAction::MeetingAgenda, "meeting.agenda",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Meeting agenda changed"), "meeting:<reference>"},
    {AuditAction::MeetingItemOpen, "meeting.item.open",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Agenda item opened"), "meeting:<reference>"},
    {AuditAction::MeetingItemFinish, "meeting.item.finish",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Agenda item finished"), "meeting:<reference>"},
    {AuditAction::MeetingAttendance, "meeting.attendance",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Attendance recorded"), "meeting:<reference>"},
    {AuditAction::MeetingDecision, "meeting.decision",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Panel decision recorded"), "meeting:<reference>"},
    {AuditAction::DeclarationText, "declaration.text",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Declaration text changed"), "panel:<id>"},
    {AuditAction::DeclarationSign, "declaration.sign",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Declaration signed"), "meeting:<reference>"},
    {AuditAction::DeclarationRefuse, "declaration.refuse",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Declaration refused"), "meeting:<reference>"},
    {AuditAction::DeclarationOverride, "declaration.override",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Declaration overridden by the chair"), "meeting:<reference>"},
    {AuditAction::DeclarationCertificateExport, "declaration.certificate.export",
     QT_TRANSLATE_NOOP("confer::AuditAction", "Declaration certificate exported"), "meeting:<reference>"},
}};

constexpr bool isInEnumOrder()
{
    for (std::size_t i = 0; i < Catalogue.size(); ++i) {
        if (static_cast<std::size_t>(Catalogue[i].action) != i)
            return false;
    }
    return true;
}
static_assert(isInEnumOrder(), "AuditAction's catalogue lists every action once, in enum order");

} // namespace

std::span<const AuditActionInfo> auditActions()
{
    return Catalogue;
}

const AuditActionInfo& auditActionInfo(AuditAction action)
{
    return Catalogue[static_cast<std::size_t>(action)];
}

QString auditActionKey(AuditAction action)
{
    return QString::fromLatin1(auditActionInfo(action).key);
}

std::optional<AuditAction> auditActionFromKey(const QString& key)
{
    static const QHash<QString, AuditAction> byKey = [] {
        QHash<QString, AuditAction> keys;
        for (const AuditActionInfo& info : Catalogue)
            keys.insert(QString::fromLatin1(info.key), info.action);
        return keys;
    }();
    const auto found = byKey.constFind(key);
    if (found == byKey.constEnd())
        return std::nullopt;
    return *found;
}

QString auditActionDisplayName(AuditAction action)
{
    return QCoreApplication::translate("confer::AuditAction", auditActionInfo(action).displayName);
}

QString auditActionDisplayName(const QString& key)
{
    const std::optional<AuditAction> action = auditActionFromKey(key);
    return action ? auditActionDisplayName(*action) : key;
}

namespace AuditRecord {

QString ofCase(const QString& reference)
{
    return QStringLiteral("case:%1").arg(reference);
}

QString ofMissingCase(CaseId caseId)
{
    return QStringLiteral("case:#%1").arg(caseId.value());
}

QString ofUser(UserId userId)
{
    return QStringLiteral("user:%1").arg(userId.value());
}

QString ofPanel(PanelId panelId)
{
    return QStringLiteral("panel:%1").arg(panelId.value());
}

QString ofAgency(AgencyId agencyId)
{
    return QStringLiteral("agency:%1").arg(agencyId.value());
}

QString ofSubject(SubjectId subjectId)
{
    return QStringLiteral("subject:%1").arg(subjectId.value());
}

QString ofReview(ReviewId reviewId)
{
    return QStringLiteral("review:%1").arg(reviewId.value());
}

QString ofMeeting(const QString& reference)
{
    return QStringLiteral("meeting:%1").arg(reference);
}

QString ofMissingMeeting(MeetingId meetingId)
{
    return QStringLiteral("meeting:#%1").arg(meetingId.value());
}

} // namespace AuditRecord

} // namespace confer
