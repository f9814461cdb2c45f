#pragma once

#include "partnership/PanelKind.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace confer {

struct Caseload;

// Records one dated value of a time-series field (MEAM's new-directions score); earlier values stay.
class RecordValueDialog final : public QDialog {
    Q_OBJECT
public:
    RecordValueDialog(Caseload& caseload, qint64 caseId, const FieldDefinition& field, const QDate& today,
                      QWidget* parent = nullptr);

    void accept() override;

    QSpinBox* numberEdit() const { return m_number; } // number fields
    QLineEdit* textEdit() const { return m_text; }    // every other type, as text
    QDateEdit* dateEdit() const { return m_date; }
    QPushButton* recordButton() const { return m_ok; }
    QString errorText() const;

private:
    Caseload& m_caseload;
    qint64 m_caseId;
    QString m_fieldKey;
    QSpinBox* m_number = nullptr;
    QLineEdit* m_text = nullptr;
    QDateEdit* m_date;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
