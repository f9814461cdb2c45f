#include "casefile/NewCaseDialog.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/KindFieldForm.h"
#include "casefile/SubjectForm.h"
#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DemonstrationBanner.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

namespace {

void fillAgencies(QComboBox* box, const std::vector<Agency>& agencies, const QString& none)
{
    box->addItem(none, qint64(0));
    for (const Agency& agency : agencies)
        box->addItem(agency.name, agency.id);
}

std::optional<qint64> chosenAgency(const QComboBox* box)
{
    const qint64 id = box->currentData().toLongLong();
    return id ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

NewCaseDialog::NewCaseDialog(Caseload& caseload, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_today(caseload.session.clock().nowUtc().toLocalTime().date())
    , m_panel(new QComboBox(this))
    , m_kindLabel(new QLabel(this))
    , m_referralDate(new QDateEdit(m_today, this))
    , m_referrer(new QLineEdit(this))
    , m_referringAgency(new QComboBox(this))
    , m_referralReason(new QPlainTextEdit(this))
    , m_leadAgency(new QComboBox(this))
    , m_leadProfessional(new QLineEdit(this))
    , m_risk(new QComboBox(this))
    , m_marking(new QComboBox(this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("newCaseError"), this))
{
    setWindowTitle(tr("New case"));
    setAccessibleName(tr("New case"));
    setObjectName(QStringLiteral("newCaseDialog"));

    {
        CoreCall call;
        if (auto panels = caseload.panels.myActivePanels(); panels.ok()) {
            m_panels = std::move(panels).value();
        } else {
            m_error->setText(panels.error().message);
            m_error->setVisible(true);
        }
        if (auto agencies = caseload.agencies.agencies(); agencies.ok())
            m_agencies = std::move(agencies).value();
    }

    m_panel->setObjectName(QStringLiteral("newCasePanel"));
    m_panel->setAccessibleName(tr("Panel"));
    for (const Panel& panel : m_panels)
        m_panel->addItem(panel.name, panel.id);
    m_kindLabel->setTextFormat(Qt::PlainText);
    m_kindLabel->setWordWrap(true);
    m_kindLabel->setObjectName(QStringLiteral("newCaseKind"));

    m_referralDate->setObjectName(QStringLiteral("newCaseReferralDate"));
    m_referralDate->setAccessibleName(tr("Referral date"));
    m_referralDate->setCalendarPopup(true);
    m_referralDate->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_referralDate->setMaximumDate(m_today);
    m_referrer->setObjectName(QStringLiteral("newCaseReferrer"));
    m_referrer->setAccessibleName(tr("Referrer"));
    m_referrer->setPlaceholderText(tr("Name and role of the person referring"));
    m_referrer->setMaxLength(200);
    m_referringAgency->setObjectName(QStringLiteral("newCaseReferringAgency"));
    m_referringAgency->setAccessibleName(tr("Referring agency"));
    fillAgencies(m_referringAgency, m_agencies, tr("Not from a partner agency"));
    m_referralReason->setObjectName(QStringLiteral("newCaseReferralReason"));
    m_referralReason->setAccessibleName(tr("Reason for referral"));
    m_referralReason->setTabChangesFocus(true);
    m_referralReason->setFixedHeight(m_referralReason->fontMetrics().lineSpacing() * 3 + 14);
    m_leadAgency->setObjectName(QStringLiteral("newCaseLeadAgency"));
    m_leadAgency->setAccessibleName(tr("Lead agency"));
    fillAgencies(m_leadAgency, m_agencies, tr("Not yet agreed"));
    m_leadProfessional->setObjectName(QStringLiteral("newCaseLeadProfessional"));
    m_leadProfessional->setAccessibleName(tr("Lead professional"));
    m_leadProfessional->setMaxLength(200);
    m_risk->setObjectName(QStringLiteral("newCaseRisk"));
    m_risk->setAccessibleName(tr("Risk"));
    for (Risk risk : {Risk::Unassessed, Risk::Green, Risk::Amber, Risk::Red})
        m_risk->addItem(riskDisplayName(risk), int(risk));
    m_marking->setObjectName(QStringLiteral("newCaseMarking"));
    m_marking->setAccessibleName(tr("Protective marking"));
    for (Marking marking : {Marking::OfficialSensitive, Marking::Official})
        m_marking->addItem(markingDisplayName(marking), int(marking));

    // Left: the panel with its kind's required fields, and the subject. Right: referral, lead and risk.
    QVBoxLayout* panelLayout = nullptr;
    QFrame* panelCard = CasefileLook::card(this, panelLayout);
    panelLayout->addWidget(CasefileLook::sectionTitle(tr("Panel"), panelCard));
    QFormLayout* panelForm = CasefileLook::form();
    CasefileLook::addFormRow(panelForm, tr("&Panel:"), m_panel, panelCard);
    panelLayout->addLayout(panelForm);
    panelLayout->addWidget(m_kindLabel);
    m_panel->setParent(panelCard);
    m_kindLabel->setParent(panelCard);

    m_subjectCard = CasefileLook::card(this, m_subjectLayout);
    m_subjectLayout->addWidget(CasefileLook::sectionTitle(tr("Subject"), m_subjectCard));

    QVBoxLayout* referralLayout = nullptr;
    QFrame* referralCard = CasefileLook::card(this, referralLayout);
    referralLayout->addWidget(CasefileLook::sectionTitle(tr("Referral"), referralCard));
    QFormLayout* referralForm = CasefileLook::form();
    CasefileLook::addFormRow(referralForm, tr("Referral &date:"), m_referralDate, referralCard);
    CasefileLook::addFormRow(referralForm, tr("Re&ferrer:"), m_referrer, referralCard);
    CasefileLook::addFormRow(referralForm, tr("Referring a&gency:"), m_referringAgency, referralCard);
    CasefileLook::addFormRow(referralForm, tr("Rea&son:"), m_referralReason, referralCard);
    referralLayout->addLayout(referralForm);

    QVBoxLayout* caseLayout = nullptr;
    QFrame* caseCard = CasefileLook::card(this, caseLayout);
    caseLayout->addWidget(CasefileLook::sectionTitle(tr("Lead and risk"), caseCard));
    QFormLayout* caseForm = CasefileLook::form();
    CasefileLook::addFormRow(caseForm, tr("&Lead agency:"), m_leadAgency, caseCard);
    CasefileLook::addFormRow(caseForm, tr("Lead pr&ofessional:"), m_leadProfessional, caseCard);
    CasefileLook::addFormRow(caseForm, tr("&Risk:"), m_risk, caseCard);
    CasefileLook::addFormRow(caseForm, tr("&Marking:"), m_marking, caseCard);
    caseLayout->addLayout(caseForm);

    // The kind's required fields sit with the panel that asks for them.
    m_fieldsCard = new QFrame(panelCard);
    m_fieldsLayout = new QVBoxLayout(m_fieldsCard);
    m_fieldsLayout->setContentsMargins(0, 4, 0, 0);
    panelLayout->addWidget(m_fieldsCard);

    auto* columns = new QWidget;
    auto* grid = new QGridLayout(columns);
    grid->setContentsMargins(0, 0, 6, 0);
    grid->setSpacing(14);
    auto* left = new QVBoxLayout;
    left->setSpacing(14);
    left->addWidget(panelCard);
    left->addWidget(m_subjectCard);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->setSpacing(14);
    right->addWidget(referralCard);
    right->addWidget(caseCard);
    right->addStretch(1);
    grid->addLayout(left, 0, 0);
    grid->addLayout(right, 0, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    for (QFrame* card : {panelCard, m_subjectCard, referralCard, caseCard})
        card->setParent(columns);

    QScrollArea* scroll = CasefileLook::scrollArea(columns, this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Create case"));
    m_ok->setAccessibleName(tr("Create case"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* note = CasefileLook::mutedLabel(
        tr("Record only what the panel needs. Fields marked * are required by this kind of panel."), this);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    // A demonstration store takes new cases, as demonstration cases; the chair is told before typing.
    layout->addWidget(new DemonstrationBanner(caseload.session, DemonstrationBanner::Place::NewCase, this));
    layout->addWidget(scroll, 1);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewCaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewCaseDialog::reject);
    connect(m_panel, &QComboBox::currentIndexChanged, this, &NewCaseDialog::onPanelChanged);

    if (m_panels.empty() && !m_error->isVisible()) {
        m_error->setText(tr("You are not a member of any panel, so you cannot open a case. An administrator "
                            "adds members to panels."));
        m_error->setVisible(true);
    }
    onPanelChanged();
    // Sized to show both columns whole on a 1366 x 768 screen.
    resize(1040, 620);
}

QString NewCaseDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
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

void NewCaseDialog::updateOkButton()
{
    m_ok->setEnabled(currentKind() && m_subject && !m_subject->nameEdit()->text().trimmed().isEmpty());
}

void NewCaseDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void NewCaseDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const PanelKind* kind = currentKind();
    CaseService::NewCase request;
    request.panelId = m_panels[size_t(m_panel->currentIndex())].id;
    request.subject = m_subject->subject();
    request.referralDate = m_referralDate->date();
    request.referrer = m_referrer->text().trimmed();
    request.referringAgencyId = chosenAgency(m_referringAgency);
    request.referralReason = m_referralReason->toPlainText().trimmed();
    request.leadAgencyId = chosenAgency(m_leadAgency);
    request.leadProfessional = m_leadProfessional->text().trimmed();
    request.risk = Risk(m_risk->currentData().toInt());
    request.marking = Marking(m_marking->currentData().toInt());
    request.fields = m_fields ? m_fields->values() : QVariantMap();
    if (const Status valid = kind->validateFields(request.fields); !valid.ok()) {
        showError(valid.error().message);
        return;
    }
    auto created = [&] {
        CoreCall call;
        return m_caseload.cases.create(request);
    }();
    if (!created.ok()) {
        showError(created.error().message);
        return;
    }
    m_createdCaseId = created->id;
    QDialog::accept();
}

} // namespace confer
