#pragma once

#include "caseload/CaseloadQuery.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;

namespace confer {

class ErrorLine;
class PanelFiguresCard;
struct Caseload;

// Each panel the user sits on at a glance (DashboardService): its cases by stage as a bar chart,
// overdue reviews, overdue actions and red risk. Pressing a figure opens the caseload filtered to
// the cases behind it.
class DashboardPage final : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(Caseload& caseload, QWidget* parent = nullptr);

    // Reads the store again. A page starts empty: the workspace refreshes it each time it is shown,
    // so unlocking does not wait for pages nobody has opened.
    void refresh();
    // Drops every card and forgets the services before the session goes.
    void clear();

    QList<PanelFiguresCard*> cards() const { return m_cards; }

signals:
    void caseloadRequested(const CaseloadQuery::Filter& filter);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void removeCards();
    // One column of cards on a laptop screen, two where there is room for both side by side.
    void placeCards();

    Caseload* m_caseload;
    QScrollArea* m_scroll;
    QWidget* m_content;
    QGridLayout* m_grid;
    QLabel* m_asOf;
    QLabel* m_empty;
    ErrorLine* m_error;
    QList<PanelFiguresCard*> m_cards;
    int m_columns = 0;
};

} // namespace confer
