#pragma once

#include "caseload/CaseService.h"
#include "partnership/PanelKind.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace confer {

struct Caseload;

// Asks why a case moves into a stage that needs a reason (closure, de-selection, not adopted): one of
// the kind's reasons, or in the recorder's words where the kind lists none. Moves the case on OK.
class StageMoveDialog final : public QDialog {
    Q_OBJECT
public:
    StageMoveDialog(Caseload& caseload, qint64 caseId, const CaseService::StageOption& option,
                    const StageDefinition* stage, QWidget* parent = nullptr);

    void accept() override;

    QComboBox* reasonBox() const { return m_reasonBox; }        // when the kind lists reasons
    QPlainTextEdit* reasonEdit() const { return m_reasonEdit; } // when it does not
    QPushButton* moveButton() const { return m_ok; }
    QString errorText() const;

private:
    QString reason() const;
    void updateOkButton();

    Caseload& m_caseload;
    qint64 m_caseId;
    QString m_toStage;
    QComboBox* m_reasonBox = nullptr;
    QPlainTextEdit* m_reasonEdit = nullptr;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
