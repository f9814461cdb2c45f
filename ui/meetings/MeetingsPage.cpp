#include "meetings/MeetingsPage.h"

#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "meetings/Meetings.h"
#include "meetings/MeetingsModel.h"
#include "meetings/PlanMeetingDialog.h"
#include "meetings/ReasonDialog.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"
#include "shell/PageHeader.h"
#include "shell/TableSetup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace confer {

namespace {
// Enables a button, or disables it with the reason as its tooltip.
void allow(QPushButton* button, const QString& whyNot)
{
    button->setEnabled(whyNot.isEmpty());
    button->setToolTip(whyNot);
}
} // namespace

MeetingsPage::MeetingsPage(Caseload& caseload, Meetings& meetings, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_meetings(&meetings)
    , m_model(new MeetingsModel(meetings, this))
    , m_panelBox(FormFields::comboBox(QStringLiteral("meetingsPanelFilter"), tr("Panel"), this))
    , m_table(new QTableView(this))
    , m_empty(FormFields::text(QString(), Tone::Muted, this))
    , m_plan(FormFields::button(tr("&Plan meeting\u2026"), QStringLiteral("planMeetingButton"),
                                tr("Plan meeting"), this))
    , m_planner(FormFields::button(tr("Agenda and &invitees"), QStringLiteral("openPlannerButton"),
                                   tr("Open the planner"), this))
    , m_open(FormFields::button(tr("&Open meeting"), QStringLiteral("openMeetingButton"), tr("Open meeting"),
                                this))
    , m_enter(FormFields::button(tr("&Enter room"), QStringLiteral("enterRoomButton"), tr("Enter the room"),
                                 this))
    , m_cancel(FormFields::button(tr("&Cancel meeting\u2026"), QStringLiteral("cancelMeetingButton"),
                                  tr("Cancel meeting"), this))
    , m_error(new ErrorLine(QStringLiteral("meetingsError"), this))
{
    setObjectName(QStringLiteral("meetingsPage"));
    m_empty->setObjectName(QStringLiteral("meetingsEmpty"));
    m_panelBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("meetingsTable"), tr("Meetings"));
    m_table->horizontalHeader()->setStretchLastSection(true);

    QVBoxLayout* layout = PageHeader::layOut(
        this, tr("Meetings"),
        tr("The meetings of the panels you sit on, upcoming first. The chair and coordinators of a panel "
           "plan, open and run its meetings; double-click a meeting to go in."));
    layout->addLayout(makeActionRow());
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);

    connect(m_panelBox, &QComboBox::currentIndexChanged, this, &MeetingsPage::refresh);
    connect(m_plan, &QPushButton::clicked, this, &MeetingsPage::openPlanDialog);
    connect(m_open, &QPushButton::clicked, this, &MeetingsPage::openMeeting);
    connect(m_cancel, &QPushButton::clicked, this, &MeetingsPage::openCancelDialog);
    connect(m_enter, &QPushButton::clicked, this, &MeetingsPage::enterSelected);
    connect(m_planner, &QPushButton::clicked, this, [this] {
        if (const MeetingListRow* row = selectedRow())
            emit plannerRequested(row->summary.id);
    });
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        if (m_enter->isEnabled())
            enterSelected();
        else if (m_planner->isEnabled())
            m_planner->click();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MeetingsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MeetingsPage::updateButtons);
}

QLayout* MeetingsPage::makeActionRow()
{
    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    auto* panelLabel = new QLabel(tr("P&anel:"), this);
    panelLabel->setBuddy(m_panelBox);
    row->addWidget(panelLabel);
    row->addWidget(m_panelBox);
    row->addSpacing(12);
    for (QPushButton* button : {m_plan, m_planner, m_open, m_enter, m_cancel})
        row->addWidget(button);
    row->addStretch(1);
    return row;
}

void MeetingsPage::fillPanelFilter()
{
    const auto chosen = chosenPanel();
    QSignalBlocker blocker(m_panelBox);
    m_panelBox->clear();
    m_panelBox->addItem(tr("All my panels"));
    auto panels = m_caseload->panels.panels();
    if (!panels.ok()) {
        m_error->showStatus(panels.error());
        return;
    }
    m_panels = std::move(panels.value());
    for (const Panel& panel : m_panels)
        m_panelBox->addItem(panel.name, idData(panel.id));
    if (chosen)
        m_panelBox->setCurrentIndex(qMax(0, m_panelBox->findData(idData(*chosen))));
}

std::optional<PanelId> MeetingsPage::chosenPanel() const
{
    return idFromData<PanelId>(m_panelBox->currentData());
}

std::vector<Panel> MeetingsPage::plannablePanels() const
{
    std::vector<Panel> plannable;
    const auto chosen = chosenPanel();
    for (const Panel& panel : m_panels) {
        if ((!chosen || panel.id == *chosen) && !panel.isArchived && m_meetings->access.mayLead(panel.id))
            plannable.push_back(panel);
    }
    return plannable;
}

void MeetingsPage::refresh()
{
    if (!m_caseload)
        return;
    CoreCall call;
    const auto selected = selectedRow() ? std::optional(selectedRow()->summary.id) : std::nullopt;
    if (m_panelBox->count() == 0)
        fillPanelFilter();
    const Status status = m_model->refresh(chosenPanel(), m_caseload->session.clock().today());
    m_error->showStatus(status);
    m_empty->setText(tr("No meetings yet. The chair or a coordinator of a panel plans its meetings here."));
    m_empty->setVisible(status.ok() && m_model->rowCount() == 0);
    m_table->resizeColumnsToContents();
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (int column = 0; column < MeetingsModel::ChairColumn; ++column)
        m_table->setColumnWidth(column, qMin(m_table->columnWidth(column) + 24, em * 22));
    if (selected)
        selectMeeting(*selected);
    updateButtons();
}

void MeetingsPage::clear()
{
    m_model->clear();
    m_panelBox->clear();
    m_panels.clear();
    m_caseload = nullptr;
    m_meetings = nullptr;
}

void MeetingsPage::selectMeeting(MeetingId meetingId)
{
    TableSetup::selectRow(m_table, m_model->rowOf(meetingId));
}

const MeetingListRow* MeetingsPage::selectedRow() const
{
    return m_model->meetingAt(TableSetup::selectedRow(m_table));
}

void MeetingsPage::updateButtons()
{
    if (!m_meetings)
        return;
    allow(m_plan, !plannablePanels().empty()
                      ? QString()
                      : tr("Only the chair or a coordinator of the panel can plan its meetings."));
    const MeetingListRow* row = selectedRow();
    const QString noneChosen = tr("Choose a meeting first.");
    if (!row) {
        for (QPushButton* button : {m_planner, m_open, m_enter, m_cancel})
            allow(button, noneChosen);
        return;
    }
    const MeetingSummary& meeting = row->summary;
    const bool mayLead = m_meetings->access.mayLead(meeting.panelId);
    const QString notLead = tr("Only the chair or a coordinator of the meeting's panel can do that.");
    const bool isPlanned = meeting.status == MeetingStatus::Planned;
    allow(m_planner, !isPlanned ? tr("Only a planned meeting is planned.") : mayLead ? QString() : notLead);
    allow(m_cancel, !isPlanned ? tr("Only a planned meeting can be cancelled.")
                    : mayLead  ? QString()
                               : notLead);
    const QDate today = m_caseload->session.clock().today();
    allow(m_open, !isPlanned             ? tr("This meeting is not waiting to be opened.")
                  : !mayLead             ? notLead
                  : meeting.date > today ? tr("A meeting can be opened on its day.")
                                         : QString());
    const bool isClosed = meeting.status == MeetingStatus::Closed;
    m_enter->setText(isClosed ? tr("&View meeting") : tr("&Enter room"));
    allow(m_enter, !row->details ? tr("A meeting's contents are for its panel's members.")
                   : meeting.status == MeetingStatus::Open || isClosed
                       ? QString()
                       : tr("The room opens when the meeting is opened."));
}

void MeetingsPage::enterSelected()
{
    if (const MeetingListRow* row = selectedRow(); row && m_enter->isEnabled())
        emit roomRequested(row->summary.id);
}

void MeetingsPage::openPlanDialog()
{
    if (!m_meetings || !m_plan->isEnabled())
        return;
    auto* dialog = new PlanMeetingDialog(m_meetings->meetings, plannablePanels(), std::nullopt,
                                         m_caseload->session.clock().today(), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refresh();
        if (const auto saved = dialog->savedMeetingId())
            emit plannerRequested(*saved);
    });
    DialogPresenter::open(dialog);
}

void MeetingsPage::openMeeting()
{
    const MeetingListRow* row = selectedRow();
    if (!m_meetings || !row || !m_open->isEnabled())
        return;
    const MeetingId id = row->summary.id;
    CoreCall call;
    const Status opened = m_meetings->meetings.open(id);
    m_error->showStatus(opened);
    if (!opened.ok())
        return;
    refresh();
    emit roomRequested(id);
}

void MeetingsPage::openCancelDialog()
{
    const MeetingListRow* row = selectedRow();
    if (!m_meetings || !row || !m_cancel->isEnabled())
        return;
    const MeetingId id = row->summary.id;
    MeetingService& service = m_meetings->meetings;
    auto* dialog = new ReasonDialog(
        tr("Cancel meeting"),
        tr("Cancel %1 on %2? The reason is kept with the meeting.")
            .arg(row->summary.reference, QLocale().toString(row->summary.date, QLocale::LongFormat)),
        tr("Cancel meeting"), [&service, id](const QString& reason) { return service.cancel(id, reason); },
        this);
    connect(dialog, &QDialog::accepted, this, &MeetingsPage::refresh);
    DialogPresenter::open(dialog);
}

} // namespace confer
