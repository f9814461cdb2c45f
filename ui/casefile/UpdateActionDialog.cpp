#include "casefile/UpdateActionDialog.h"

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

UpdateActionDialog::UpdateActionDialog(Caseload& caseload, const CaseAction& action, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_actionId(action.id)
    , m_status(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("updateActionError"), this))
{
    setWindowTitle(tr("Update action"));
    setAccessibleName(tr("Update action"));
    setMinimumWidth(520);

    auto* intro = new QLabel(action.description, this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    QFont bold = intro->font();
    bold.setWeight(QFont::DemiBold);
    intro->setFont(bold);
    auto* owner = CasefileLook::mutedLabel(action.ownerPerson.isEmpty()
                                               ? action.ownerAgencyName
                                               : tr("%1, %2").arg(action.ownerPerson, action.ownerAgencyName),
                                           this);
    owner->setTextFormat(Qt::PlainText);

    m_status->setObjectName(QStringLiteral("actionStatus"));
    m_status->setAccessibleName(tr("Status"));
    for (CaseAction::Status status : {CaseAction::Status::Open, CaseAction::Status::Done,
                                      CaseAction::Status::NotPossible, CaseAction::Status::NotDone})
        m_status->addItem(actionStatusDisplayName(status), int(status));
    m_status->setCurrentIndex(m_status->findData(int(action.status)));
    m_text->setObjectName(QStringLiteral("actionUpdateText"));
    m_text->setAccessibleName(tr("Update"));
    m_text->setPlaceholderText(tr("What has been done, or why it could not be"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 14);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    form->addRow(statusLabel, m_status);
    auto* textLabel = new QLabel(tr("&Update:"), this);
    textLabel->setBuddy(m_text);
    textLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(textLabel, m_text);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Save update"));
    m_ok->setAccessibleName(tr("Save update"));
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(owner);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &UpdateActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UpdateActionDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this,
            [this] { m_ok->setEnabled(!m_text->toPlainText().trimmed().isEmpty()); });
}

QString UpdateActionDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void UpdateActionDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const Status status = [&] {
        CoreCall call;
        return m_caseload.actions.update(m_actionId, CaseAction::Status(m_status->currentData().toInt()),
                                         m_text->toPlainText().trimmed());
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
