#include "partnership/PanelsPage.h"

#include "accounts/AccountService.h"
#include "caseload/Caseload.h"
#include "partnership/NewPanelDialog.h"
#include "partnership/PanelMembersDialog.h"
#include "partnership/PanelsModel.h"
#include "session/Session.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/PageHeader.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace confer {

PanelsPage::PanelsPage(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_model(new PanelsModel(caseload, this))
    , m_table(new QTableView(this))
    , m_newPanel(
          FormFields::button(tr("&New panel\u2026"), QStringLiteral("newPanelButton"), tr("New panel"), this))
    , m_members(FormFields::button(tr("&Members\u2026"), QStringLiteral("panelMembersButton"),
                                   tr("Members of the selected panel"), this))
    , m_error(new ErrorLine(QStringLiteral("panelsError"), this))
{
    setObjectName(QStringLiteral("panelsPage"));
    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("panelsTable"), tr("Panels"));
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    m_table->setColumnWidth(PanelsModel::NameColumn, em * 20);
    m_table->setColumnWidth(PanelsModel::KindColumn, em * 24);
    m_table->setColumnWidth(PanelsModel::ChairColumn, em * 14);

    auto* actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_newPanel);
    actions->addSpacing(12);
    actions->addWidget(m_members);
    actions->addStretch(1);

    QVBoxLayout* layout = PageHeader::layOut(
        this, tr("Panels"),
        tr("The partnership's panels and who sits on them. Membership decides who reads a panel's cases: "
           "administrators manage it, but see no case unless they are members too."));
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_newPanel, &QPushButton::clicked, this, &PanelsPage::openNewPanel);
    connect(m_members, &QPushButton::clicked, this, &PanelsPage::openMembers);
    connect(m_table, &QAbstractItemView::activated, this, &PanelsPage::openMembers);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PanelsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PanelsPage::updateButtons);
}

void PanelsPage::refresh()
{
    const auto selected = selectedPanelId();
    const Status status = m_model->refresh();
    m_error->showStatus(status);
    if (selected)
        selectPanel(*selected);
    updateButtons();
}

void PanelsPage::clear()
{
    m_model->clear();
    m_caseload = nullptr;
}

void PanelsPage::selectPanel(PanelId panelId)
{
    TableSetup::selectRow(m_table, m_model->rowOf(panelId));
}

std::optional<PanelId> PanelsPage::selectedPanelId() const
{
    const Panel* panel = m_model->panelAt(TableSetup::selectedRow(m_table));
    return panel ? std::optional(panel->id) : std::nullopt;
}

void PanelsPage::updateButtons()
{
    m_members->setEnabled(selectedPanelId().has_value());
}

void PanelsPage::openNewPanel()
{
    if (!m_caseload)
        return;
    auto users = m_caseload->session.accounts().users();
    if (!users.ok()) {
        m_error->showMessage(users.error().message);
        return;
    }
    auto* dialog = new NewPanelDialog(m_caseload->panels, m_caseload->kinds, users.value(), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refresh();
        if (const auto created = dialog->createdPanel())
            selectPanel(created->id);
    });
    DialogPresenter::open(dialog);
}

void PanelsPage::openMembers()
{
    if (!m_caseload)
        return;
    const Panel* panel = nullptr;
    if (const auto id = selectedPanelId())
        panel = m_model->panelAt(m_model->rowOf(*id));
    if (!panel)
        return;
    auto users = m_caseload->session.accounts().users();
    if (!users.ok()) {
        m_error->showMessage(users.error().message);
        return;
    }
    auto* dialog = new PanelMembersDialog(m_caseload->panels, *panel, std::move(users.value()), this);
    connect(dialog, &QDialog::finished, this, [this] { refresh(); });
    DialogPresenter::open(dialog);
}

} // namespace confer
