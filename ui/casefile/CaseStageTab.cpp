#include "casefile/CaseStageTab.h"

#include "casefile/CaseBadge.h"
#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/CompleteReviewDialog.h"
#include "casefile/StageMoveDialog.h"
#include "caseload/Caseload.h"
#include "partnership/PanelKind.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/IdData.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int ReviewIdRole = Qt::UserRole + 1;
} // namespace

CaseStageTab::CaseStageTab(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_stage(new CaseBadge(QString(), CaseBadge::Look::Stage, this))
    , m_stageReason(new QLabel(this))
    , m_moves(new QWidget(this))
    , m_movesLayout(new QVBoxLayout(m_moves))
    , m_noMoves(new QLabel(this))
    , m_reviews(new QTableWidget(0, 4, this))
    , m_noReviews(new QLabel(this))
    , m_completeReview(new QPushButton(tr("&Complete review\u2026"), this))
    , m_error(new ErrorLine(QStringLiteral("stageError"), this))
{
    setObjectName(QStringLiteral("caseStageTab"));
    m_stage->setObjectName(QStringLiteral("currentStageBadge"));
    m_stageReason->setObjectName(QStringLiteral("stageReason"));
    m_stageReason->setTextFormat(Qt::PlainText);
    m_stageReason->setWordWrap(true);
    applyTone(m_stageReason, Tone::Muted);
    m_moves->setAccessibleName(tr("Stage moves"));
    m_movesLayout->setContentsMargins(0, 0, 0, 0);
    m_movesLayout->setSpacing(8);
    m_noMoves->setWordWrap(true);
    applyTone(m_noMoves, Tone::Muted);

    QVBoxLayout* stageLayout = nullptr;
    QFrame* stageCard = CasefileLook::card(this, stageLayout);
    stageLayout->addWidget(CasefileLook::sectionTitle(tr("Stage"), stageCard));
    auto* current = new QHBoxLayout;
    current->setSpacing(10);
    current->addWidget(new QLabel(tr("The case is at"), stageCard));
    current->addWidget(m_stage);
    current->addStretch(1);
    stageLayout->addLayout(current);
    stageLayout->addWidget(m_stageReason);
    stageLayout->addSpacing(6);
    stageLayout->addWidget(CasefileLook::mutedLabel(tr("Moves the panel allows from here:"), stageCard));
    stageLayout->addWidget(m_moves);
    stageLayout->addWidget(m_noMoves);
    stageLayout->addWidget(m_error);
    for (QWidget* widget : {static_cast<QWidget*>(m_stage), static_cast<QWidget*>(m_stageReason), m_moves,
                            static_cast<QWidget*>(m_noMoves), static_cast<QWidget*>(m_error)})
        widget->setParent(stageCard);

    TableSetup::apply(m_reviews, QStringLiteral("scheduledReviewsTable"), tr("Scheduled reviews"));
    m_reviews->setHorizontalHeaderLabels({tr("Review"), tr("Due"), tr("Completed"), tr("Outcome")});
    m_reviews->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // A few reviews at most (Channel schedules two): the card stays compact.
    m_reviews->setMinimumHeight(120);
    m_reviews->setMaximumHeight(240);
    m_noReviews->setText(tr("No reviews are scheduled. Some stages schedule their own (a Channel case's "
                            "reviews 6 and 12 months after exit)."));
    m_noReviews->setWordWrap(true);
    applyTone(m_noReviews, Tone::Muted);
    m_completeReview->setObjectName(QStringLiteral("completeReviewButton"));
    m_completeReview->setAccessibleName(tr("Complete the selected review"));

    QVBoxLayout* reviewLayout = nullptr;
    QFrame* reviewCard = CasefileLook::card(this, reviewLayout);
    reviewLayout->addWidget(CasefileLook::sectionTitle(tr("Scheduled reviews"), reviewCard));
    reviewLayout->addWidget(m_noReviews);
    reviewLayout->addWidget(m_reviews, 1);
    auto* reviewButtons = new QHBoxLayout;
    reviewButtons->addWidget(m_completeReview);
    reviewButtons->addStretch(1);
    reviewLayout->addLayout(reviewButtons);
    for (QWidget* widget : {static_cast<QWidget*>(m_reviews), static_cast<QWidget*>(m_noReviews),
                            static_cast<QWidget*>(m_completeReview)})
        widget->setParent(reviewCard);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->setSpacing(16);
    layout->addWidget(stageCard);
    layout->addWidget(reviewCard);
    layout->addStretch(1);

    connect(m_completeReview, &QPushButton::clicked, this, &CaseStageTab::completeSelectedReview);
    connect(m_reviews, &QTableWidget::itemSelectionChanged, this, &CaseStageTab::updateReviewButton);
    connect(m_reviews, &QTableWidget::cellActivated, this, &CaseStageTab::completeSelectedReview);
}

void CaseStageTab::display(const OpenCase& openCase)
{
    m_case = openCase;
    const QString label = CaseText::stageLabel(openCase.kind, openCase.record.stage);
    m_stage->setText(label);
    m_stage->setAccessibleName(tr("Current stage: %1").arg(label));
    m_stageReason->setText(openCase.record.stageReason.isEmpty()
                               ? QString()
                               : tr("Reason: %1").arg(openCase.record.stageReason));
    m_stageReason->setVisible(!openCase.record.stageReason.isEmpty());
    m_error->setVisible(false);
    rebuildMoves();
    loadReviews();
}

QPushButton* CaseStageTab::moveButton(const QString& stageKey) const
{
    return m_moveButtons.value(stageKey);
}

QLabel* CaseStageTab::blockedReason(const QString& stageKey) const
{
    return m_blockedReasons.value(stageKey);
}

void CaseStageTab::showError(const QString& message)
{
    m_error->showMessage(message);
}

void CaseStageTab::rebuildMoves()
{
    // Later, not now: this may run inside the clicked() of one of these buttons.
    for (QWidget* old : m_moves->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        old->hide();
        old->deleteLater();
    }
    while (QLayoutItem* item = m_movesLayout->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* inner = row->takeAt(0))
                delete inner;
        }
        delete item;
    }
    m_moveButtons.clear();
    m_blockedReasons.clear();
    auto options = [&] {
        CoreCall call;
        return m_caseload.cases.stageOptions(m_case.record.id);
    }();
    if (!options.ok()) {
        showError(options.error().message);
        m_noMoves->setVisible(false);
        return;
    }
    QWidget* previous = nullptr;
    for (const CaseService::StageOption& option : *options) {
        auto* button = new QPushButton(option.needsReason ? tr("Move to %1\u2026").arg(option.label)
                                                          : tr("Move to %1").arg(option.label),
                                       m_moves);
        button->setObjectName(QStringLiteral("move_%1").arg(option.stage));
        button->setAccessibleName(tr("Move to %1").arg(option.label));
        button->setEnabled(option.isAllowed);
        button->setMinimumWidth(220);
        auto* row = new QHBoxLayout;
        row->setSpacing(12);
        row->addWidget(button);
        if (!option.isAllowed) {
            auto* reason = new QLabel(option.blockedBecause, m_moves);
            reason->setObjectName(QStringLiteral("blocked_%1").arg(option.stage));
            reason->setTextFormat(Qt::PlainText);
            reason->setWordWrap(true);
            applyTone(reason, Tone::Warning);
            button->setAccessibleDescription(option.blockedBecause);
            button->setToolTip(option.blockedBecause);
            row->addWidget(reason, 1);
            m_blockedReasons.insert(option.stage, reason);
        } else {
            row->addStretch(1);
        }
        m_movesLayout->addLayout(row);
        m_moveButtons.insert(option.stage, button);
        connect(button, &QPushButton::clicked, this, [this, option] { move(option); });
        // Keyboard order follows the page: the moves in order, then the reviews below them.
        if (previous)
            QWidget::setTabOrder(previous, button);
        previous = button;
    }
    if (previous) {
        QWidget::setTabOrder(previous, m_reviews);
        QWidget::setTabOrder(m_reviews, m_completeReview);
    }
    const bool isClosed = [&] {
        const StageDefinition* stage = m_case.kind ? m_case.kind->stage(m_case.record.stage) : nullptr;
        return stage && stage->isClosed;
    }();
    m_noMoves->setText(isClosed ? tr("The case is closed. The panel kind allows no further moves.")
                                : tr("The panel kind allows no move from this stage."));
    m_noMoves->setVisible(options->empty());
}

void CaseStageTab::move(const CaseService::StageOption& option)
{
    if (!option.isAllowed)
        return;
    if (option.needsReason) {
        const StageDefinition* stage = m_case.kind ? m_case.kind->stage(option.stage) : nullptr;
        auto* dialog = new StageMoveDialog(m_caseload, m_case.record.id, option, stage, this);
        connect(dialog, &QDialog::accepted, this, &CaseStageTab::caseChanged);
        DialogPresenter::open(dialog);
        return;
    }
    const Status status = [&] {
        CoreCall call;
        return m_caseload.cases.moveStage(m_case.record.id, option.stage);
    }();
    if (!status.ok()) {
        showError(status.error().message);
        return;
    }
    emit caseChanged();
}

void CaseStageTab::loadReviews()
{
    auto reviews = [&] {
        CoreCall call;
        return m_caseload.cases.scheduledReviews(m_case.record.id);
    }();
    m_reviews->setRowCount(0);
    m_reviewRecords.clear();
    if (!reviews.ok()) {
        showError(reviews.error().message);
        return;
    }
    m_reviewRecords = *reviews;
    m_reviews->setRowCount(int(m_reviewRecords.size()));
    for (int row = 0; row < int(m_reviewRecords.size()); ++row) {
        const ScheduledReviewRecord& review = m_reviewRecords[size_t(row)];
        auto* label = new QTableWidgetItem(review.label);
        label->setData(ReviewIdRole, idData(review.id));
        m_reviews->setItem(row, 0, label);
        auto* due = new QTableWidgetItem(CaseText::date(review.dueDate));
        if (!review.completedOn && review.dueDate < m_case.today) {
            due->setText(tr("%1 \u2014 overdue").arg(CaseText::date(review.dueDate)));
            due->setForeground(QColor(0xb3, 0x26, 0x1e));
        }
        m_reviews->setItem(row, 1, due);
        m_reviews->setItem(
            row, 2,
            new QTableWidgetItem(review.completedOn ? CaseText::date(*review.completedOn) : tr("Not yet")));
        m_reviews->setItem(row, 3, new QTableWidgetItem(review.outcome));
    }
    m_reviews->resizeColumnsToContents();
    for (int column = 0; column < 3; ++column)
        m_reviews->setColumnWidth(column, qMax(m_reviews->columnWidth(column) + 24, 130));
    m_reviews->setVisible(!m_reviewRecords.empty());
    m_completeReview->setVisible(!m_reviewRecords.empty());
    m_noReviews->setVisible(m_reviewRecords.empty());
    updateReviewButton();
}

void CaseStageTab::updateReviewButton()
{
    const QList<QTableWidgetItem*> selected = m_reviews->selectedItems();
    const int row = selected.isEmpty() ? -1 : selected.first()->row();
    m_completeReview->setEnabled(row >= 0 && row < int(m_reviewRecords.size()) &&
                                 !m_reviewRecords[size_t(row)].completedOn);
}

void CaseStageTab::completeSelectedReview()
{
    if (!m_completeReview->isEnabled())
        return;
    const int row = m_reviews->currentRow();
    if (row < 0 || row >= int(m_reviewRecords.size()))
        return;
    auto* dialog = new CompleteReviewDialog(m_caseload, m_reviewRecords[size_t(row)], m_case.today, this);
    connect(dialog, &QDialog::accepted, this, &CaseStageTab::caseChanged);
    DialogPresenter::open(dialog);
}

} // namespace confer
