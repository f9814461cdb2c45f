#include "partnership/AgencyDialog.h"

#include "partnership/AgencyService.h"
#include "shell/FormFields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

namespace confer {

AgencyDialog::AgencyDialog(AgencyService& agencies, std::optional<Agency> existing, const QDate& today,
                           QWidget* parent)
    : FormDialog(existing ? tr("Edit agency") : tr("Add agency"), QStringLiteral("agencyError"), parent)
    , m_agencies(agencies)
    , m_existing(std::move(existing))
    , m_name(FormFields::lineEdit(QStringLiteral("agencyName"), tr("Agency name"), 160, this))
    , m_kind(FormFields::comboBox(QStringLiteral("agencyKind"), tr("Kind of agency"), this))
    , m_sector(FormFields::comboBox(QStringLiteral("agencySector"), tr("Sector"), this))
    , m_signatory(FormFields::lineEdit(QStringLiteral("agencySignatory"), tr("ISP signatory"), 160, this))
    , m_isSigned(new QCheckBox(tr("Si&gned on"), this))
    , m_signedOn(FormFields::dateEdit(QStringLiteral("agencySignedOn"), tr("Date the protocol was signed"),
                                      today, today, this))
    , m_registration(FormFields::lineEdit(QStringLiteral("agencyRegistration"),
                                          tr("ICO data protection registration number"), 40, this))
    , m_contactName(FormFields::lineEdit(QStringLiteral("agencyContactName"), tr("Contact name"), 160, this))
    , m_contactEmail(
          FormFields::lineEdit(QStringLiteral("agencyContactEmail"), tr("Contact email"), 200, this))
    , m_contactPhone(
          FormFields::lineEdit(QStringLiteral("agencyContactPhone"), tr("Contact phone"), 40, this))
{
    setMinimumWidth(560);
    for (Agency::Kind kind :
         {Agency::Kind::ResponsibleAuthority, Agency::Kind::CooperatingBody, Agency::Kind::Other})
        m_kind->addItem(agencyKindDisplayName(kind), int(kind));
    for (AgencySector sector : allAgencySectors())
        m_sector->addItem(agencySectorDisplayName(sector), int(sector));
    m_sector->setCurrentIndex(m_sector->findData(int(AgencySector::Other)));
    m_isSigned->setObjectName(QStringLiteral("agencyIsSigned"));
    m_isSigned->setAccessibleName(tr("The information sharing protocol is signed"));
    m_signedOn->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_registration->setPlaceholderText(tr("For example, Z1234567"));
    if (m_existing)
        fill(*m_existing);
    else
        m_kind->setCurrentIndex(m_kind->findData(int(Agency::Kind::CooperatingBody)));
    m_signedOn->setEnabled(m_isSigned->isChecked());

    addFields();
    addText(tr("Responsible authorities are the partners the Crime and Disorder Act names; co-operating "
               "bodies share under the protocol once they have signed it. The sector decides whether a "
               "meeting is quorate: some panels need the police or the local authority present."),
            Tone::Muted);
    setOkText(m_existing ? tr("&Save") : tr("&Add agency"), m_existing ? tr("Save") : tr("Add agency"));

    connect(m_isSigned, &QCheckBox::toggled, m_signedOn, &QWidget::setEnabled);
    updateOkButtonOn({m_name});
}

void AgencyDialog::addFields()
{
    auto* signedRow = new QHBoxLayout;
    signedRow->addWidget(m_isSigned);
    signedRow->addWidget(m_signedOn);
    signedRow->addStretch(1);

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Name:"), m_name);
    FormFields::addRow(form, tr("&Kind:"), m_kind);
    FormFields::addRow(form, tr("Sec&tor:"), m_sector);
    FormFields::addRow(form, tr("ISP &signatory:"), m_signatory);
    form->addRow(QString(), signedRow);
    FormFields::addRow(form, tr("IC&O registration:"), m_registration);
    FormFields::addRow(form, tr("&Contact:"), m_contactName);
    FormFields::addRow(form, tr("&Email:"), m_contactEmail);
    FormFields::addRow(form, tr("P&hone:"), m_contactPhone);
}

void AgencyDialog::fill(const Agency& agency)
{
    m_name->setText(agency.name);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(int(agency.kind))));
    m_sector->setCurrentIndex(qMax(0, m_sector->findData(int(agency.sector))));
    m_signatory->setText(agency.ispSignatory);
    m_isSigned->setChecked(agency.ispSignedOn.has_value());
    if (agency.ispSignedOn)
        m_signedOn->setDate(*agency.ispSignedOn);
    m_registration->setText(agency.dataProtectionRegistration);
    m_contactName->setText(agency.contactName);
    m_contactEmail->setText(agency.contactEmail);
    m_contactPhone->setText(agency.contactPhone);
}

bool AgencyDialog::isComplete() const
{
    return !m_name->text().trimmed().isEmpty();
}

Status AgencyDialog::submit()
{
    Agency agency = m_existing.value_or(Agency{});
    agency.name = m_name->text().trimmed();
    agency.kind = Agency::Kind(m_kind->currentData().toInt());
    agency.sector = AgencySector(m_sector->currentData().toInt());
    agency.ispSignatory = m_signatory->text().trimmed();
    agency.ispSignedOn = m_isSigned->isChecked() ? std::optional<QDate>(m_signedOn->date()) : std::nullopt;
    agency.dataProtectionRegistration = m_registration->text().trimmed();
    agency.contactName = m_contactName->text().trimmed();
    agency.contactEmail = m_contactEmail->text().trimmed();
    agency.contactPhone = m_contactPhone->text().trimmed();
    if (!m_existing) {
        auto added = m_agencies.add(agency);
        if (added.ok())
            m_saved = added.value();
        return added;
    }
    const Status status = m_agencies.update(agency);
    if (status.ok())
        m_saved = agency;
    return status;
}

} // namespace confer
