#include "casefile/OutcomeDialog.h"

#include "shell/FormFields.h"

#include <QFormLayout>
#include <QPlainTextEdit>

namespace confer {

OutcomeDialog::OutcomeDialog(const Wording& wording, QWidget* parent)
    : FormDialog(wording.title, wording.errorName, parent)
    , m_textLabel(wording.textLabel)
    , m_outcome(FormFields::textEdit(wording.textName, wording.textAccessibleName, 4, this))
{
    setOkText(wording.okText, QString(wording.okText).remove(QLatin1Char('&')));
}

void OutcomeDialog::addOutcomeForm(const QString& choiceLabel, QWidget* choice)
{
    QFormLayout* form = addForm();
    FormFields::addRow(form, choiceLabel, choice);
    FormFields::addRow(form, m_textLabel, m_outcome);
    updateOkButtonOn({m_outcome});
}

QString OutcomeDialog::outcome() const
{
    return m_outcome->toPlainText().trimmed();
}

bool OutcomeDialog::isComplete() const
{
    return !outcome().isEmpty();
}

} // namespace confer
