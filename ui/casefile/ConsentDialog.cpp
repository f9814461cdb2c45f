#include "casefile/ConsentDialog.h"

#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"

#include <QButtonGroup>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace confer {

namespace {

QWidget* radioRow(QWidget* parent, const QString& name, std::initializer_list<QRadioButton*> buttons)
{
    auto* row = new QWidget(parent);
    row->setAccessibleName(name);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(18);
    auto* group = new QButtonGroup(row);
    for (QRadioButton* button : buttons) {
        button->setParent(row);
        group->addButton(button);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return row;
}

} // namespace

ConsentDialog::ConsentDialog(Caseload& caseload, CaseId caseId, const QString& subjectName,
                             const QDate& today, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_subjectName(subjectName)
    , m_given(new QRadioButton(tr("&Given"), this))
    , m_refused(new QRadioButton(tr("Re&fused"), this))
    , m_withdrawn(new QRadioButton(tr("&Withdrawn"), this))
    , m_individual(new QRadioButton(tr("The &individual"), this))
    , m_parent(new QRadioButton(tr("A &parent or guardian"), this))
    , m_name(new QLineEdit(this))
    , m_date(new QDateEdit(today, this))
    , m_scope(new QPlainTextEdit(this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("consentError"), this))
{
    setWindowTitle(tr("Record consent"));
    setAccessibleName(tr("Record consent"));
    setMinimumWidth(520);

    m_given->setObjectName(QStringLiteral("consentGiven"));
    m_refused->setObjectName(QStringLiteral("consentRefused"));
    m_withdrawn->setObjectName(QStringLiteral("consentWithdrawn"));
    m_individual->setObjectName(QStringLiteral("consentByIndividual"));
    m_parent->setObjectName(QStringLiteral("consentByParent"));
    for (QRadioButton* button : {m_given, m_refused, m_withdrawn, m_individual, m_parent})
        button->setAccessibleName(button->text().remove(QLatin1Char('&')));

    m_name->setObjectName(QStringLiteral("consentName"));
    m_name->setAccessibleName(tr("Name of the person giving or refusing consent"));
    m_name->setMaxLength(200);
    m_name->setText(subjectName);
    m_date->setObjectName(QStringLiteral("consentDate"));
    m_date->setAccessibleName(tr("Date of the decision"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setMaximumDate(today);
    m_scope->setObjectName(QStringLiteral("consentScope"));
    m_scope->setAccessibleName(tr("Scope: what the consent covers"));
    m_scope->setPlaceholderText(tr("For example: support from the intervention provider and sharing with "
                                   "school and children's services"));
    m_scope->setTabChangesFocus(true);
    m_scope->setFixedHeight(m_scope->fontMetrics().lineSpacing() * 3 + 14);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Decision:"), radioRow(this, tr("Decision"), {m_given, m_refused, m_withdrawn}));
    form->addRow(tr("By:"), radioRow(this, tr("Given by"), {m_individual, m_parent}));
    // Checked only once each pair has its own group: as siblings they would exclude each other.
    m_given->setChecked(true);
    m_individual->setChecked(true);
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    auto* dateLabel = new QLabel(tr("&Date:"), this);
    dateLabel->setBuddy(m_date);
    form->addRow(dateLabel, m_date);
    auto* scopeLabel = new QLabel(tr("&Scope:"), this);
    scopeLabel->setBuddy(m_scope);
    form->addRow(scopeLabel, m_scope);

    auto* note = CasefileLook::mutedLabel(
        tr("Under 18, consent is given by a parent or guardian. A case cannot move into support until "
           "consent is recorded as given."),
        this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Record consent"));
    m_ok->setAccessibleName(tr("Record consent"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConsentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConsentDialog::reject);
    connect(m_individual, &QRadioButton::toggled, this, &ConsentDialog::onGivenByChanged);
    connect(m_name, &QLineEdit::textChanged, this, &ConsentDialog::updateOkButton);
    updateOkButton();
}

QRadioButton* ConsentDialog::stateButton(Consent::State state) const
{
    switch (state) {
    case Consent::State::Given:
        return m_given;
    case Consent::State::Refused:
        return m_refused;
    case Consent::State::Withdrawn:
        return m_withdrawn;
    }
    return m_given;
}

QRadioButton* ConsentDialog::givenByButton(Consent::GivenBy givenBy) const
{
    return givenBy == Consent::GivenBy::Individual ? m_individual : m_parent;
}

QString ConsentDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ConsentDialog::onGivenByChanged()
{
    // The individual's own name is the subject's; a parent's must be typed.
    if (m_individual->isChecked() && m_name->text().trimmed().isEmpty())
        m_name->setText(m_subjectName);
    else if (m_parent->isChecked() && m_name->text() == m_subjectName)
        m_name->clear();
}

void ConsentDialog::updateOkButton()
{
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty());
}

void ConsentDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    Consent consent;
    consent.state = m_given->isChecked()     ? Consent::State::Given
                    : m_refused->isChecked() ? Consent::State::Refused
                                             : Consent::State::Withdrawn;
    consent.givenBy = m_parent->isChecked() ? Consent::GivenBy::ParentGuardian : Consent::GivenBy::Individual;
    consent.givenByName = m_name->text().trimmed();
    consent.onDate = m_date->date();
    consent.scope = m_scope->toPlainText().trimmed();
    const Status status = [&] {
        CoreCall call;
        return m_caseload.cases.recordConsent(m_caseId, consent);
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
