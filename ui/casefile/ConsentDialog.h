#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

class QDateEdit;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace confer {

struct Caseload;

// Records consent on a Channel case (Durham 5.10): given, refused or withdrawn, by the individual or,
// under 18, a parent or guardian, with the name, the date and what it covers.
class ConsentDialog final : public FormDialog {
    Q_OBJECT
public:
    ConsentDialog(Caseload& caseload, CaseId caseId, const QString& subjectName, const QDate& today,
                  QWidget* parent = nullptr);

private:
    Status submit() override;
    bool isComplete() const override;
    QRadioButton* makeChoice(const QString& text, const QString& objectName);
    void onGivenByChanged();

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
};

} // namespace confer
