#pragma once

#include "common/Id.h"
#include "partnership/PanelKind.h"
#include "shell/FormDialog.h"

class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace confer {

struct Caseload;

// Records one dated value of a time-series field (MEAM's new-directions score); earlier values stay.
class RecordValueDialog final : public FormDialog {
    Q_OBJECT
public:
    RecordValueDialog(Caseload& caseload, CaseId caseId, const FieldDefinition& field, const QDate& today,
                      QWidget* parent = nullptr);

private:
    Status submit() override;
    bool isComplete() const override;
    QWidget* makeEditor(const FieldDefinition& field);

    Caseload& m_caseload;
    CaseId m_caseId;
    QString m_fieldKey;
    QSpinBox* m_number = nullptr; // number fields
    QLineEdit* m_text = nullptr;  // every other type, as text
    QDateEdit* m_date;
};

} // namespace confer
