#include "partnership/AgenciesPage.h"

#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "partnership/AgenciesModel.h"
#include "partnership/AgencyDialog.h"
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

AgenciesPage::AgenciesPage(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_canEdit(caseload.session.isAdministrator() ||
                caseload.session.currentUser().role == Role::Coordinator)
    , m_model(new AgenciesModel(caseload.agencies, this))
    , m_table(new QTableView(this))
    , m_add(FormFields::button(tr("&Add agency\u2026"), QStringLiteral("addAgencyButton"), tr("Add agency"),
                               this))
    , m_edit(FormFields::button(tr("&Edit\u2026"), QStringLiteral("editAgencyButton"),
                                tr("Edit the selected agency"), this))
    , m_error(new ErrorLine(QStringLiteral("agenciesError"), this))
{
    setObjectName(QStringLiteral("agenciesPage"));
    m_add->setVisible(m_canEdit);
    m_edit->setVisible(m_canEdit);
    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("agenciesTable"), tr("Agencies"));
    auto* actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_add);
    actions->addWidget(m_edit);
    actions->addStretch(1);

    QVBoxLayout* layout = PageHeader::layOut(
        this, tr("Agencies"),
        m_canEdit ? tr("The partner organisations that share information under the protocol, with who signed "
                       "it for each and whom to contact. Administrators and coordinators keep this list.")
                  : tr("The partner organisations that share information under the protocol, with who signed "
                       "it for each and whom to contact."));
    if (m_canEdit)
        layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &AgenciesPage::openAddAgency);
    connect(m_edit, &QPushButton::clicked, this, &AgenciesPage::openEditAgency);
    if (m_canEdit)
        connect(m_table, &QAbstractItemView::activated, this, &AgenciesPage::openEditAgency);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AgenciesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AgenciesPage::updateButtons);
}

void AgenciesPage::refresh()
{
    const auto selected = selectedAgencyId();
    const Status status = m_model->refresh();
    m_error->showStatus(status);
    // Fitted to what the directory holds, within reason; the contact takes the rest.
    m_table->resizeColumnsToContents();
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (int column = 0; column < AgenciesModel::ContactColumn; ++column) {
        const int cap = column == AgenciesModel::NameColumn ? em * 24 : em * 14;
        m_table->setColumnWidth(column, qMin(m_table->columnWidth(column) + 24, cap));
    }
    if (selected)
        selectAgency(*selected);
    updateButtons();
}

void AgenciesPage::clear()
{
    m_model->clear();
    m_caseload = nullptr;
}

void AgenciesPage::selectAgency(AgencyId agencyId)
{
    TableSetup::selectRow(m_table, m_model->rowOf(agencyId));
}

std::optional<AgencyId> AgenciesPage::selectedAgencyId() const
{
    const Agency* agency = m_model->agencyAt(TableSetup::selectedRow(m_table));
    return agency ? std::optional(agency->id) : std::nullopt;
}

void AgenciesPage::updateButtons()
{
    m_edit->setEnabled(selectedAgencyId().has_value());
}

void AgenciesPage::openAddAgency()
{
    if (!m_caseload || !m_canEdit)
        return;
    const QDate today = m_caseload->session.clock().today();
    auto* dialog = new AgencyDialog(m_caseload->agencies, std::nullopt, today, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refresh();
        if (const auto saved = dialog->savedAgency())
            selectAgency(saved->id);
    });
    DialogPresenter::open(dialog);
}

void AgenciesPage::openEditAgency()
{
    if (!m_caseload || !m_canEdit)
        return;
    const auto selected = selectedAgencyId();
    const Agency* agency = selected ? m_model->agencyAt(m_model->rowOf(*selected)) : nullptr;
    if (!agency)
        return;
    const AgencyId id = agency->id;
    const QDate today = m_caseload->session.clock().today();
    auto* dialog = new AgencyDialog(m_caseload->agencies, *agency, today, this);
    connect(dialog, &QDialog::accepted, this, [this, id] {
        refresh();
        selectAgency(id);
    });
    DialogPresenter::open(dialog);
}

} // namespace confer
