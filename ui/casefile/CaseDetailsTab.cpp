#include "casefile/CaseDetailsTab.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/KindFieldForm.h"
#include "casefile/OptionalDateEdit.h"
#include "casefile/SubjectForm.h"
#include "caseload/Caseload.h"
#include "partnership/PanelKind.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

CaseDetailsTab::CaseDetailsTab(Caseload& caseload, const OpenCase& openCase, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_case(openCase)
    , m_risk(new QComboBox(this))
    , m_leadAgency(new QComboBox(this))
    , m_leadProfessional(new QLineEdit(this))
    , m_nextReview(new OptionalDateEdit(tr("Next review"), this))
    , m_marking(new QComboBox(this))
    , m_referral(new QLabel(this))
    , m_referralReason(new QPlainTextEdit(this))
    , m_subject(new SubjectForm(openCase.kind ? openCase.kind->subjectTypes : QStringList(), false, this))
    , m_fields(new KindFieldForm(*openCase.kind, openCase.kind->fields,
                                 KindFieldForm::TimeSeries::RecordedSeparately, this))
    , m_save(new QPushButton(tr("&Save changes"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("detailsError"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("caseDetailsTab"));
    m_risk->setObjectName(QStringLiteral("riskBox"));
    m_risk->setAccessibleName(tr("Risk"));
    for (Risk risk : {Risk::Unassessed, Risk::Green, Risk::Amber, Risk::Red})
        m_risk->addItem(riskDisplayName(risk), int(risk));
    m_leadAgency->setObjectName(QStringLiteral("leadAgencyBox"));
    m_leadAgency->setAccessibleName(tr("Lead agency"));
    m_leadAgency->addItem(tr("Not set"), qint64(0));
    for (const Agency& agency : openCase.agencies)
        m_leadAgency->addItem(agency.name, agency.id);
    m_leadProfessional->setObjectName(QStringLiteral("leadProfessionalEdit"));
    m_leadProfessional->setAccessibleName(tr("Lead professional"));
    m_leadProfessional->setMaxLength(200);
    m_nextReview->setObjectName(QStringLiteral("nextReviewEdit"));
    m_marking->setObjectName(QStringLiteral("markingBox"));
    m_marking->setAccessibleName(tr("Protective marking"));
    for (Marking marking : {Marking::OfficialSensitive, Marking::Official})
        m_marking->addItem(markingDisplayName(marking), int(marking));
    m_referral->setObjectName(QStringLiteral("referralSummary"));
    m_referral->setAccessibleName(tr("Referral"));
    m_referral->setTextFormat(Qt::PlainText);
    m_referral->setWordWrap(true);
    m_referralReason->setObjectName(QStringLiteral("referralReasonEdit"));
    m_referralReason->setAccessibleName(tr("Reason for referral"));
    m_referralReason->setTabChangesFocus(true);
    m_referralReason->setFixedHeight(m_referralReason->fontMetrics().lineSpacing() * 4 + 14);

    // Left: the case and the referral; right: the subject and the kind's own fields.
    QVBoxLayout* caseLayout = nullptr;
    QFrame* caseCard = CasefileLook::card(this, caseLayout);
    caseLayout->addWidget(CasefileLook::sectionTitle(tr("Case"), caseCard));
    QFormLayout* caseForm = CasefileLook::form();
    CasefileLook::addFormRow(caseForm, tr("&Risk:"), m_risk, caseCard);
    CasefileLook::addFormRow(caseForm, tr("Lead &agency:"), m_leadAgency, caseCard);
    CasefileLook::addFormRow(caseForm, tr("Lead &professional:"), m_leadProfessional, caseCard);
    CasefileLook::addFormRow(caseForm, tr("&Next review:"), m_nextReview, caseCard);
    CasefileLook::addFormRow(caseForm, tr("&Marking:"), m_marking, caseCard);
    caseLayout->addLayout(caseForm);

    QVBoxLayout* referralLayout = nullptr;
    QFrame* referralCard = CasefileLook::card(this, referralLayout);
    referralLayout->addWidget(CasefileLook::sectionTitle(tr("Referral"), referralCard));
    QFormLayout* referralForm = CasefileLook::form();
    CasefileLook::addFormRow(referralForm, tr("Referred:"), m_referral, referralCard);
    CasefileLook::addFormRow(referralForm, tr("Reason:"), m_referralReason, referralCard);
    referralLayout->addLayout(referralForm);

    QVBoxLayout* subjectLayout = nullptr;
    QFrame* subjectCard = CasefileLook::card(this, subjectLayout);
    subjectLayout->addWidget(CasefileLook::sectionTitle(tr("Subject"), subjectCard));
    subjectLayout->addWidget(m_subject);

    QVBoxLayout* fieldsLayout = nullptr;
    QFrame* fieldsCard = CasefileLook::card(this, fieldsLayout);
    fieldsLayout->addWidget(CasefileLook::sectionTitle(openCase.kind->name, fieldsCard));
    if (m_fields->isEmpty())
        fieldsLayout->addWidget(
            CasefileLook::mutedLabel(tr("This kind of panel records no further details."), fieldsCard));
    fieldsLayout->addWidget(m_fields);
    fieldsLayout->addWidget(CasefileLook::mutedLabel(tr("* required"), fieldsCard));

    auto* columns = new QWidget;
    auto* grid = new QGridLayout(columns);
    grid->setContentsMargins(0, 0, 8, 0);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(16);
    auto* left = new QVBoxLayout;
    left->setSpacing(16);
    left->addWidget(caseCard);
    left->addWidget(referralCard);
    auto* right = new QVBoxLayout;
    right->setSpacing(16);
    right->addWidget(fieldsCard);
    // The subject goes under the shorter column, so the two stay about even.
    const bool isKindFormLong =
        fieldsCard->sizeHint().height() > caseCard->sizeHint().height() + referralCard->sizeHint().height();
    (isKindFormLong ? left : right)->addWidget(subjectCard);
    left->addStretch(1);
    right->addStretch(1);
    grid->addLayout(left, 0, 0);
    grid->addLayout(right, 0, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    for (QFrame* card : {caseCard, referralCard, subjectCard, fieldsCard})
        card->setParent(columns);

    QScrollArea* scroll = CasefileLook::scrollArea(columns, this);
    scroll->setObjectName(QStringLiteral("detailsScroll"));

    m_save->setObjectName(QStringLiteral("primaryButton"));
    m_save->setAccessibleName(tr("Save changes"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setAccessibleName(tr("Revert to the stored details"));
    m_status->setObjectName(QStringLiteral("detailsStatus"));
    m_status->setAccessibleName(tr("Status"));
    applyTone(m_status, Tone::Muted);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(10);
    bar->addWidget(m_save);
    bar->addWidget(m_revert);
    bar->addSpacing(8);
    bar->addWidget(m_status, 1);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
    layout->addLayout(bar);

    connect(m_save, &QPushButton::clicked, this, &CaseDetailsTab::save);
    connect(m_revert, &QPushButton::clicked, this, &CaseDetailsTab::revert);
    connect(m_risk, &QComboBox::currentIndexChanged, this, &CaseDetailsTab::markDirty);
    connect(m_leadAgency, &QComboBox::currentIndexChanged, this, &CaseDetailsTab::markDirty);
    connect(m_marking, &QComboBox::currentIndexChanged, this, &CaseDetailsTab::markDirty);
    connect(m_leadProfessional, &QLineEdit::textChanged, this, &CaseDetailsTab::markDirty);
    connect(m_referralReason, &QPlainTextEdit::textChanged, this, &CaseDetailsTab::markDirty);
    connect(m_nextReview, &OptionalDateEdit::changed, this, &CaseDetailsTab::markDirty);
    connect(m_subject, &SubjectForm::changed, this, &CaseDetailsTab::markDirty);
    connect(m_fields, &KindFieldForm::changed, this, &CaseDetailsTab::markDirty);
    connect(m_fields, &KindFieldForm::recordValueRequested, this, &CaseDetailsTab::recordValueRequested);
    display(openCase);
}

void CaseDetailsTab::display(const OpenCase& openCase)
{
    m_case = openCase;
    const CaseRecord& record = openCase.record;
    {
        const QSignalBlocker blocks[] = {
            QSignalBlocker(m_risk),       QSignalBlocker(m_leadAgency), QSignalBlocker(m_leadProfessional),
            QSignalBlocker(m_nextReview), QSignalBlocker(m_marking),    QSignalBlocker(m_referralReason),
            QSignalBlocker(m_subject),    QSignalBlocker(m_fields)};
        m_risk->setCurrentIndex(m_risk->findData(int(record.risk)));
        m_leadAgency->setCurrentIndex(qMax(0, m_leadAgency->findData(record.leadAgencyId.value_or(0))));
        m_leadProfessional->setText(record.leadProfessional);
        m_nextReview->setSuggestedDate(openCase.today);
        m_nextReview->setDate(record.nextReview);
        m_marking->setCurrentIndex(m_marking->findData(int(record.marking)));
        m_referralReason->setPlainText(record.referralReason);
        m_subject->setSubject(record.subject);
        m_subject->setSuggestedDate(openCase.today.addYears(-18));
        m_fields->setSuggestedDate(openCase.today);
        m_fields->setValues(record.fields);
    }
    QStringList referral;
    referral << CaseText::date(record.referralDate);
    if (!record.referrer.isEmpty())
        referral << tr("by %1").arg(record.referrer);
    if (const QString agency = openCase.agencyName(record.referringAgencyId); !agency.isEmpty())
        referral << tr("(%1)").arg(agency);
    m_referral->setText(referral.join(QLatin1Char(' ')));
    m_isDirty = false;
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    m_error->setVisible(false);
}

void CaseDetailsTab::setFieldHistory(const QString& fieldKey, const QStringList& lines)
{
    m_fields->setHistory(fieldKey, lines);
}

QString CaseDetailsTab::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void CaseDetailsTab::markDirty()
{
    m_isDirty = true;
    m_save->setEnabled(true);
    m_revert->setEnabled(true);
    m_status->setText(tr("Unsaved changes"));
}

void CaseDetailsTab::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
    m_status->clear();
}

void CaseDetailsTab::revert()
{
    display(m_case);
    m_status->setText(tr("Showing the details as stored."));
}

void CaseDetailsTab::save()
{
    const CaseRecord& stored = m_case.record;
    CaseService::Details details;
    details.risk = Risk(m_risk->currentData().toInt());
    const qint64 leadAgency = m_leadAgency->currentData().toLongLong();
    details.leadAgencyId = leadAgency ? std::optional<qint64>(leadAgency) : std::nullopt;
    details.leadProfessional = m_leadProfessional->text().trimmed();
    details.nextReview = m_nextReview->date();
    details.marking = Marking(m_marking->currentData().toInt());
    details.fields = m_fields->values();
    details.referralReason = m_referralReason->toPlainText().trimmed();
    const Subject subject = m_subject->subject();

    // Everything is checked before anything is written, so a refused save changes nothing.
    if (subject.name.isEmpty()) {
        showError(tr("Give the subject's name."));
        m_subject->nameEdit()->setFocus();
        return;
    }
    if (const Status valid = m_case.kind->validateFields(details.fields); !valid.ok()) {
        showError(valid.error().message);
        return;
    }
    const bool isSubjectChanged =
        subject.name != stored.subject.name || subject.aliases != stored.subject.aliases ||
        subject.dateOfBirth != stored.subject.dateOfBirth || subject.gender != stored.subject.gender ||
        subject.address != stored.subject.address || subject.postcode != stored.subject.postcode;
    const Status status = [&]() -> Status {
        CoreCall call;
        if (const Status updated = m_caseload.cases.updateDetails(stored.id, details); !updated.ok())
            return updated;
        if (isSubjectChanged)
            return m_caseload.cases.updateSubject(stored.id, subject);
        return Status::success();
    }();
    if (!status.ok()) {
        showError(status.error().message);
        return;
    }
    m_error->setVisible(false);
    m_isDirty = false;
    m_status->setText(tr("Saved."));
    emit saved();
}

} // namespace confer
