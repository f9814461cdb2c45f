#include "casefile/ActionsTab.h"

#include "casefile/ActionDialog.h"
#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/UpdateActionDialog.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace confer {

namespace {
const QColor OverdueColour(0xb3, 0x26, 0x1e);
} // namespace

ActionsTab::ActionsTab(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_add(new QPushButton(tr("&Add action\u2026"), this))
    , m_update(new QPushButton(tr("&Update\u2026"), this))
    , m_count(new QLabel(this))
    , m_error(new ErrorLine(QStringLiteral("actionsError"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_updatesTitle(CasefileLook::sectionTitle(tr("Updates"), this))
    , m_updates(new QTableWidget(0, 4, this))
{
    setObjectName(QStringLiteral("actionsTab"));
    m_add->setObjectName(QStringLiteral("addActionButton"));
    m_add->setAccessibleName(tr("Add action"));
    m_update->setObjectName(QStringLiteral("updateActionButton"));
    m_update->setAccessibleName(tr("Update the selected action"));
    applyTone(m_count, Tone::Muted);

    TableSetup::apply(m_table, QStringLiteral("actionsTable"), tr("Actions"));
    m_table->setHorizontalHeaderLabels(
        {tr("Action"), tr("Owner agency"), tr("Owner"), tr("Due"), tr("Status")});
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    TableSetup::apply(m_updates, QStringLiteral("actionUpdatesTable"), tr("Updates on the selected action"));
    m_updates->setHorizontalHeaderLabels({tr("When"), tr("Status"), tr("By"), tr("Update")});

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 8, 0, 0);
    lowerLayout->setSpacing(6);
    m_updatesTitle->setParent(lower);
    m_updates->setParent(lower);
    lowerLayout->addWidget(m_updatesTitle);
    lowerLayout->addWidget(m_updates, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_add);
    bar->addWidget(m_update);
    bar->addSpacing(8);
    bar->addWidget(m_count, 1);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_add, &QPushButton::clicked, this, &ActionsTab::openAddDialog);
    connect(m_update, &QPushButton::clicked, this, &ActionsTab::openUpdateDialog);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ActionsTab::showUpdatesOfSelected);
    connect(m_table, &QTableWidget::cellActivated, this, &ActionsTab::openUpdateDialog);
}

void ActionsTab::display(const OpenCase& openCase)
{
    m_case = openCase;
    reload();
}

int ActionsTab::selectedRow() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    return selected.isEmpty() ? -1 : selected.first()->row();
}

void ActionsTab::reload()
{
    const int previousRow = selectedRow();
    const std::optional<ActionId> previousId = previousRow >= 0 && previousRow < int(m_actions.size())
                                                   ? std::optional(m_actions[size_t(previousRow)].id)
                                                   : std::nullopt;
    auto actions = [&] {
        CoreCall call;
        return m_caseload.actions.forCase(m_case.record.id);
    }();
    m_table->setRowCount(0);
    m_actions.clear();
    if (!actions.ok()) {
        m_error->showMessage(actions.error().message);
        showUpdatesOfSelected();
        return;
    }
    m_error->setVisible(false);
    m_actions = *actions;
    int open = 0;
    int overdue = 0;
    m_table->setRowCount(int(m_actions.size()));
    for (int row = 0; row < int(m_actions.size()); ++row) {
        const CaseAction& action = m_actions[size_t(row)];
        open += action.status == CaseAction::Status::Open ? 1 : 0;
        overdue += action.isOverdue ? 1 : 0;
        auto* description = new QTableWidgetItem(action.description.simplified());
        description->setToolTip(action.description);
        m_table->setItem(row, DescriptionColumn, description);
        m_table->setItem(row, AgencyColumn, new QTableWidgetItem(action.ownerAgencyName));
        m_table->setItem(row, PersonColumn, new QTableWidgetItem(action.ownerPerson));
        auto* due = new QTableWidgetItem(CaseText::date(action.dueDate));
        auto* status = new QTableWidgetItem(actionStatusDisplayName(action.status));
        if (action.isOverdue) {
            due->setText(tr("%1 \u2014 overdue").arg(CaseText::date(action.dueDate)));
            QFont bold = due->font();
            bold.setBold(true);
            for (QTableWidgetItem* item : {due, status}) {
                item->setForeground(OverdueColour);
                item->setFont(bold);
            }
        }
        m_table->setItem(row, DueColumn, due);
        m_table->setItem(row, StatusColumn, status);
    }
    m_table->resizeColumnsToContents();
    for (int column = AgencyColumn; column < ColumnCount; ++column)
        m_table->setColumnWidth(column, qMax(m_table->columnWidth(column) + 28, 120));
    m_count->setText(m_actions.empty() ? tr("No actions yet.")
                     : overdue         ? tr("%1 open, %2 overdue").arg(open).arg(overdue)
                                       : tr("%1 open").arg(open));
    applyTone(m_count, overdue ? Tone::Bad : Tone::Muted);
    for (int row = 0; row < int(m_actions.size()); ++row) {
        if (m_actions[size_t(row)].id == previousId)
            m_table->selectRow(row);
    }
    if (selectedRow() < 0 && !m_actions.empty())
        m_table->selectRow(0);
    showUpdatesOfSelected();
}

void ActionsTab::showUpdatesOfSelected()
{
    const int row = selectedRow();
    m_update->setEnabled(row >= 0);
    m_updates->setRowCount(0);
    if (row < 0 || row >= int(m_actions.size())) {
        m_updatesTitle->setText(tr("Updates"));
        return;
    }
    const CaseAction& action = m_actions[size_t(row)];
    m_updatesTitle->setText(tr("Updates: %1").arg(action.description.simplified()));
    auto updates = [&] {
        CoreCall call;
        return m_caseload.actions.updates(action.id);
    }();
    if (!updates.ok()) {
        m_error->showMessage(updates.error().message);
        return;
    }
    m_updates->setRowCount(int(updates->size()));
    for (int i = 0; i < int(updates->size()); ++i) {
        const ActionUpdate& update = (*updates)[size_t(i)];
        m_updates->setItem(i, 0, new QTableWidgetItem(CaseText::dateTime(update.atUtc)));
        m_updates->setItem(i, 1, new QTableWidgetItem(actionStatusDisplayName(update.status)));
        m_updates->setItem(i, 2, new QTableWidgetItem(update.byName));
        m_updates->setItem(i, 3, new QTableWidgetItem(update.text.simplified()));
        m_updates->item(i, 3)->setToolTip(update.text);
    }
    m_updates->resizeColumnsToContents();
    for (int column = 0; column < 3; ++column)
        m_updates->setColumnWidth(column, qMax(m_updates->columnWidth(column) + 28, 120));
}

void ActionsTab::openAddDialog()
{
    auto* dialog = new ActionDialog(m_caseload, m_case.record.id, m_case.agencies, m_case.today, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        reload();
        if (const std::optional<CaseAction> added = dialog->addedAction()) {
            for (int row = 0; row < int(m_actions.size()); ++row) {
                if (m_actions[size_t(row)].id == added->id)
                    m_table->selectRow(row);
            }
        }
        emit actionsChanged();
    });
    DialogPresenter::open(dialog);
}

void ActionsTab::openUpdateDialog()
{
    const int row = selectedRow();
    if (row < 0 || row >= int(m_actions.size()))
        return;
    auto* dialog = new UpdateActionDialog(m_caseload, m_actions[size_t(row)], this);
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        emit actionsChanged();
    });
    DialogPresenter::open(dialog);
}

} // namespace confer
