#include "casefile/ConsentDialog.h"

#include "caseload/Caseload.h"
#include "shell/FormFields.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>

namespace confer {

ConsentDialog::ConsentDialog(Caseload& caseload, CaseId caseId, const QString& subjectName,
                             const QDate& today, QWidget* parent)
    : FormDialog(tr("Record consent"), QStringLiteral("consentError"), parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_subjectName(subjectName)
    , m_given(makeChoice(tr("&Given"), QStringLiteral("consentGiven")))
    , m_refused(makeChoice(tr("Re&fused"), QStringLiteral("consentRefused")))
    , m_withdrawn(makeChoice(tr("&Withdrawn"), QStringLiteral("consentWithdrawn")))
    , m_individual(makeChoice(tr("The &individual"), QStringLiteral("consentByIndividual")))
    , m_parent(makeChoice(tr("A &parent or guardian"), QStringLiteral("consentByParent")))
    , m_name(FormFields::lineEdit(QStringLiteral("consentName"),
                                  tr("Name of the person giving or refusing consent"), 200, this))
    , m_date(
          FormFields::dateEdit(QStringLiteral("consentDate"), tr("Date of the decision"), today, today, this))
    , m_scope(
          FormFields::textEdit(QStringLiteral("consentScope"), tr("Scope: what the consent covers"), 3, this))
{
    setMinimumWidth(520);
    m_name->setText(subjectName);
    m_scope->setPlaceholderText(tr("For example: support from the intervention provider and sharing with "
                                   "school and children's services"));

    QFormLayout* form = addForm();
    form->addRow(tr("Decision:"),
                 FormFields::radioRow(tr("Decision"), {m_given, m_refused, m_withdrawn}, this));
    form->addRow(tr("By:"), FormFields::radioRow(tr("Given by"), {m_individual, m_parent}, this));
    // Checked only once each pair has its own group: as siblings they would exclude each other.
    m_given->setChecked(true);
    m_individual->setChecked(true);
    FormFields::addRow(form, tr("&Name:"), m_name);
    FormFields::addRow(form, tr("&Date:"), m_date);
    FormFields::addRow(form, tr("&Scope:"), m_scope);
    addText(tr("Under 18, consent is given by a parent or guardian. A case cannot move into support until "
               "consent is recorded as given."),
            Tone::Muted);
    setOkText(tr("&Record consent"), tr("Record consent"));

    connect(m_individual, &QRadioButton::toggled, this, &ConsentDialog::onGivenByChanged);
    updateOkButtonOn({m_name});
}

QRadioButton* ConsentDialog::makeChoice(const QString& text, const QString& objectName)
{
    auto* button = new QRadioButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    return button;
}

void ConsentDialog::onGivenByChanged()
{
    // The individual's own name is the subject's; a parent's must be typed.
    if (m_individual->isChecked() && m_name->text().trimmed().isEmpty())
        m_name->setText(m_subjectName);
    else if (m_parent->isChecked() && m_name->text() == m_subjectName)
        m_name->clear();
}

bool ConsentDialog::isComplete() const
{
    return !m_name->text().trimmed().isEmpty();
}

Status ConsentDialog::submit()
{
    Consent consent;
    consent.state = m_given->isChecked()     ? Consent::State::Given
                    : m_refused->isChecked() ? Consent::State::Refused
                                             : Consent::State::Withdrawn;
    consent.givenBy = m_parent->isChecked() ? Consent::GivenBy::ParentGuardian : Consent::GivenBy::Individual;
    consent.givenByName = m_name->text().trimmed();
    consent.onDate = m_date->date();
    consent.scope = m_scope->toPlainText().trimmed();
    return m_caseload.cases.recordConsent(m_caseId, consent);
}

} // namespace confer
