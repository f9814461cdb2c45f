#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace confer {

struct Caseload;

// Records progress on an action: its status (open, done, not possible, not done) and what happened.
// Each update is kept; the action's trail is shown on the Actions tab.
class UpdateActionDialog final : public QDialog {
    Q_OBJECT
public:
    UpdateActionDialog(Caseload& caseload, const CaseAction& action, QWidget* parent = nullptr);

    void accept() override;

    QComboBox* statusBox() const { return m_status; }
    QPlainTextEdit* textEdit() const { return m_text; }
    QPushButton* updateButton() const { return m_ok; }
    QString errorText() const;

private:
    Caseload& m_caseload;
    ActionId m_actionId;
    QComboBox* m_status;
    QPlainTextEdit* m_text;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
