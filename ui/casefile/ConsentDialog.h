#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace confer {

struct Caseload;

// Records consent on a Channel case (Durham 5.10): given, refused or withdrawn, by the individual or,
// under 18, a parent or guardian, with the name, the date and what it covers.
class ConsentDialog final : public QDialog {
    Q_OBJECT
public:
    ConsentDialog(Caseload& caseload, CaseId caseId, const QString& subjectName, const QDate& today,
                  QWidget* parent = nullptr);

    void accept() override;

    QRadioButton* stateButton(Consent::State state) const;
    QRadioButton* givenByButton(Consent::GivenBy givenBy) const;
    QLineEdit* nameEdit() const { return m_name; }
    QDateEdit* dateEdit() const { return m_date; }
    QPlainTextEdit* scopeEdit() const { return m_scope; }
    QPushButton* recordButton() const { return m_ok; }
    QString errorText() const;

private:
    void onGivenByChanged();
    void updateOkButton();

    Caseload& m_caseload;
    CaseId m_caseId;
    QString m_subjectName;
    QRadioButton* m_given;
    QRadioButton* m_refused;
    QRadioButton* m_withdrawn;
    QRadioButton* m_individual;
    QRadioButton* m_parent;
    QLineEdit* m_name;
    QDateEdit* m_date;
    QPlainTextEdit* m_scope;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
