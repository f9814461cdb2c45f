#include "caseload/DashboardPage.h"

#include "caseload/Caseload.h"
#include "caseload/PanelFiguresCard.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "shell/AppStyle.h"
#include "shell/ErrorLine.h"
#include "shell/PageHeader.h"
#include "shell/Tone.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int PageMargin = 32;
constexpr int CardSpacing = 16;
constexpr int MinimumCardWidth = 720;

// The figure tiles' look, kept with the page that uses them.
const char* const dashboardStyle = R"(
QScrollArea#dashboardScroll, QWidget#dashboardContent { background: transparent; }
QPushButton#figureButton, QPushButton#figureTile { background: #f7f9fb; border: 1px solid #dde3e8;
    border-radius: 6px; text-align: left; }
QPushButton#figureButton:hover { background: #eef3f8; border-color: #9fb6cc; }
QPushButton#figureButton:pressed { background: #dce7f2; }
QPushButton#figureButton:focus { border: 2px solid #24527a; }
)";
} // namespace

DashboardPage::DashboardPage(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget(m_scroll))
    , m_grid(new QGridLayout)
    , m_asOf(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_error(new ErrorLine(QStringLiteral("dashboardError"), this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    setStyleSheet(QString::fromLatin1(dashboardStyle));
    auto* header = new PageHeader(tr("Dashboard"),
                                  tr("Each of your panels at a glance: where its cases stand and what is "
                                     "overdue. Choose a figure or a bar to see those cases."),
                                  this);
    m_asOf->setObjectName(QStringLiteral("dashboardAsOf"));
    applyTone(m_asOf, Tone::Muted);

    m_empty->setObjectName(QStringLiteral("dashboardEmpty"));
    AppStyle::setLook(m_empty, AppStyle::Look::InfoCard);
    m_empty->setAccessibleName(tr("No panels"));
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(18, 14, 18, 14);
    m_empty->setVisible(false);

    m_content->setObjectName(QStringLiteral("dashboardContent"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(CardSpacing);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 4, 0);
    contentLayout->addLayout(m_grid);
    contentLayout->addStretch(1);

    m_scroll->setObjectName(QStringLiteral("dashboardScroll"));
    m_scroll->setAccessibleName(tr("Panels"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(m_content);
    m_scroll->viewport()->setAutoFillBackground(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(PageMargin, 24, PageMargin, 12);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addWidget(m_asOf);
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll, 1);
}

void DashboardPage::removeCards()
{
    for (PanelFiguresCard* card : std::as_const(m_cards)) {
        m_grid->removeWidget(card);
        delete card;
    }
    m_cards.clear();
}

void DashboardPage::refresh()
{
    if (!m_caseload)
        return;
    removeCards();
    auto figures = m_caseload->dashboard.figures();
    m_error->showStatus(figures);
    if (!figures.ok())
        return;
    const QDate today = m_caseload->session.clock().today();
    m_asOf->setText(
        tr("Figures as of %1.").arg(QLocale().toString(today, QStringLiteral("dddd d MMMM yyyy"))));

    for (const DashboardService::PanelFigures& panel : figures.value()) {
        auto* card = new PanelFiguresCard(panel, m_caseload->kinds.kind(panel.kindKey), m_content);
        connect(card, &PanelFiguresCard::caseloadRequested, this, &DashboardPage::caseloadRequested);
        m_cards << card;
    }
    m_columns = 0;
    placeCards();
    const bool isEmpty = m_cards.isEmpty();
    m_empty->setVisible(isEmpty);
    m_scroll->setVisible(!isEmpty);
    m_asOf->setVisible(!isEmpty);
    if (isEmpty) {
        m_empty->setText(m_caseload->session.isAdministrator()
                             ? tr("You are not a member of any panel, so there are no figures to show. "
                                  "Administrators manage panels, but see the cases only of panels they "
                                  "belong to.")
                             : tr("You are not a member of any panel yet, so there are no figures to show. "
                                  "Ask an administrator to add you to the panels you sit on."));
    }
}

void DashboardPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeCards();
}

void DashboardPage::placeCards()
{
    const int available = width() - 2 * PageMargin;
    const int columns = available >= 2 * MinimumCardWidth + CardSpacing ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (PanelFiguresCard* card : std::as_const(m_cards))
        m_grid->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i)
        m_grid->addWidget(m_cards[i], i / columns, i % columns);
    for (int column = 0; column < 2; ++column)
        m_grid->setColumnStretch(column, column < columns ? 1 : 0);
}

void DashboardPage::clear()
{
    removeCards();
    m_caseload = nullptr;
}

} // namespace confer
