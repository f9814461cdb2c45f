#pragma once

#include "caseload/ActionService.h"
#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace confer {

struct Caseload;
class OptionalDateEdit;

// Adds an action (tasking) agreed for a case: what is to be done, which agency and person own it, and
// by when.
class ActionDialog final : public FormDialog {
    Q_OBJECT
public:
    ActionDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies, const QDate& today,
                 QWidget* parent = nullptr);

    // How the action is added: by default to the case (ActionService::add); in a meeting, agreed at the
    // item being discussed (MeetingDecisions::agreeAction), so the next meeting carries it forward.
    using AddAction = std::function<Result<CaseAction>(const ActionService::NewAction&)>;
    void setAddAction(AddAction add) { m_add = std::move(add); }

    std::optional<CaseAction> addedAction() const { return m_added; }

private:
    Status submit() override;
    bool isComplete() const override;

    Caseload& m_caseload;
    CaseId m_caseId;
    QPlainTextEdit* m_description;
    QComboBox* m_agency;
    QLineEdit* m_person;
    OptionalDateEdit* m_due;
    std::optional<CaseAction> m_added;
    AddAction m_add;
};

} // namespace confer
