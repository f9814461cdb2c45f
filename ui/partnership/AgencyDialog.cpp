#include "partnership/AgencyDialog.h"

#include "partnership/AgencyService.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

namespace {
QLineEdit* makeEdit(const QString& objectName, const QString& accessibleName, int maxLength, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setMaxLength(maxLength);
    return edit;
}
} // namespace

AgencyDialog::AgencyDialog(AgencyService& agencies, std::optional<Agency> existing, const QDate& today,
                           QWidget* parent)
    : QDialog(parent)
    , m_agencies(agencies)
    , m_existing(std::move(existing))
    , m_name(makeEdit(QStringLiteral("agencyName"), tr("Agency name"), 160, this))
    , m_kind(new QComboBox(this))
    , m_signatory(makeEdit(QStringLiteral("agencySignatory"), tr("ISP signatory"), 160, this))
    , m_isSigned(new QCheckBox(tr("Si&gned on"), this))
    , m_signedOn(new QDateEdit(this))
    , m_registration(makeEdit(QStringLiteral("agencyRegistration"),
                              tr("ICO data protection registration number"), 40, this))
    , m_contactName(makeEdit(QStringLiteral("agencyContactName"), tr("Contact name"), 160, this))
    , m_contactEmail(makeEdit(QStringLiteral("agencyContactEmail"), tr("Contact email"), 200, this))
    , m_contactPhone(makeEdit(QStringLiteral("agencyContactPhone"), tr("Contact phone"), 40, this))
    , m_error(new QLabel(this))
{
    const bool isNew = !m_existing;
    setWindowTitle(isNew ? tr("Add agency") : tr("Edit agency"));
    setAccessibleName(windowTitle());
    setMinimumWidth(560);

    m_kind->setObjectName(QStringLiteral("agencyKind"));
    m_kind->setAccessibleName(tr("Kind of agency"));
    for (Agency::Kind kind :
         {Agency::Kind::ResponsibleAuthority, Agency::Kind::CooperatingBody, Agency::Kind::Other})
        m_kind->addItem(agencyKindDisplayName(kind), int(kind));
    m_isSigned->setObjectName(QStringLiteral("agencyIsSigned"));
    m_isSigned->setAccessibleName(tr("The information sharing protocol is signed"));
    m_signedOn->setObjectName(QStringLiteral("agencySignedOn"));
    m_signedOn->setAccessibleName(tr("Date the protocol was signed"));
    m_signedOn->setCalendarPopup(true);
    m_signedOn->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_signedOn->setMaximumDate(today);
    m_signedOn->setDate(today);
    m_registration->setPlaceholderText(tr("For example, Z1234567"));

    if (m_existing) {
        m_name->setText(m_existing->name);
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(int(m_existing->kind))));
        m_signatory->setText(m_existing->ispSignatory);
        m_isSigned->setChecked(m_existing->ispSignedOn.has_value());
        if (m_existing->ispSignedOn)
            m_signedOn->setDate(*m_existing->ispSignedOn);
        m_registration->setText(m_existing->dataProtectionRegistration);
        m_contactName->setText(m_existing->contactName);
        m_contactEmail->setText(m_existing->contactEmail);
        m_contactPhone->setText(m_existing->contactPhone);
    } else {
        m_kind->setCurrentIndex(m_kind->findData(int(Agency::Kind::CooperatingBody)));
    }
    m_signedOn->setEnabled(m_isSigned->isChecked());

    auto* signedRow = new QHBoxLayout;
    signedRow->addWidget(m_isSigned);
    signedRow->addWidget(m_signedOn);
    signedRow->addStretch(1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Name:"), m_name);
    addRow(tr("&Kind:"), m_kind);
    addRow(tr("ISP &signatory:"), m_signatory);
    form->addRow(QString(), signedRow);
    addRow(tr("IC&O registration:"), m_registration);
    addRow(tr("&Contact:"), m_contactName);
    addRow(tr("&Email:"), m_contactEmail);
    addRow(tr("P&hone:"), m_contactPhone);

    auto* note = new QLabel(tr("Responsible authorities are the partners the Crime and Disorder Act names; "
                               "co-operating bodies share under the protocol once they have signed it."),
                            this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("agencyError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(isNew ? tr("&Add agency") : tr("&Save"));
    m_ok->setAccessibleName(isNew ? tr("Add agency") : tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &AgencyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AgencyDialog::reject);
    connect(m_isSigned, &QCheckBox::toggled, m_signedOn, &QWidget::setEnabled);
    connect(m_name, &QLineEdit::textChanged, this,
            [this] { m_ok->setEnabled(!m_name->text().trimmed().isEmpty()); });
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty());
}

QString AgencyDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AgencyDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    Agency agency = m_existing.value_or(Agency{});
    agency.name = m_name->text().trimmed();
    agency.kind = Agency::Kind(m_kind->currentData().toInt());
    agency.ispSignatory = m_signatory->text().trimmed();
    agency.ispSignedOn = m_isSigned->isChecked() ? std::optional<QDate>(m_signedOn->date()) : std::nullopt;
    agency.dataProtectionRegistration = m_registration->text().trimmed();
    agency.contactName = m_contactName->text().trimmed();
    agency.contactEmail = m_contactEmail->text().trimmed();
    agency.contactPhone = m_contactPhone->text().trimmed();

    auto saved = [&]() -> Result<Agency> {
        CoreCall call;
        if (!m_existing)
            return m_agencies.add(agency);
        if (const Status status = m_agencies.update(agency); !status.ok())
            return status.error();
        return agency;
    }();
    if (!saved.ok()) {
        m_error->setText(saved.error().message);
        m_error->setVisible(true);
        return;
    }
    m_saved = saved.value();
    QDialog::accept();
}

} // namespace confer
