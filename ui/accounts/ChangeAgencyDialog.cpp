#include "accounts/ChangeAgencyDialog.h"

#include "partnership/AgencyService.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

ChangeAgencyDialog::ChangeAgencyDialog(const User& user, AgencyService& agencies, QWidget* parent)
    : QDialog(parent)
    , m_user(user)
    , m_agencies(agencies)
    , m_agency(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Change agency"));
    setAccessibleName(tr("Change agency"));
    setMinimumWidth(440);

    auto* intro = new QLabel(this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    intro->setText(tr("Choose the agency %1 (%2) works for.").arg(user.displayName, user.login));

    m_agency->setObjectName(QStringLiteral("changeAgencyBox"));
    m_agency->setAccessibleName(tr("Agency"));
    m_agency->addItem(tr("No agency"), QVariant());
    auto all = m_agencies.agencies();
    if (all.ok()) {
        for (const Agency& agency : *all)
            m_agency->addItem(agency.name, agency.id);
    }
    auto current = m_agencies.agencyOfUser(user.id);
    if (current.ok() && current->has_value())
        m_agency->setCurrentIndex(std::max(0, m_agency->findData(**current)));

    auto* form = new QFormLayout;
    auto* agencyLabel = new QLabel(tr("&Agency:"), this);
    agencyLabel->setBuddy(m_agency);
    form->addRow(agencyLabel, m_agency);

    auto* note =
        new QLabel(tr("Notes this person writes are recorded as coming from this agency, which keeps "
                      "ownership of them."),
                   this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("changeAgencyError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Save agency"));
    ok->setAccessibleName(tr("Save agency"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ChangeAgencyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangeAgencyDialog::reject);
}

QString ChangeAgencyDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ChangeAgencyDialog::accept()
{
    const QVariant chosen = m_agency->currentData();
    const std::optional<qint64> agencyId =
        chosen.isValid() ? std::optional<qint64>(chosen.toLongLong()) : std::nullopt;
    const Status status = [&] {
        CoreCall call;
        return m_agencies.setUserAgency(m_user.id, agencyId);
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
