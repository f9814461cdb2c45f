#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace confer {

class CaseBadge;
struct OpenCase;

// The top of a case: the way back to the caseload, the reference and subject, and the badges a
// coordinator scans for (panel, stage, risk, marking, next review, obvious when overdue).
class CaseHeader final : public QWidget {
    Q_OBJECT
public:
    explicit CaseHeader(QWidget* parent = nullptr);

    void display(const OpenCase& openCase);
    void showUnavailable();

signals:
    void backRequested();

private:
    QPushButton* m_back;
    QLabel* m_reference;
    QLabel* m_subject;
    QLabel* m_panel;
    QWidget* m_badges;
    CaseBadge* m_stage;
    CaseBadge* m_risk;
    CaseBadge* m_marking;
    CaseBadge* m_review;
};

} // namespace confer
