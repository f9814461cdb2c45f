#include "casefile/CaseHeader.h"

#include "casefile/CaseBadge.h"
#include "casefile/CaseText.h"
#include "casefile/OpenCase.h"
#include "partnership/PanelKind.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

CaseHeader::CaseHeader(QWidget* parent)
    : QWidget(parent)
    , m_back(new QPushButton(tr("\u2190 &Back to caseload"), this))
    , m_reference(new QLabel(this))
    , m_subject(new QLabel(this))
    , m_panel(new QLabel(this))
    , m_badges(new QWidget(this))
    , m_stage(new CaseBadge(QString(), CaseBadge::Look::Stage, m_badges))
    , m_risk(new CaseBadge(QString(), CaseBadge::Look::Neutral, m_badges))
    , m_marking(new CaseBadge(QString(), CaseBadge::Look::Marking, m_badges))
    , m_review(new CaseBadge(QString(), CaseBadge::Look::Neutral, m_badges))
{
    setObjectName(QStringLiteral("caseHeader"));
    m_back->setObjectName(QStringLiteral("backToCaseloadButton"));
    m_back->setAccessibleName(tr("Back to caseload"));
    m_back->setToolTip(tr("Back to the caseload (Esc)"));

    m_reference->setObjectName(QStringLiteral("caseReference"));
    m_reference->setTextFormat(Qt::PlainText);
    m_reference->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_reference->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    m_reference->setFont(titleFont);
    m_subject->setObjectName(QStringLiteral("caseSubject"));
    m_subject->setTextFormat(Qt::PlainText);
    QFont subjectFont = m_subject->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.3);
    m_subject->setFont(subjectFont);
    m_panel->setObjectName(QStringLiteral("casePanel"));
    m_panel->setTextFormat(Qt::PlainText);
    applyTone(m_panel, Tone::Muted);
    m_stage->setObjectName(QStringLiteral("stageBadge"));
    m_risk->setObjectName(QStringLiteral("riskBadge"));
    m_marking->setObjectName(QStringLiteral("caseMarkingBadge"));
    m_review->setObjectName(QStringLiteral("reviewBadge"));

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(14);
    titleRow->addWidget(m_reference, 0, Qt::AlignBaseline);
    titleRow->addWidget(m_subject, 0, Qt::AlignBaseline);
    titleRow->addStretch(1);
    titleRow->addWidget(m_back, 0, Qt::AlignVCenter);

    auto* badges = new QHBoxLayout(m_badges);
    badges->setContentsMargins(0, 0, 0, 0);
    badges->setSpacing(8);
    badges->addWidget(m_panel);
    badges->addSpacing(6);
    badges->addWidget(m_stage);
    badges->addWidget(m_risk);
    badges->addWidget(m_review);
    badges->addWidget(m_marking);
    badges->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(titleRow);
    layout->addWidget(m_badges);

    connect(m_back, &QPushButton::clicked, this, &CaseHeader::backRequested);
}

void CaseHeader::display(const OpenCase& openCase)
{
    const CaseRecord& record = openCase.record;
    m_reference->setText(record.reference);
    m_reference->setAccessibleName(tr("Case reference %1").arg(record.reference));
    m_subject->setText(record.subject.name);
    m_subject->setAccessibleName(tr("Subject: %1").arg(record.subject.name));
    m_panel->setText(openCase.panel.name);
    m_panel->setAccessibleName(tr("Panel: %1").arg(openCase.panel.name));

    const StageDefinition* stage = openCase.kind ? openCase.kind->stage(record.stage) : nullptr;
    const QString stageLabel = CaseText::stageLabel(openCase.kind, record.stage);
    m_stage->setText(stageLabel);
    m_stage->setAccessibleName(tr("Stage: %1").arg(stageLabel));
    m_stage->setLook(stage && stage->isClosed ? CaseBadge::Look::Neutral : CaseBadge::Look::Stage);
    m_risk->showRisk(record.risk);
    m_marking->setText(markingDisplayName(record.marking));
    m_marking->setAccessibleName(tr("Protective marking: %1").arg(markingDisplayName(record.marking)));

    const ReviewDue& due = openCase.reviewDue;
    if (!due.date) {
        m_review->setText(tr("No review set"));
        m_review->setLook(CaseBadge::Look::Neutral);
    } else if (due.isOverdue) {
        m_review->setText(tr("Review overdue since %1").arg(CaseText::date(*due.date)));
        m_review->setLook(CaseBadge::Look::Bad);
    } else {
        m_review->setText(tr("Next review %1").arg(CaseText::date(*due.date)));
        m_review->setLook(CaseBadge::Look::Neutral);
    }
    m_review->setAccessibleName(m_review->text());
    m_badges->setVisible(true);
}

void CaseHeader::showUnavailable()
{
    m_reference->setText(tr("Case not available"));
    m_reference->setAccessibleName(m_reference->text());
    m_subject->clear();
    m_panel->clear();
    m_badges->setVisible(false);
}

} // namespace confer
