#pragma once

#include "caseload/CaseService.h"
#include "partnership/PanelKind.h"
#include "shell/FormDialog.h"

class QComboBox;
class QPlainTextEdit;

namespace confer {

struct Caseload;

// Asks why a case moves into a stage that needs a reason (closure, de-selection, not adopted): one of
// the kind's reasons, or in the recorder's words where the kind lists none. Moves the case on OK.
class StageMoveDialog final : public FormDialog {
    Q_OBJECT
public:
    StageMoveDialog(Caseload& caseload, CaseId caseId, const CaseService::StageOption& option,
                    const StageDefinition* stage, QWidget* parent = nullptr);

private:
    Status submit() override;
    bool isComplete() const override;
    QString reason() const;

    Caseload& m_caseload;
    CaseId m_caseId;
    QString m_toStage;
    QComboBox* m_reasonBox = nullptr;       // when the kind lists reasons
    QPlainTextEdit* m_reasonEdit = nullptr; // when it does not
};

} // namespace confer
