#include "casefile/StageMoveDialog.h"

#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

StageMoveDialog::StageMoveDialog(Caseload& caseload, CaseId caseId, const CaseService::StageOption& option,
                                 const StageDefinition* stage, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_toStage(option.stage)
    , m_error(CasefileLook::errorLabel(QStringLiteral("stageMoveError"), this))
{
    setWindowTitle(tr("Move to %1").arg(option.label));
    setAccessibleName(windowTitle());
    setMinimumWidth(460);

    auto* intro = new QLabel(tr("Moving the case to \u201c%1\u201d needs a reason, which is kept in its "
                                "chronology.")
                                 .arg(option.label),
                             this);
    intro->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* label = new QLabel(tr("&Reason:"), this);
    if (stage && !stage->reasons.isEmpty()) {
        m_reasonBox = new QComboBox(this);
        m_reasonBox->setObjectName(QStringLiteral("stageReasonBox"));
        m_reasonBox->setAccessibleName(tr("Reason"));
        m_reasonBox->addItem(tr("Choose a reason"), QString());
        for (const FieldDefinition::Choice& reason : stage->reasons)
            m_reasonBox->addItem(reason.label, reason.key);
        label->setBuddy(m_reasonBox);
        form->addRow(label, m_reasonBox);
        connect(m_reasonBox, &QComboBox::currentIndexChanged, this, &StageMoveDialog::updateOkButton);
    } else {
        m_reasonEdit = new QPlainTextEdit(this);
        m_reasonEdit->setObjectName(QStringLiteral("stageReasonEdit"));
        m_reasonEdit->setAccessibleName(tr("Reason"));
        m_reasonEdit->setTabChangesFocus(true);
        m_reasonEdit->setFixedHeight(m_reasonEdit->fontMetrics().lineSpacing() * 4 + 14);
        label->setBuddy(m_reasonEdit);
        form->addRow(label, m_reasonEdit);
        connect(m_reasonEdit, &QPlainTextEdit::textChanged, this, &StageMoveDialog::updateOkButton);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Move case"));
    m_ok->setAccessibleName(tr("Move case"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &StageMoveDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StageMoveDialog::reject);
    updateOkButton();
}

QString StageMoveDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString StageMoveDialog::reason() const
{
    if (m_reasonBox)
        return m_reasonBox->currentData().toString();
    return m_reasonEdit->toPlainText().trimmed();
}

void StageMoveDialog::updateOkButton()
{
    m_ok->setEnabled(!reason().isEmpty());
}

void StageMoveDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const Status status = [&] {
        CoreCall call;
        return m_caseload.cases.moveStage(m_caseId, m_toStage, reason());
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
