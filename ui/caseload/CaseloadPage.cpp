#include "caseload/CaseloadPage.h"

#include "casefile/CasefileLook.h"
#include "casefile/NewCaseDialog.h"
#include "caseload/Caseload.h"
#include "caseload/CaseloadModel.h"
#include "caseload/RiskBadgeDelegate.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "shell/AppStyle.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/PageHeader.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int StageIsClosedRole = Qt::UserRole + 1;

} // namespace

CaseloadPage::CaseloadPage(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_model(new CaseloadModel(caseload, this))
    , m_table(new QTableView(this))
    , m_filterEdit(FormFields::lineEdit(QStringLiteral("caseloadFilter"),
                                        tr("Filter cases by reference, name or postcode"), 100, this))
    , m_panelBox(FormFields::comboBox(QStringLiteral("caseloadPanelFilter"), tr("Panel"), this))
    , m_stageBox(FormFields::comboBox(QStringLiteral("caseloadStageFilter"), tr("Stage"), this))
    , m_riskBox(FormFields::comboBox(QStringLiteral("caseloadRiskFilter"), tr("Risk"), this))
    , m_overdueCheck(new QCheckBox(tr("&Overdue reviews only"), this))
    , m_includeClosedCheck(new QCheckBox(tr("Include c&losed cases"), this))
    , m_count(FormFields::text(QString(), Tone::Muted, this))
    , m_error(new ErrorLine(QStringLiteral("caseloadError"), this))
    , m_noPanels(FormFields::text(QString(), Tone::Normal, this))
    , m_content(new QWidget(this))
    , m_newCase(
          FormFields::button(tr("&New case\u2026"), QStringLiteral("newCaseButton"), tr("New case"), this))
    , m_clearFilters(FormFields::button(tr("Clear filters"), QStringLiteral("clearFiltersButton"),
                                        tr("Clear filters"), this))
    , m_filterTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("caseloadPage"));
    setUpControls(caseload.session.isAdministrator());
    setUpTable();

    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(10);
    contentLayout->addLayout(makeFilterRow());
    contentLayout->addLayout(makeOptionsRow());
    contentLayout->addWidget(m_error);
    contentLayout->addWidget(m_table, 1);
    CasefileLook::chainTabOrder({m_filterEdit, m_panelBox, m_stageBox, m_riskBox, m_overdueCheck,
                                 m_includeClosedCheck, m_clearFilters, m_newCase, m_table});

    QVBoxLayout* layout =
        PageHeader::layOut(this, tr("Caseload"),
                           tr("The cases of the panels you sit on. Type to filter by reference, name or "
                              "postcode; press Enter or double-click to open a case."));
    layout->addWidget(m_noPanels);
    layout->addWidget(m_content, 1);
    layout->addStretch(0);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connectControls();
}

void CaseloadPage::setUpControls(bool isAdministrator)
{
    m_filterEdit->setPlaceholderText(tr("Filter by reference, name or postcode (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(300);
    m_filterEdit->installEventFilter(this);
    auto* findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    addAction(findAction);

    m_panelBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stageBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_riskBox->addItem(tr("Any risk"));
    for (Risk risk : {Risk::Red, Risk::Amber, Risk::Green, Risk::Unassessed})
        m_riskBox->addItem(riskDisplayName(risk), riskKey(risk));
    m_overdueCheck->setObjectName(QStringLiteral("caseloadOverdueOnly"));
    m_overdueCheck->setAccessibleName(tr("Overdue reviews only"));
    m_includeClosedCheck->setObjectName(QStringLiteral("caseloadIncludeClosed"));
    m_includeClosedCheck->setAccessibleName(tr("Include closed cases"));
    m_count->setObjectName(QStringLiteral("caseloadCount"));
    m_count->setAccessibleName(tr("Number of cases shown"));

    AppStyle::setLook(m_newCase, AppStyle::Look::PrimaryButton);
    m_newCase->setToolTip(tr("Refer a new case to one of your panels."));
    AppStyle::setLook(m_clearFilters, AppStyle::Look::LinkButton);
    m_clearFilters->setCursor(Qt::PointingHandCursor);
    m_clearFilters->setVisible(false);

    m_noPanels->setObjectName(QStringLiteral("noPanelsNotice"));
    AppStyle::setLook(m_noPanels, AppStyle::Look::InfoCard);
    m_noPanels->setAccessibleName(tr("No panels"));
    m_noPanels->setContentsMargins(18, 14, 18, 14);
    m_noPanels->setText(
        isAdministrator
            ? tr("You are not a member of any panel, so no cases are shown. Administrators manage panels "
                 "and their members, but read the cases only of panels they belong to.")
            : tr("You are not a member of any panel yet, so there are no cases to show. Ask an "
                 "administrator to add you to the panels you sit on."));
    m_noPanels->setVisible(false);
}

void CaseloadPage::setUpTable()
{
    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("caseloadTable"), tr("Cases"));
    m_table->setItemDelegateForColumn(CaseloadModel::RiskColumn, new RiskBadgeDelegate(m_table));
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionsClickable(true);
    columns->setSortIndicatorShown(true);
    columns->setSortIndicator(CaseloadModel::columnFor(m_model->sortOrder().key),
                              m_model->sortOrder().isAscending ? Qt::AscendingOrder : Qt::DescendingOrder);
    // Fixed widths for what has a known size (reference, badge, date); the names share the rest.
    QFont bold = m_table->font();
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics boldMetrics(bold);
    columns->setStretchLastSection(false);
    columns->setMinimumSectionSize(60);
    columns->setSectionResizeMode(CaseloadModel::ReferenceColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(CaseloadModel::ReferenceColumn,
                            boldMetrics.horizontalAdvance(QStringLiteral("CHANNEL-2026-0000")) + 24);
    m_table->setColumnWidth(CaseloadModel::RiskColumn,
                            boldMetrics.horizontalAdvance(riskDisplayName(Risk::Unassessed)) + 40);
    m_table->setColumnWidth(CaseloadModel::NextReviewColumn,
                            boldMetrics.horizontalAdvance(QStringLiteral("00 May 0000")) + 60);
    for (int column : {CaseloadModel::SubjectColumn, CaseloadModel::PanelColumn, CaseloadModel::StageColumn,
                       CaseloadModel::LeadAgencyColumn})
        columns->setSectionResizeMode(column, QHeaderView::Stretch);
}

QHBoxLayout* CaseloadPage::makeFilterRow()
{
    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_filterEdit, 1);
    filters->addSpacing(8);
    for (auto [text, box] : {std::pair{tr("&Panel:"), m_panelBox}, std::pair{tr("&Stage:"), m_stageBox},
                             std::pair{tr("&Risk:"), m_riskBox}}) {
        if (box != m_panelBox)
            filters->addSpacing(4);
        auto* label = new QLabel(text, m_content);
        label->setBuddy(box);
        filters->addWidget(label);
        filters->addWidget(box);
    }
    return filters;
}

QHBoxLayout* CaseloadPage::makeOptionsRow()
{
    auto* options = new QHBoxLayout;
    options->setSpacing(18);
    options->addWidget(m_overdueCheck);
    options->addWidget(m_includeClosedCheck);
    options->addStretch(1);
    options->addWidget(m_count);
    options->addWidget(m_clearFilters);
    options->addSpacing(6);
    options->addWidget(m_newCase);
    return options;
}

void CaseloadPage::connectControls()
{
    connect(m_filterTimer, &QTimer::timeout, this, &CaseloadPage::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this] { m_filterTimer->start(); });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &CaseloadPage::applyPendingFilter);
    connect(m_panelBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_isFillingControls)
            return;
        fillStageBox();
        applyFilter();
    });
    for (QComboBox* box : {m_stageBox, m_riskBox}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_isFillingControls)
                applyFilter();
        });
    }
    for (QCheckBox* check : {m_overdueCheck, m_includeClosedCheck}) {
        connect(check, &QCheckBox::toggled, this, [this] {
            if (!m_isFillingControls)
                applyFilter();
        });
    }
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &CaseloadPage::onSortIndicatorChanged);
    connect(m_table, &QAbstractItemView::activated, this, &CaseloadPage::onActivated);
    connect(m_newCase, &QPushButton::clicked, this, &CaseloadPage::openNewCaseDialog);
    connect(m_clearFilters, &QPushButton::clicked, this, &CaseloadPage::clearFilters);
}

void CaseloadPage::refresh()
{
    if (!m_caseload)
        return;
    m_memberPanels.clear();
    auto panels = m_caseload->panels.myActivePanels();
    if (!panels.ok()) {
        showError(panels.error().message);
        return;
    }
    m_memberPanels = std::move(panels).value();
    const bool hasPanels = !m_memberPanels.empty();
    m_noPanels->setVisible(!hasPanels);
    m_content->setVisible(hasPanels);
    m_newCase->setVisible(hasPanels);
    fillPanelBox();
    fillStageBox();

    m_filterTimer->stop();
    const int currentRow = m_table->currentIndex().row();
    const qint64 currentId = m_table->currentIndex().data(CaseloadModel::CaseIdRole).toLongLong();
    const Status status = m_model->reload(filterFromControls());
    m_error->showStatus(status);
    showCount();
    if (currentId) {
        // Read the page the case was on, so it can be found again if it is still there.
        (void)m_model->caseAt(currentRow);
        selectCase(currentId);
    }
}

void CaseloadPage::clear()
{
    m_filterTimer->stop();
    m_model->clear();
    m_caseload = nullptr;
}

void CaseloadPage::fillPanelBox()
{
    const qint64 chosen = m_panelBox->currentData().toLongLong();
    m_isFillingControls = true;
    m_panelBox->clear();
    m_panelBox->addItem(tr("All my panels"));
    for (const Panel& panel : m_memberPanels)
        m_panelBox->addItem(panel.name, panel.id);
    const int index = chosen ? m_panelBox->findData(chosen) : 0;
    m_panelBox->setCurrentIndex(qMax(index, 0));
    m_isFillingControls = false;
}

void CaseloadPage::fillStageBox()
{
    if (!m_caseload)
        return;
    const QString chosen = m_stageBox->currentData().toString();
    const qint64 panelId = m_panelBox->currentData().toLongLong();
    m_isFillingControls = true;
    m_stageBox->clear();
    m_stageBox->addItem(tr("Any stage"));
    // One panel: its kind's stages in order. All panels: every kind's stages, each key once.
    QStringList seen;
    for (const Panel& panel : m_memberPanels) {
        if (panelId && panel.id != panelId)
            continue;
        const PanelKind* kind = m_caseload->kinds.kind(panel.kindKey);
        if (!kind)
            continue;
        for (const StageDefinition& stage : kind->stages) {
            if (seen.contains(stage.key))
                continue;
            seen << stage.key;
            m_stageBox->addItem(stage.label, stage.key);
            m_stageBox->setItemData(m_stageBox->count() - 1, stage.isClosed, StageIsClosedRole);
        }
    }
    const int index = chosen.isEmpty() ? 0 : m_stageBox->findData(chosen);
    m_stageBox->setCurrentIndex(qMax(index, 0));
    m_isFillingControls = false;
}

CaseloadQuery::Filter CaseloadPage::filterFromControls() const
{
    CaseloadQuery::Filter filter;
    filter.text = m_filterEdit->text().trimmed();
    if (const qint64 panelId = m_panelBox->currentData().toLongLong())
        filter.panelId = panelId;
    filter.stage = m_stageBox->currentData().toString();
    if (const QString risk = m_riskBox->currentData().toString(); !risk.isEmpty())
        filter.risk = riskFromKey(risk);
    filter.isOverdueOnly = m_overdueCheck->isChecked();
    // Asking for a closed stage asks for closed cases.
    filter.includesClosed =
        m_includeClosedCheck->isChecked() || m_stageBox->currentData(StageIsClosedRole).toBool();
    return filter;
}

void CaseloadPage::applyPendingFilter()
{
    if (m_filterTimer->isActive())
        applyFilter();
}

bool CaseloadPage::isFilterPending() const
{
    return m_filterTimer->isActive();
}

void CaseloadPage::applyFilter()
{
    m_filterTimer->stop();
    if (!m_caseload)
        return;
    const Status status = m_model->setFilter(filterFromControls());
    m_error->showStatus(status);
    showCount();
}

void CaseloadPage::showFiltered(const CaseloadQuery::Filter& filter)
{
    m_isFillingControls = true;
    m_filterEdit->setText(filter.text);
    m_panelBox->setCurrentIndex(qMax(filter.panelId ? m_panelBox->findData(*filter.panelId) : 0, 0));
    m_isFillingControls = false;
    fillStageBox();
    m_isFillingControls = true;
    m_stageBox->setCurrentIndex(qMax(filter.stage.isEmpty() ? 0 : m_stageBox->findData(filter.stage), 0));
    m_riskBox->setCurrentIndex(qMax(filter.risk ? m_riskBox->findData(riskKey(*filter.risk)) : 0, 0));
    m_overdueCheck->setChecked(filter.isOverdueOnly);
    m_includeClosedCheck->setChecked(filter.includesClosed);
    m_isFillingControls = false;
    applyFilter();
}

void CaseloadPage::clearFilters()
{
    showFiltered({});
    m_filterEdit->setFocus(Qt::OtherFocusReason);
}

void CaseloadPage::showCount()
{
    const CaseloadQuery::Filter& filter = m_model->filter();
    m_clearFilters->setVisible(!filter.text.isEmpty() || filter.panelId || !filter.stage.isEmpty() ||
                               filter.risk || filter.isOverdueOnly || filter.includesClosed);
    if (m_model->lastError()) {
        m_count->clear();
        return;
    }
    const int count = m_model->rowCount();
    if (count == 0)
        m_count->setText(tr("No cases match these filters"));
    else if (count == 1)
        m_count->setText(tr("1 case"));
    else
        m_count->setText(tr("%1 cases").arg(QLocale().toString(count)));
}

void CaseloadPage::showError(const QString& message)
{
    m_error->showMessage(message);
}

void CaseloadPage::selectCase(qint64 caseId)
{
    const int row = m_model->cachedRowOf(caseId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, CaseloadModel::ReferenceColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void CaseloadPage::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (!CaseloadModel::sortKeyFor(column)) {
        // Not a column the store sorts by: put the arrow back where the order really is.
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(CaseloadModel::columnFor(m_model->sortOrder().key),
                                                      m_model->sortOrder().isAscending ? Qt::AscendingOrder
                                                                                       : Qt::DescendingOrder);
        return;
    }
    m_model->sort(column, order);
}

void CaseloadPage::onActivated(const QModelIndex& index)
{
    const qint64 caseId = index.data(CaseloadModel::CaseIdRole).toLongLong();
    if (caseId)
        emit caseRequested(caseId);
}

bool CaseloadPage::eventFilter(QObject* watched, QEvent* event)
{
    // Down from the filter goes straight to the cases, so the keyboard never needs Tab to reach them.
    if (watched == m_filterEdit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        applyPendingFilter();
        m_table->setFocus(Qt::OtherFocusReason);
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, CaseloadModel::ReferenceColumn));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CaseloadPage::openNewCaseDialog()
{
    if (!m_caseload || m_memberPanels.empty())
        return;
    auto* dialog = new NewCaseDialog(*m_caseload, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const qint64 caseId = dialog->createdCaseId();
        refresh();
        if (caseId) {
            selectCase(caseId);
            emit caseRequested(caseId);
        }
    });
    DialogPresenter::open(dialog);
}

} // namespace confer
