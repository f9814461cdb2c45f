#include "casefile/RecordValueDialog.h"

#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace confer {

RecordValueDialog::RecordValueDialog(Caseload& caseload, CaseId caseId, const FieldDefinition& field,
                                     const QDate& today, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_fieldKey(field.key)
    , m_date(new QDateEdit(today, this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("recordValueError"), this))
{
    setWindowTitle(tr("Record %1").arg(field.label));
    setAccessibleName(windowTitle());
    setMinimumWidth(440);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* valueLabel = new QLabel(tr("&Value:"), this);
    QWidget* editor = nullptr;
    if (field.type == FieldDefinition::Type::Number) {
        m_number = new QSpinBox(this);
        m_number->setRange(int(field.minimum.value_or(0)), int(field.maximum.value_or(1000000)));
        m_number->setMaximumWidth(160);
        editor = m_number;
    } else {
        m_text = new QLineEdit(this);
        m_text->setMaxLength(500);
        editor = m_text;
    }
    editor->setObjectName(QStringLiteral("recordValueEdit"));
    editor->setAccessibleName(field.label);
    if (!field.help.isEmpty()) {
        editor->setToolTip(field.help);
        editor->setAccessibleDescription(field.help);
    }
    valueLabel->setBuddy(editor);
    form->addRow(valueLabel, editor);
    m_date->setObjectName(QStringLiteral("recordValueDate"));
    m_date->setAccessibleName(tr("Date of the value"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setMaximumDate(today);
    auto* dateLabel = new QLabel(tr("&On:"), this);
    dateLabel->setBuddy(m_date);
    form->addRow(dateLabel, m_date);

    QLabel* help = CasefileLook::mutedLabel(field.help.isEmpty() ? tr("Earlier values are kept.")
                                                                 : field.help + QLatin1Char(' ') +
                                                                       tr("Earlier values are kept."),
                                            this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Record"));
    m_ok->setAccessibleName(tr("Record value"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &RecordValueDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordValueDialog::reject);
    if (m_text) {
        m_ok->setEnabled(false);
        connect(m_text, &QLineEdit::textChanged, this,
                [this](const QString& text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });
    }
}

QString RecordValueDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void RecordValueDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const QVariant value = m_number ? QVariant(m_number->value()) : QVariant(m_text->text().trimmed());
    const Status status = [&] {
        CoreCall call;
        return m_caseload.cases.recordFieldValue(m_caseId, m_fieldKey, value, m_date->date());
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
