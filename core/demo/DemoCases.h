#pragma once

#include "caseload/ActionService.h"
#include "caseload/CaseService.h"
#include "caseload/NoteService.h"
#include "common/Result.h"
#include "demo/DemoPartnership.h"

#include <QDate>
#include <QString>
#include <QVariantMap>

#include <vector>

namespace confer {

class DemoDice;
class PanelKindRegistry;
class Session;
struct DemoPanel;
struct PanelKind;
struct StageDefinition;

// Adds one demonstration case at a time and gives it the history a real one would have: moved through the
// stages as a coordinator would (consent first where a move needs it), a review date, and with details
// its notes, actions and measures over time.
class DemoCases final {
public:
    // agencyIds: the demonstration's agencies, which refer, lead and own the cases' actions and notes.
    DemoCases(Session& session, const PanelKindRegistry& kinds, const DemoPartnership::Options& options,
              DemoDice& dice, QDate today, const std::vector<AgencyId>& agencyIds);

    Status add(const DemoPanel& panel, const QString& targetStage);

private:
    QString subjectType(const PanelKind& kind);
    CaseService::NewCase newCase(const DemoPanel& panel, const QString& subjectType);
    Subject makeSubject(const DemoPanel& panel, const QString& type);
    QVariantMap makeFields(const PanelKind& kind);
    Result<QString> moveToStage(const DemoPanel& panel, const CaseRecord& created,
                                const QString& targetStage);
    Status recordConsent(const CaseRecord& created);
    Status scheduleReview(const CaseService::NewCase& request, const CaseRecord& created);
    QString moveReason(const StageDefinition& stage);
    Status addNotes(CaseId caseId);
    Status addActions(CaseId caseId, bool isOpen);
    Status addMeasures(CaseId caseId, const PanelKind& kind);
    QString personName(bool isFemale);
    AgencyId anyAgency();

    const DemoPartnership::Options& m_options;
    DemoDice& m_dice;
    const QDate m_today; // the services' "today": referral and consent dates may not pass it
    const std::vector<AgencyId>& m_agencyIds;
    CaseService m_cases;
    NoteService m_notes;
    ActionService m_actions;
    std::vector<SubjectId> m_personSubjects; // people already on a case, some of whom reappear elsewhere
};

} // namespace confer
