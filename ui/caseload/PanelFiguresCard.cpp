#include "caseload/PanelFiguresCard.h"

#include "caseload/FigureTile.h"
#include "partnership/PanelKind.h"
#include "shell/AppStyle.h"
#include "shell/Tone.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QVBoxLayout>
#include <QValueAxis>

namespace confer {

namespace {
constexpr int BarRowHeight = 24;
const QColor BarColour(0x4a, 0x7a, 0xa6);
const QColor ClosedBarColour(0xb9, 0xc4, 0xce);
const QColor AxisTextColour(0x3b, 0x46, 0x50);
} // namespace

PanelFiguresCard::PanelFiguresCard(const DashboardService::PanelFigures& figures, const PanelKind* kind,
                                   QWidget* parent)
    : QFrame(parent)
    , m_figures(figures)
    , m_kind(kind)
{
    AppStyle::setLook(this, AppStyle::Look::InfoCard);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(figures.panelName);

    auto* title = new QLabel(figures.panelName, this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto* kindName = new QLabel(kind ? kind->name : figures.kindKey, this);
    kindName->setTextFormat(Qt::PlainText);
    applyTone(kindName, Tone::Muted);

    auto* heading = new QHBoxLayout;
    heading->setSpacing(10);
    heading->addWidget(title);
    heading->addStretch(1);
    heading->addWidget(kindName, 0, Qt::AlignBottom);

    FigureTile* open = addTile(Figure::OpenCases, tr("Open cases"), false, true);
    open->setValue(figures.openCases, tr("%1 open cases: show them in the caseload").arg(figures.openCases));
    FigureTile* reviews = addTile(Figure::OverdueReviews, tr("Overdue reviews"), true, true);
    reviews->setValue(figures.overdueReviews,
                      tr("%1 overdue reviews: show those cases in the caseload").arg(figures.overdueReviews));
    // Actions belong to agencies, not to a caseload filter: this one is read, not pressed.
    FigureTile* actions = addTile(Figure::OverdueActions, tr("Overdue actions"), true, false);
    actions->setValue(figures.overdueActions, tr("%1 overdue actions").arg(figures.overdueActions));
    FigureTile* red = addTile(Figure::RedRisk, tr("Red risk"), true, true);
    red->setValue(figures.redRisk,
                  tr("%1 cases at red risk: show them in the caseload").arg(figures.redRisk));

    // Figures on the left in two pairs, the chart beside them: a card stays short enough for two
    // to show at 1366x768.
    auto* tiles = new QGridLayout;
    tiles->setSpacing(8);
    for (int i = 0; i < m_tiles.size(); ++i)
        tiles->addWidget(m_tiles[i].second, i / 2, i % 2);
    tiles->setRowStretch(2, 1);

    auto* chartTitle = new QLabel(tr("Cases by stage (closed stages in grey)"), this);
    applyTone(chartTitle, Tone::Muted);
    m_chartView = makeChart();
    auto* chartColumn = new QVBoxLayout;
    chartColumn->setSpacing(4);
    chartColumn->addWidget(chartTitle);
    chartColumn->addWidget(m_chartView);
    chartColumn->addStretch(1);

    auto* body = new QHBoxLayout;
    body->setSpacing(24);
    body->addLayout(tiles, 0);
    body->addLayout(chartColumn, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 16);
    layout->setSpacing(12);
    layout->addLayout(heading);
    layout->addLayout(body, 1);
}

FigureTile* PanelFiguresCard::addTile(Figure figure, const QString& caption, bool needsAttention,
                                      bool isClickable)
{
    auto* tile = new FigureTile(
        caption, needsAttention ? FigureTile::Attention::WhenAboveZero : FigureTile::Attention::None,
        isClickable, this);
    m_tiles << qMakePair(figure, tile);
    if (isClickable) {
        connect(tile, &QPushButton::clicked, this, [this, figure] {
            CaseloadQuery::Filter filter;
            filter.panelId = m_figures.panelId;
            filter.isOverdueOnly = figure == Figure::OverdueReviews;
            if (figure == Figure::RedRisk)
                filter.risk = Risk::Red;
            emit caseloadRequested(filter);
        });
    }
    return tile;
}

FigureTile* PanelFiguresCard::tile(Figure figure) const
{
    for (const auto& [which, tile] : m_tiles) {
        if (which == figure)
            return tile;
    }
    return nullptr;
}

QBarSet* PanelFiguresCard::makeBars(QStringList& labels, QStringList& spoken, int& largest)
{
    // Qt Charts draws the first category at the bottom: feed the stages last first, so they read
    // top to bottom in the kind's order.
    auto* bars = new QBarSet(tr("Cases"));
    bars->setColor(BarColour);
    bars->setBorderColor(BarColour);
    bars->setLabelColor(AxisTextColour);
    for (auto it = m_figures.casesByStage.crbegin(); it != m_figures.casesByStage.crend(); ++it) {
        labels << it->first;
        *bars << it->second;
        largest = qMax(largest, it->second);
    }
    QList<int> closedBars;
    for (int i = 0; i < m_figures.casesByStage.size(); ++i) {
        const auto& [label, count] = m_figures.casesByStage[i];
        spoken << tr("%1: %2").arg(label).arg(count);
        const StageDefinition* stage = nullptr;
        if (m_kind) {
            for (const StageDefinition& candidate : m_kind->stages) {
                if (candidate.label == label)
                    stage = &candidate;
            }
        }
        m_stageKeys << (stage ? stage->key : QString());
        // Bars were fed last stage first.
        if (stage && stage->isClosed)
            closedBars << int(m_figures.casesByStage.size()) - 1 - i;
    }
    // Closed stages stay on the axis (so every card of a kind reads alike) but step back in grey.
    bars->setSelectedColor(ClosedBarColour);
    bars->selectBars(closedBars);
    return bars;
}

QChart* PanelFiguresCard::makeBarChart(QBarSet* bars, const QStringList& labels, int largest) const
{
    auto* series = new QHorizontalBarSeries;
    series->append(bars);
    series->setBarWidth(0.72);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));

    auto* chart = new QChart;
    chart->addSeries(series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundVisible(false);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);

    auto* stages = new QBarCategoryAxis;
    stages->append(labels);
    stages->setGridLineVisible(false);
    stages->setLineVisible(false);
    stages->setLabelsColor(AxisTextColour);
    // Stage names are short; eliding them to "..." would leave the chart unreadable.
    stages->setTruncateLabels(false);
    stages->setLabelsFont(font());
    chart->addAxis(stages, Qt::AlignLeft);
    series->attachAxis(stages);

    // The counts are printed on the bars: the value axis only sets the scale, with room for them.
    auto* counts = new QValueAxis;
    counts->setRange(0, qMax(1.0, largest * 1.15 + 1));
    counts->setVisible(false);
    counts->setGridLineVisible(false);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
    return chart;
}

QChartView* PanelFiguresCard::makeChart()
{
    QStringList labels;
    QStringList spoken;
    int largest = 0;
    QBarSet* bars = makeBars(labels, spoken, largest);
    auto* view = new QChartView(makeBarChart(bars, labels, largest), this);
    view->setObjectName(QStringLiteral("stageChart"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::NoFocus);
    view->setFrameShape(QFrame::NoFrame);
    view->setStyleSheet(QStringLiteral("background: transparent;"));
    view->setAccessibleName(tr("Cases by stage in %1").arg(m_figures.panelName));
    view->setAccessibleDescription(spoken.join(QStringLiteral(", ")));
    view->setToolTip(tr("Choose a bar to see those cases in the caseload."));
    view->setFixedHeight(qMax(int(labels.size()), 3) * BarRowHeight + 12);
    view->setCursor(Qt::PointingHandCursor);
    connect(bars, &QBarSet::clicked, this, &PanelFiguresCard::requestStage);
    return view;
}

void PanelFiguresCard::requestStage(int barIndex)
{
    // Bars were fed last stage first.
    const int stageIndex = int(m_stageKeys.size()) - 1 - barIndex;
    if (stageIndex < 0 || stageIndex >= m_stageKeys.size() || m_stageKeys[stageIndex].isEmpty())
        return;
    CaseloadQuery::Filter filter;
    filter.panelId = m_figures.panelId;
    filter.stage = m_stageKeys[stageIndex];
    if (m_kind) {
        if (const StageDefinition* stage = m_kind->stage(filter.stage))
            filter.includesClosed = stage->isClosed;
    }
    emit caseloadRequested(filter);
}

} // namespace confer
