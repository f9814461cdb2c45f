#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace confer {

struct Caseload;
class OptionalDateEdit;

// Adds an action (tasking) agreed for a case: what is to be done, which agency and person own it, and
// by when.
class ActionDialog final : public QDialog {
    Q_OBJECT
public:
    ActionDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies, const QDate& today,
                 QWidget* parent = nullptr);

    void accept() override;
    std::optional<CaseAction> addedAction() const { return m_added; }

    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QComboBox* agencyBox() const { return m_agency; }
    QLineEdit* personEdit() const { return m_person; }
    OptionalDateEdit* dueEdit() const { return m_due; }
    QPushButton* addButton() const { return m_ok; }
    QString errorText() const;

private:
    void updateOkButton();

    Caseload& m_caseload;
    CaseId m_caseId;
    QPlainTextEdit* m_description;
    QComboBox* m_agency;
    QLineEdit* m_person;
    OptionalDateEdit* m_due;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::optional<CaseAction> m_added;
};

} // namespace confer
