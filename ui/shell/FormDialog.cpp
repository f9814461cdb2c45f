#include "shell/FormDialog.h"

#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

FormDialog::FormDialog(const QString& title, const QString& errorName, QWidget* parent)
    : QDialog(parent)
    , m_body(new QVBoxLayout)
    , m_error(new ErrorLine(errorName, this))
{
    setWindowTitle(title);
    setAccessibleName(title);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);

    m_body->setContentsMargins(0, 0, 0, 0);
    m_body->setSpacing(12);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(m_body, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void FormDialog::accept()
{
    // Return in a field presses OK even while it is disabled: submit only what OK would.
    if (!m_ok->isEnabled())
        return;
    const Status status = [&] {
        CoreCall call;
        return submit();
    }();
    if (!status.ok()) {
        m_error->showStatus(status);
        return;
    }
    QDialog::accept();
}

QFormLayout* FormDialog::addForm()
{
    QFormLayout* form = FormFields::form();
    m_body->addLayout(form);
    return form;
}

QLabel* FormDialog::addText(const QString& text, Tone tone)
{
    QLabel* label = FormFields::text(text, tone, this);
    m_body->addWidget(label);
    return label;
}

void FormDialog::setOkText(const QString& text, const QString& accessibleName)
{
    m_ok->setText(text);
    m_ok->setAccessibleName(accessibleName);
}

void FormDialog::updateOkButtonOn(std::initializer_list<QWidget*> fields)
{
    for (QWidget* field : fields) {
        if (auto* line = qobject_cast<QLineEdit*>(field))
            connect(line, &QLineEdit::textChanged, this, &FormDialog::updateOkButton);
        else if (auto* text = qobject_cast<QPlainTextEdit*>(field))
            connect(text, &QPlainTextEdit::textChanged, this, &FormDialog::updateOkButton);
        else if (auto* box = qobject_cast<QComboBox*>(field))
            connect(box, &QComboBox::currentIndexChanged, this, &FormDialog::updateOkButton);
        else if (auto* button = qobject_cast<QAbstractButton*>(field))
            connect(button, &QAbstractButton::toggled, this, &FormDialog::updateOkButton);
        else
            qFatal("FormDialog::updateOkButtonOn: no change signal known for %s",
                   field->metaObject()->className());
    }
    updateOkButton();
}

void FormDialog::updateOkButton()
{
    m_ok->setEnabled(isComplete());
}

} // namespace confer
