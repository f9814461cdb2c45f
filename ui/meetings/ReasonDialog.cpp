#include "meetings/ReasonDialog.h"

#include "shell/FormFields.h"

#include <QFormLayout>
#include <QPlainTextEdit>

namespace confer {

ReasonDialog::ReasonDialog(const QString& title, const QString& explanation, const QString& okText,
                           Submit submit, QWidget* parent)
    : FormDialog(title, QStringLiteral("reasonError"), parent)
    , m_submit(std::move(submit))
    , m_reason(FormFields::textEdit(QStringLiteral("reasonEdit"), tr("Reason"), 3, this))
{
    setObjectName(QStringLiteral("reasonDialog"));
    addText(explanation);
    FormFields::addRow(addForm(), tr("&Reason:"), m_reason);
    setOkText(okText, okText);
    updateOkButtonOn({m_reason});
}

Status ReasonDialog::submit()
{
    return m_submit(m_reason->toPlainText().trimmed());
}

bool ReasonDialog::isComplete() const
{
    return !m_reason->toPlainText().trimmed().isEmpty();
}

} // namespace confer
