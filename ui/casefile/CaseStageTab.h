#pragma once

#include "casefile/OpenCase.h"
#include "caseload/CaseService.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace confer {

class ErrorLine;
struct Caseload;
class CaseBadge;

// Where the case stands and where it may go: the moves the panel kind allows from here, with any
// gate not yet met shown beside a disabled button, and the reviews the application has scheduled.
class CaseStageTab final : public QWidget {
    Q_OBJECT
public:
    CaseStageTab(Caseload& caseload, QWidget* parent = nullptr);

    void display(const OpenCase& openCase);

    QPushButton* moveButton(const QString& stageKey) const;
    QLabel* blockedReason(const QString& stageKey) const;

signals:
    void caseChanged();

private:
    void rebuildMoves();
    void loadReviews();
    void move(const CaseService::StageOption& option);
    void completeSelectedReview();
    void updateReviewButton();
    void showError(const QString& message);

    Caseload& m_caseload;
    OpenCase m_case;
    CaseBadge* m_stage;
    QLabel* m_stageReason;
    QWidget* m_moves;
    QVBoxLayout* m_movesLayout;
    QLabel* m_noMoves;
    QTableWidget* m_reviews;
    QLabel* m_noReviews;
    QPushButton* m_completeReview;
    ErrorLine* m_error;
    std::vector<ScheduledReviewRecord> m_reviewRecords;
    QHash<QString, QPushButton*> m_moveButtons;
    QHash<QString, QLabel*> m_blockedReasons;
};

} // namespace confer
