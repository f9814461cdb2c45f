#include "casefile/CaseDetailsTab.h"

#include "casefile/CaseChoices.h"
#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/KindFieldForm.h"
#include "casefile/OptionalDateEdit.h"
#include "casefile/SubjectForm.h"
#include "caseload/Caseload.h"
#include "partnership/PanelKind.h"
#include "shell/AppStyle.h"
#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
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
    , m_risk(FormFields::comboBox(QStringLiteral("riskBox"), tr("Risk"), this))
    , m_leadAgency(FormFields::comboBox(QStringLiteral("leadAgencyBox"), tr("Lead agency"), this))
    , m_leadProfessional(
          FormFields::lineEdit(QStringLiteral("leadProfessionalEdit"), tr("Lead professional"), 200, this))
    , m_nextReview(new OptionalDateEdit(tr("Next review"), this))
    , m_marking(FormFields::comboBox(QStringLiteral("markingBox"), tr("Protective marking"), this))
    , m_referral(FormFields::text(QString(), Tone::Normal, this))
    , m_referralReason(
          FormFields::textEdit(QStringLiteral("referralReasonEdit"), tr("Reason for referral"), 4, this))
    , m_subject(new SubjectForm(openCase.kind ? openCase.kind->subjectTypes : QStringList(), false, this))
    , m_fields(new KindFieldForm(*openCase.kind, openCase.kind->fields,
                                 KindFieldForm::TimeSeries::RecordedSeparately, this))
    , m_save(FormFields::button(tr("&Save changes"), QStringLiteral("saveDetailsButton"), tr("Save changes"),
                                this))
    , m_revert(FormFields::button(tr("Re&vert"), QStringLiteral("revertButton"),
                                  tr("Revert to the stored details"), this))
    , m_error(new ErrorLine(QStringLiteral("detailsError"), this))
    , m_status(FormFields::text(QString(), Tone::Muted, this))
{
    setObjectName(QStringLiteral("caseDetailsTab"));
    CaseChoices::addRisks(m_risk);
    CaseChoices::addAgencies(m_leadAgency, openCase.agencies, tr("Not set"));
    CaseChoices::addMarkings(m_marking);
    m_nextReview->setObjectName(QStringLiteral("nextReviewEdit"));
    m_referral->setObjectName(QStringLiteral("referralSummary"));
    m_referral->setAccessibleName(tr("Referral"));
    AppStyle::setLook(m_save, AppStyle::Look::PrimaryButton);
    m_status->setObjectName(QStringLiteral("detailsStatus"));
    m_status->setAccessibleName(tr("Status"));

    auto* bar = new QHBoxLayout;
    bar->setSpacing(10);
    bar->addWidget(m_save);
    bar->addWidget(m_revert);
    bar->addSpacing(8);
    bar->addWidget(m_status, 1);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->addWidget(makeCards(openCase.kind->name), 1);
    layout->addWidget(m_error);
    layout->addLayout(bar);

    connect(m_save, &QPushButton::clicked, this, &CaseDetailsTab::save);
    connect(m_revert, &QPushButton::clicked, this, &CaseDetailsTab::revert);
    for (QComboBox* box : {m_risk, m_leadAgency, m_marking})
        connect(box, &QComboBox::currentIndexChanged, this, &CaseDetailsTab::markDirty);
    connect(m_leadProfessional, &QLineEdit::textChanged, this, &CaseDetailsTab::markDirty);
    connect(m_referralReason, &QPlainTextEdit::textChanged, this, &CaseDetailsTab::markDirty);
    connect(m_nextReview, &OptionalDateEdit::changed, this, &CaseDetailsTab::markDirty);
    connect(m_subject, &SubjectForm::changed, this, &CaseDetailsTab::markDirty);
    connect(m_fields, &KindFieldForm::changed, this, &CaseDetailsTab::markDirty);
    connect(m_fields, &KindFieldForm::recordValueRequested, this, &CaseDetailsTab::recordValueRequested);
    display(openCase);
}

QScrollArea* CaseDetailsTab::makeCards(const QString& kindName)
{
    // Left: the case and the referral; right: the kind's own fields; the subject under the shorter.
    QFrame* caseCard = CasefileLook::formCard(tr("Case"),
                                              {{tr("&Risk:"), m_risk},
                                               {tr("Lead &agency:"), m_leadAgency},
                                               {tr("Lead &professional:"), m_leadProfessional},
                                               {tr("&Next review:"), m_nextReview},
                                               {tr("&Marking:"), m_marking}},
                                              this);
    QFrame* referralCard = CasefileLook::formCard(
        tr("Referral"), {{tr("Referred:"), m_referral}, {tr("Reason:"), m_referralReason}}, this);
    QVBoxLayout* subjectLayout = nullptr;
    QFrame* subjectCard = CasefileLook::formCard(tr("Subject"), {}, this, &subjectLayout);
    subjectLayout->addWidget(m_subject);
    QVBoxLayout* fieldsLayout = nullptr;
    QFrame* fieldsCard = CasefileLook::formCard(kindName, {}, this, &fieldsLayout);
    if (m_fields->isEmpty())
        fieldsLayout->addWidget(
            CasefileLook::mutedLabel(tr("This kind of panel records no further details."), fieldsCard));
    fieldsLayout->addWidget(m_fields);
    fieldsLayout->addWidget(CasefileLook::mutedLabel(tr("* required"), fieldsCard));

    // The subject goes under the shorter column, so the two stay about even.
    const bool isKindFormLong =
        fieldsCard->sizeHint().height() > caseCard->sizeHint().height() + referralCard->sizeHint().height();
    QList<QWidget*> left{caseCard, referralCard};
    QList<QWidget*> right{fieldsCard};
    (isKindFormLong ? left : right) << subjectCard;
    QScrollArea* scroll = CasefileLook::twoColumns(left, right, this);
    scroll->setObjectName(QStringLiteral("detailsScroll"));
    return scroll;
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
        m_leadAgency->setCurrentIndex(
            qMax(0, (record.leadAgencyId ? m_leadAgency->findData(idData(*record.leadAgencyId)) : 0)));
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

void CaseDetailsTab::markDirty()
{
    m_isDirty = true;
    m_save->setEnabled(true);
    m_revert->setEnabled(true);
    m_status->setText(tr("Unsaved changes"));
}

void CaseDetailsTab::showError(const QString& message)
{
    m_error->showMessage(message);
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
    details.leadAgencyId = idFromData<AgencyId>(m_leadAgency->currentData());
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
