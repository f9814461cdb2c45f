#pragma once

#include "audit/AuditAction.h"
#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <vector>

namespace confer {

struct PanelKind;
class PanelKindRegistry;
class Session;

// Cases: creation with their subject, reading (every read is an audited view), changes of details,
// stage moves allowed by the panel kind, consent, and scheduled reviews. Every call checks
// need-to-know first; every change is one transaction with its audit event.
class CaseService final {
public:
    CaseService(Session& session, const PanelKindRegistry& kinds);

    struct NewCase {
        qint64 panelId = 0;
        Subject subject; // a new subject (id 0) or an existing one (id set)
        QDate referralDate;
        QString referrer;
        std::optional<qint64> referringAgencyId;
        QString referralReason;
        std::optional<qint64> leadAgencyId;
        QString leadProfessional;
        Risk risk = Risk::Unassessed;
        Marking marking = Marking::OfficialSensitive;
        QVariantMap fields;
    };
    Result<CaseRecord> create(const NewCase& request);
    // Audited as "case.view".
    Result<CaseRecord> open(qint64 caseId);

    struct Details {
        Risk risk = Risk::Unassessed;
        std::optional<qint64> leadAgencyId;
        QString leadProfessional;
        std::optional<QDate> nextReview;
        Marking marking = Marking::OfficialSensitive;
        QVariantMap fields;
        QString referralReason;
    };
    Status updateDetails(qint64 caseId, const Details& details);
    Status updateSubject(qint64 caseId, const Subject& subject);
    // Records one value of a time-series field (MEAM new-directions score) for a date.
    Status recordFieldValue(qint64 caseId, const QString& field, const QVariant& value, const QDate& on);

    // Stages the kind allows from the case's current one, with any gate not yet met explained.
    struct StageOption {
        QString stage;
        QString label;
        bool isAllowed = true;
        QString blockedBecause; // e.g. "Consent has not been recorded."
        bool needsReason = false;
    };
    Result<std::vector<StageOption>> stageOptions(qint64 caseId);
    Status moveStage(qint64 caseId, const QString& toStage, const QString& reason = {});

    Status recordConsent(qint64 caseId, const Consent& consent);
    Result<std::vector<Consent>> consents(qint64 caseId);

    Result<std::vector<ScheduledReviewRecord>> scheduledReviews(qint64 caseId);
    Status completeReview(qint64 reviewId, const QDate& on, const QString& outcome);

private:
    struct LoadedCase {
        CaseRecord record;
        const PanelKind* kind = nullptr;
    };
    // Checks need-to-know (auditing a refusal), then reads the case and its panel's kind.
    Result<LoadedCase> loadForCall(qint64 caseId, AuditAction attemptedAction);

    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
