#pragma once

#include "caseload/CaseloadQuery.h"
#include "caseload/DashboardService.h"

#include <QFrame>

class QBarSet;
class QChart;
class QChartView;
class QLabel;

namespace confer {

class FigureTile;
struct PanelKind;

// One panel on the dashboard: its name and kind, four figures (open cases, overdue reviews, overdue
// actions, red risk) and its cases by stage as a horizontal bar chart, closed stages in grey. A
// figure or a bar asks for the caseload filtered to the cases behind it.
class PanelFiguresCard final : public QFrame {
    Q_OBJECT
public:
    enum class Figure { OpenCases, OverdueReviews, OverdueActions, RedRisk };

    PanelFiguresCard(const DashboardService::PanelFigures& figures, const PanelKind* kind,
                     QWidget* parent = nullptr);

    PanelId panelId() const { return m_figures.panelId; }
    FigureTile* tile(Figure figure) const;

signals:
    void caseloadRequested(const CaseloadQuery::Filter& filter);

private:
    FigureTile* addTile(Figure figure, const QString& caption, bool needsAttention, bool isClickable);
    QBarSet* makeBars(QStringList& labels, QStringList& spoken, int& largest);
    QChart* makeBarChart(QBarSet* bars, const QStringList& labels, int largest) const;
    QChartView* makeChart();
    void requestStage(int barIndex);

    DashboardService::PanelFigures m_figures;
    const PanelKind* m_kind;
    QList<QPair<Figure, FigureTile*>> m_tiles;
    QStringList m_stageKeys; // per bar, top to bottom as the figures list them; empty when unknown
    QChartView* m_chartView = nullptr;
};

} // namespace confer
