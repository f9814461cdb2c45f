#include "casefile/RecordValueDialog.h"

#include "caseload/Caseload.h"
#include "shell/FormFields.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace confer {

RecordValueDialog::RecordValueDialog(Caseload& caseload, CaseId caseId, const FieldDefinition& field,
                                     const QDate& today, QWidget* parent)
    : FormDialog(tr("Record %1").arg(field.label), QStringLiteral("recordValueError"), parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_fieldKey(field.key)
    , m_date(FormFields::dateEdit(QStringLiteral("recordValueDate"), tr("Date of the value"), today, today,
                                  this))
{
    setMinimumWidth(440);
    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Value:"), makeEditor(field));
    FormFields::addRow(form, tr("&On:"), m_date);
    addText(field.help.isEmpty() ? tr("Earlier values are kept.")
                                 : field.help + QLatin1Char(' ') + tr("Earlier values are kept."),
            Tone::Muted);
    setOkText(tr("&Record"), tr("Record value"));
    updateOkButton();
}

QWidget* RecordValueDialog::makeEditor(const FieldDefinition& field)
{
    QWidget* editor = nullptr;
    if (field.type == FieldDefinition::Type::Number) {
        m_number = new QSpinBox(this);
        m_number->setRange(int(field.minimum.value_or(0)), int(field.maximum.value_or(1000000)));
        m_number->setMaximumWidth(160);
        editor = m_number;
    } else {
        m_text = FormFields::lineEdit(QString(), field.label, 500, this);
        connect(m_text, &QLineEdit::textChanged, this, &RecordValueDialog::updateOkButton);
        editor = m_text;
    }
    editor->setObjectName(QStringLiteral("recordValueEdit"));
    editor->setAccessibleName(field.label);
    if (!field.help.isEmpty()) {
        editor->setToolTip(field.help);
        editor->setAccessibleDescription(field.help);
    }
    return editor;
}

bool RecordValueDialog::isComplete() const
{
    return m_number || !m_text->text().trimmed().isEmpty();
}

Status RecordValueDialog::submit()
{
    const QVariant value = m_number ? QVariant(m_number->value()) : QVariant(m_text->text().trimmed());
    return m_caseload.cases.recordFieldValue(m_caseId, m_fieldKey, value, m_date->date());
}

} // namespace confer
