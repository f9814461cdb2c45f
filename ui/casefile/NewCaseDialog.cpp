#include "casefile/NewCaseDialog.h"

#include "casefile/CaseChoices.h"
#include "casefile/CasefileLook.h"
#include "casefile/KindFieldForm.h"
#include "casefile/SubjectForm.h"
#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DemonstrationBanner.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

NewCaseDialog::NewCaseDialog(Caseload& caseload, QWidget* parent)
    : FormDialog(tr("New case"), QStringLiteral("newCaseError"), parent)
    , m_caseload(caseload)
    , m_today(caseload.session.clock().today())
    , m_panel(FormFields::comboBox(QStringLiteral("newCasePanel"), tr("Panel"), this))
    , m_kindLabel(FormFields::text(QString(), Tone::Normal, this))
    , m_referralDate(FormFields::dateEdit(QStringLiteral("newCaseReferralDate"), tr("Referral date"), m_today,
                                          m_today, this))
    , m_referrer(FormFields::lineEdit(QStringLiteral("newCaseReferrer"), tr("Referrer"), 200, this))
    , m_referringAgency(
          FormFields::comboBox(QStringLiteral("newCaseReferringAgency"), tr("Referring agency"), this))
    , m_referralReason(
          FormFields::textEdit(QStringLiteral("newCaseReferralReason"), tr("Reason for referral"), 3, this))
    , m_leadAgency(FormFields::comboBox(QStringLiteral("newCaseLeadAgency"), tr("Lead agency"), this))
    , m_leadProfessional(
          FormFields::lineEdit(QStringLiteral("newCaseLeadProfessional"), tr("Lead professional"), 200, this))
    , m_risk(FormFields::comboBox(QStringLiteral("newCaseRisk"), tr("Risk"), this))
    , m_marking(FormFields::comboBox(QStringLiteral("newCaseMarking"), tr("Protective marking"), this))
{
    setObjectName(QStringLiteral("newCaseDialog"));
    readPanelsAndAgencies();
    setUpFields();
    body()->setSpacing(10);
    // A demonstration store takes new cases, as demonstration cases; the chair is told before typing.
    body()->addWidget(new DemonstrationBanner(caseload.session, DemonstrationBanner::Place::NewCase, this));
    body()->addWidget(makeCards(), 1);
    addText(tr("Record only what the panel needs. Fields marked * are required by this kind of panel."),
            Tone::Muted);
    setOkText(tr("&Create case"), tr("Create case"));
    connect(m_panel, &QComboBox::currentIndexChanged, this, &NewCaseDialog::onPanelChanged);

    if (m_panels.empty() && !errorLine()->isVisibleTo(this))
        errorLine()->showMessage(tr("You are not a member of any panel, so you cannot open a case. An "
                                    "administrator adds members to panels."));
    onPanelChanged();
    // Sized to show both columns whole on a 1366 x 768 screen.
    resize(1040, 620);
}

void NewCaseDialog::readPanelsAndAgencies()
{
    CoreCall call;
    // A case is opened only on a live panel one belongs to (administrators see every panel's name elsewhere).
    if (auto panels = m_caseload.panels.myActivePanels(); panels.ok()) {
        m_panels = std::move(panels).value();
    } else {
        errorLine()->showMessage(panels.error().message);
    }
    if (auto agencies = m_caseload.agencies.agencies(); agencies.ok())
        m_agencies = std::move(agencies).value();
}

void NewCaseDialog::setUpFields()
{
    for (const Panel& panel : m_panels)
        m_panel->addItem(panel.name, panel.id);
    m_kindLabel->setObjectName(QStringLiteral("newCaseKind"));
    m_referrer->setPlaceholderText(tr("Name and role of the person referring"));
    CaseChoices::addAgencies(m_referringAgency, m_agencies, tr("Not from a partner agency"));
    CaseChoices::addAgencies(m_leadAgency, m_agencies, tr("Not yet agreed"));
    CaseChoices::addRisks(m_risk);
    CaseChoices::addMarkings(m_marking);
}

QScrollArea* NewCaseDialog::makeCards()
{
    // Left: the panel with its kind's required fields, and the subject. Right: referral, lead and risk.
    QVBoxLayout* panelLayout = nullptr;
    QFrame* panelCard = CasefileLook::formCard(tr("Panel"), {{tr("&Panel:"), m_panel}}, this, &panelLayout);
    panelLayout->addWidget(m_kindLabel);
    // The kind's required fields sit with the panel that asks for them.
    m_fieldsCard = new QFrame(panelCard);
    m_fieldsLayout = new QVBoxLayout(m_fieldsCard);
    m_fieldsLayout->setContentsMargins(0, 4, 0, 0);
    panelLayout->addWidget(m_fieldsCard);
    m_subjectCard = CasefileLook::formCard(tr("Subject"), {}, this, &m_subjectLayout);
    QFrame* referralCard = CasefileLook::formCard(tr("Referral"),
                                                  {{tr("Referral &date:"), m_referralDate},
                                                   {tr("Re&ferrer:"), m_referrer},
                                                   {tr("Referring a&gency:"), m_referringAgency},
                                                   {tr("Rea&son:"), m_referralReason}},
                                                  this);
    QFrame* caseCard = CasefileLook::formCard(tr("Lead and risk"),
                                              {{tr("&Lead agency:"), m_leadAgency},
                                               {tr("Lead pr&ofessional:"), m_leadProfessional},
                                               {tr("&Risk:"), m_risk},
                                               {tr("&Marking:"), m_marking}},
                                              this);
    return CasefileLook::twoColumns({panelCard, m_subjectCard}, {referralCard, caseCard}, this);
}

const PanelKind* NewCaseDialog::currentKind() const
{
    const int index = m_panel->currentIndex();
    if (index < 0 || index >= int(m_panels.size()))
        return nullptr;
    return m_caseload.kinds.kind(m_panels[size_t(index)].kindKey);
}

void NewCaseDialog::onPanelChanged()
{
    const PanelKind* kind = currentKind();
    m_kindLabel->setText(kind ? tr("A case of the %1 panel.").arg(kind->name) : QString());
    m_kindLabel->setVisible(kind != nullptr);

    // The subject's and the kind's fields depend on the kind: keep the name typed so far.
    const Subject previous = m_subject ? m_subject->subject() : Subject();
    delete m_subject;
    m_subject = new SubjectForm(kind ? kind->subjectTypes : QStringList(), true, m_subjectCard);
    m_subject->setSuggestedDate(m_today.addYears(-18));
    if (!previous.name.isEmpty()) {
        Subject kept;
        kept.name = previous.name;
        m_subject->setSubject(kept);
    }
    m_subjectLayout->addWidget(m_subject);
    m_subject->show(); // a layout shows a new child of a visible widget only later, from the event loop
    connect(m_subject, &SubjectForm::changed, this, &NewCaseDialog::updateOkButton);

    delete m_fields;
    m_fields = nullptr;
    QList<FieldDefinition> required;
    if (kind) {
        for (const FieldDefinition& field : kind->fields) {
            if (field.isRequired)
                required << field;
        }
    }
    m_fieldsCard->setVisible(kind && !required.isEmpty());
    if (kind) {

        m_fields = new KindFieldForm(*kind, required, KindFieldForm::TimeSeries::EditedInline, m_fieldsCard);
        m_fields->setSuggestedDate(m_today);
        m_fieldsLayout->addWidget(m_fields);
        m_fields->show();
    }
    // Keyboard order follows the page: panel, the kind's fields, subject, referral, lead and risk.
    CasefileLook::chainTabOrder({m_panel, m_fields, m_subject, m_referralDate});
    updateOkButton();
}

bool NewCaseDialog::isComplete() const
{
    return currentKind() && m_subject && !m_subject->subject().name.isEmpty();
}

Status NewCaseDialog::submit()
{
    const PanelKind* kind = currentKind();
    CaseService::NewCase request;
    request.panelId = m_panels[size_t(m_panel->currentIndex())].id;
    request.subject = m_subject->subject();
    request.referralDate = m_referralDate->date();
    request.referrer = m_referrer->text().trimmed();
    request.referringAgencyId = CaseChoices::chosenAgency(m_referringAgency);
    request.referralReason = m_referralReason->toPlainText().trimmed();
    request.leadAgencyId = CaseChoices::chosenAgency(m_leadAgency);
    request.leadProfessional = m_leadProfessional->text().trimmed();
    request.risk = Risk(m_risk->currentData().toInt());
    request.marking = Marking(m_marking->currentData().toInt());
    request.fields = m_fields ? m_fields->values() : QVariantMap();
    if (const Status valid = kind->validateFields(request.fields); !valid.ok())
        return valid;
    auto created = m_caseload.cases.create(request);
    if (created.ok())
        m_createdCaseId = created->id;
    return created;
}

} // namespace confer
