#pragma once

#include "caseload/CaseLifecycle.h"
#include "caseload/CaseloadTypes.h"
#include "caseload/ConsentRecords.h"
#include "caseload/ReviewSchedule.h"
#include "caseload/SubjectRecords.h"
#include "common/Result.h"

#include <vector>

namespace confer {

class PanelKindRegistry;
class Session;

// Cases: one door for the UI to everything about a case. It reads a case (every read an audited view)
// and changes its details and time-series values itself, and hands the rest to the class that owns it:
// CaseLifecycle (creation, stage moves and their gates), SubjectRecords, ConsentRecords and
// ReviewSchedule. Every call checks need-to-know first; every change is one transaction with its
// audit event.
class CaseService final {
public:
    CaseService(Session& session, const PanelKindRegistry& kinds);

    using NewCase = CaseLifecycle::NewCase;
    Result<CaseRecord> create(const NewCase& request) { return m_lifecycle.create(request); }
    // Audited as "case.view".
    Result<CaseRecord> open(CaseId caseId);

    struct Details {
        Risk risk = Risk::Unassessed;
        std::optional<AgencyId> leadAgencyId;
        QString leadProfessional;
        std::optional<QDate> nextReview;
        Marking marking = Marking::OfficialSensitive;
        QVariantMap fields;
        QString referralReason;
    };
    Status updateDetails(CaseId caseId, const Details& details);
    Status updateSubject(CaseId caseId, const Subject& subject) { return m_subjects.update(caseId, subject); }
    // Records one value of a time-series field (MEAM new-directions score) for a date.
    Status recordFieldValue(CaseId caseId, const QString& field, const QVariant& value, const QDate& on);

    // Stages the kind allows from the case's current one, with any gate not yet met explained.
    using StageOption = CaseLifecycle::StageOption;
    Result<std::vector<StageOption>> stageOptions(CaseId caseId) { return m_lifecycle.stageOptions(caseId); }
    Status moveStage(CaseId caseId, const QString& toStage, const QString& reason = {},
                     const std::optional<MeetingItemRef>& atMeeting = {})
    {
        return m_lifecycle.moveStage(caseId, toStage, reason, atMeeting);
    }

    Status recordConsent(CaseId caseId, const Consent& consent) { return m_consents.record(caseId, consent); }
    Result<std::vector<Consent>> consents(CaseId caseId) { return m_consents.list(caseId); }

    Result<std::vector<ScheduledReviewRecord>> scheduledReviews(CaseId caseId)
    {
        return m_reviews.list(caseId);
    }
    Status completeReview(ReviewId reviewId, const QDate& on, const QString& outcome)
    {
        return m_reviews.complete(reviewId, on, outcome);
    }
    // When the case's review is due and whether it is overdue (ReviewDue's one rule).
    Result<ReviewDue> reviewDue(CaseId caseId) { return m_reviews.due(caseId); }

private:
    Session& m_session;
    const PanelKindRegistry& m_kinds;
    CaseLifecycle m_lifecycle;
    SubjectRecords m_subjects;
    ConsentRecords m_consents;
    ReviewSchedule m_reviews;
};

} // namespace confer
