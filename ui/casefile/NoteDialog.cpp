#include "casefile/NoteDialog.h"

#include "casefile/CaseChoices.h"
#include "caseload/Caseload.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>

namespace confer {

NoteDialog::NoteDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies,
                       std::optional<AgencyId> authorAgencyId, QWidget* parent)
    : FormDialog(tr("Add note"), QStringLiteral("noteError"), parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_agency(FormFields::comboBox(QStringLiteral("noteAgency"), tr("Originating agency"), this))
    , m_fact(new QRadioButton(tr("&Fact"), this))
    , m_opinion(new QRadioButton(tr("Professional &opinion"), this))
    , m_basis(FormFields::lineEdit(QStringLiteral("noteBasis"), tr("Basis of the opinion"), 500, this))
    , m_marking(FormFields::comboBox(QStringLiteral("noteMarking"), tr("Protective marking"), this))
    , m_text(
          FormFields::textEdit(QStringLiteral("noteText"), tr("Note"), 7, this, FormFields::Height::AtLeast))
{
    setMinimumWidth(580);
    CaseChoices::addAgencies(m_agency, agencies, tr("Choose the agency"));
    if (authorAgencyId)
        m_agency->setCurrentIndex(qMax(0, m_agency->findData(idData(*authorAgencyId))));
    m_fact->setObjectName(QStringLiteral("noteFact"));
    m_fact->setAccessibleName(tr("Fact"));
    m_opinion->setObjectName(QStringLiteral("noteOpinion"));
    m_opinion->setAccessibleName(tr("Professional opinion"));
    m_fact->setChecked(true);
    m_basis->setPlaceholderText(tr("What the opinion is based on, e.g. home visit on 3 March"));
    CaseChoices::addMarkings(m_marking);

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Agency:"), m_agency);
    form->addRow(tr("This note is:"), FormFields::radioRow(tr("Fact or opinion"), {m_fact, m_opinion}, this));
    FormFields::addRow(form, tr("&Basis:"), m_basis);
    FormFields::addRow(form, tr("&Marking:"), m_marking);
    FormFields::addRow(form, tr("&Note:"), m_text);
    addText(tr("Record facts and opinions separately. An opinion is marked as such wherever the note is "
               "shown or exported, with its basis. Notes cannot be edited later: a correction becomes a new "
               "version and the original is kept."),
            Tone::Muted);
    setOkText(tr("&Add note"), tr("Add note"));

    // The basis is asked for only with an opinion.
    m_basis->setEnabled(false);
    connect(m_opinion, &QRadioButton::toggled, m_basis, &QWidget::setEnabled);
    updateOkButtonOn({m_opinion, m_basis, m_agency, m_text});
    m_text->setFocus();
}

bool NoteDialog::isComplete() const
{
    const bool hasBasis = !m_opinion->isChecked() || !m_basis->text().trimmed().isEmpty();
    return CaseChoices::chosenAgency(m_agency) && hasBasis && !m_text->toPlainText().trimmed().isEmpty();
}

Status NoteDialog::submit()
{
    NoteService::NewNote note;
    note.agencyId = idFromData<AgencyId>(m_agency->currentData());
    note.isOpinion = m_opinion->isChecked();
    note.opinionBasis = note.isOpinion ? m_basis->text().trimmed() : QString();
    note.marking = Marking(m_marking->currentData().toInt());
    note.body = m_text->toPlainText().trimmed();
    auto added = m_caseload.notes.add(m_caseId, note);
    if (added.ok())
        m_added = added.value();
    return added;
}

} // namespace confer
