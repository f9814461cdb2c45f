#include "casefile/NoteDialog.h"

#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/IdData.h"

#include <QButtonGroup>
#include <QComboBox>
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

NoteDialog::NoteDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies,
                       std::optional<AgencyId> authorAgencyId, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_agency(new QComboBox(this))
    , m_fact(new QRadioButton(tr("&Fact"), this))
    , m_opinion(new QRadioButton(tr("Professional &opinion"), this))
    , m_basis(new QLineEdit(this))
    , m_marking(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("noteError"), this))
{
    setWindowTitle(tr("Add note"));
    setAccessibleName(tr("Add note"));
    setMinimumWidth(580);

    m_agency->setObjectName(QStringLiteral("noteAgency"));
    m_agency->setAccessibleName(tr("Originating agency"));
    m_agency->addItem(tr("Choose the agency"), QVariant());
    for (const Agency& agency : agencies)
        m_agency->addItem(agency.name, idData(agency.id));
    if (authorAgencyId)
        m_agency->setCurrentIndex(qMax(0, m_agency->findData(idData(*authorAgencyId))));

    m_fact->setObjectName(QStringLiteral("noteFact"));
    m_fact->setAccessibleName(tr("Fact"));
    m_opinion->setObjectName(QStringLiteral("noteOpinion"));
    m_opinion->setAccessibleName(tr("Professional opinion"));
    m_fact->setChecked(true);
    auto* kindRow = new QWidget(this);
    kindRow->setAccessibleName(tr("Fact or opinion"));
    auto* kindLayout = new QHBoxLayout(kindRow);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->setSpacing(18);
    auto* group = new QButtonGroup(kindRow);
    for (QRadioButton* button : {m_fact, m_opinion}) {
        button->setParent(kindRow);
        group->addButton(button);
        kindLayout->addWidget(button);
    }
    kindLayout->addStretch(1);

    m_basis->setObjectName(QStringLiteral("noteBasis"));
    m_basis->setAccessibleName(tr("Basis of the opinion"));
    m_basis->setPlaceholderText(tr("What the opinion is based on, e.g. home visit on 3 March"));
    m_basis->setMaxLength(500);

    m_marking->setObjectName(QStringLiteral("noteMarking"));
    m_marking->setAccessibleName(tr("Protective marking"));
    for (Marking marking : {Marking::OfficialSensitive, Marking::Official})
        m_marking->addItem(markingDisplayName(marking), int(marking));

    m_text->setObjectName(QStringLiteral("noteText"));
    m_text->setAccessibleName(tr("Note"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 7 + 14);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* agencyLabel = new QLabel(tr("&Agency:"), this);
    agencyLabel->setBuddy(m_agency);
    form->addRow(agencyLabel, m_agency);
    form->addRow(tr("This note is:"), kindRow);
    auto* basisLabel = new QLabel(tr("&Basis:"), this);
    basisLabel->setBuddy(m_basis);
    form->addRow(basisLabel, m_basis);
    auto* markingLabel = new QLabel(tr("&Marking:"), this);
    markingLabel->setBuddy(m_marking);
    form->addRow(markingLabel, m_marking);
    auto* textLabel = new QLabel(tr("&Note:"), this);
    textLabel->setBuddy(m_text);
    textLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(textLabel, m_text);

    auto* guidance = CasefileLook::mutedLabel(
        tr("Record facts and opinions separately. An opinion is marked as such wherever the note is "
           "shown or exported, with its basis. Notes cannot be edited later: a correction becomes a new "
           "version and the original is kept."),
        this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add note"));
    m_ok->setAccessibleName(tr("Add note"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(guidance);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &NoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NoteDialog::reject);
    connect(m_opinion, &QRadioButton::toggled, this, &NoteDialog::updateState);
    connect(m_basis, &QLineEdit::textChanged, this, &NoteDialog::updateState);
    connect(m_agency, &QComboBox::currentIndexChanged, this, &NoteDialog::updateState);
    connect(m_text, &QPlainTextEdit::textChanged, this, &NoteDialog::updateState);
    updateState();
    m_text->setFocus();
}

QString NoteDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void NoteDialog::updateState()
{
    m_basis->setEnabled(m_opinion->isChecked());
    const bool hasBasis = !m_opinion->isChecked() || !m_basis->text().trimmed().isEmpty();
    m_ok->setEnabled(idFromData<AgencyId>(m_agency->currentData()).has_value() && hasBasis &&
                     !m_text->toPlainText().trimmed().isEmpty());
}

void NoteDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    NoteService::NewNote note;
    note.agencyId = idFromData<AgencyId>(m_agency->currentData());
    note.isOpinion = m_opinion->isChecked();
    note.opinionBasis = note.isOpinion ? m_basis->text().trimmed() : QString();
    note.marking = Marking(m_marking->currentData().toInt());
    note.body = m_text->toPlainText().trimmed();
    auto added = [&] {
        CoreCall call;
        return m_caseload.notes.add(m_caseId, note);
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
