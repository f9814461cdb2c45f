#pragma once

#include "casefile/OutcomeDialog.h"
#include "caseload/CaseloadTypes.h"

class QComboBox;

namespace confer {

struct Caseload;

// Records progress on an action: its status (open, done, not possible, not done) and what happened.
// Each update is kept; the action's trail is shown on the Actions tab.
class UpdateActionDialog final : public OutcomeDialog {
    Q_OBJECT
public:
    UpdateActionDialog(Caseload& caseload, const CaseAction& action, QWidget* parent = nullptr);

private:
    Status submit() override;

    Caseload& m_caseload;
    ActionId m_actionId;
    QComboBox* m_status;
};

} // namespace confer
