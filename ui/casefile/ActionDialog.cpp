#include "casefile/ActionDialog.h"

#include "casefile/CasefileLook.h"
#include "casefile/OptionalDateEdit.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

ActionDialog::ActionDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies,
                           const QDate& today, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_description(new QPlainTextEdit(this))
    , m_agency(new QComboBox(this))
    , m_person(new QLineEdit(this))
    , m_due(new OptionalDateEdit(tr("Due date"), this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("actionError"), this))
{
    setWindowTitle(tr("Add action"));
    setAccessibleName(tr("Add action"));
    setMinimumWidth(540);

    m_description->setObjectName(QStringLiteral("actionDescription"));
    m_description->setAccessibleName(tr("What is to be done"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 14);
    m_agency->setObjectName(QStringLiteral("actionAgency"));
    m_agency->setAccessibleName(tr("Owner agency"));
    m_agency->addItem(tr("Choose the agency"), QVariant());
    for (const Agency& agency : agencies)
        m_agency->addItem(agency.name, idData(agency.id));
    m_person->setObjectName(QStringLiteral("actionPerson"));
    m_person->setAccessibleName(tr("Owner person"));
    m_person->setMaxLength(200);
    m_due->setObjectName(QStringLiteral("actionDue"));
    m_due->setSuggestedDate(today.addDays(14));
    m_due->setDate(today.addDays(14));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* descriptionLabel = new QLabel(tr("&Action:"), this);
    descriptionLabel->setBuddy(m_description);
    descriptionLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(descriptionLabel, m_description);
    auto* agencyLabel = new QLabel(tr("Owner a&gency:"), this);
    agencyLabel->setBuddy(m_agency);
    form->addRow(agencyLabel, m_agency);
    auto* personLabel = new QLabel(tr("Owner &person:"), this);
    personLabel->setBuddy(m_person);
    form->addRow(personLabel, m_person);
    auto* dueLabel = new QLabel(tr("&Due:"), this);
    dueLabel->setBuddy(m_due);
    form->addRow(dueLabel, m_due);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add action"));
    m_ok->setAccessibleName(tr("Add action"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ActionDialog::reject);
    connect(m_description, &QPlainTextEdit::textChanged, this, &ActionDialog::updateOkButton);
    connect(m_agency, &QComboBox::currentIndexChanged, this, &ActionDialog::updateOkButton);
    updateOkButton();
    m_description->setFocus();
}

QString ActionDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ActionDialog::updateOkButton()
{
    m_ok->setEnabled(!m_description->toPlainText().trimmed().isEmpty() &&
                     idFromData<AgencyId>(m_agency->currentData()).has_value());
}

void ActionDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    ActionService::NewAction action;
    action.description = m_description->toPlainText().trimmed();
    action.ownerAgencyId = *idFromData<AgencyId>(m_agency->currentData());
    action.ownerPerson = m_person->text().trimmed();
    action.dueDate = m_due->date();
    auto added = [&] {
        CoreCall call;
        return m_caseload.actions.add(m_caseId, action);
    }();
    if (!added.ok()) {
        m_error->setText(added.error().message);
        m_error->setVisible(true);
        return;
    }
    m_added = added.value();
    QDialog::accept();
}

} // namespace confer
