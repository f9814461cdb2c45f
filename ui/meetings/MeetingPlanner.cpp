#include "meetings/MeetingPlanner.h"

#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "meetings/AgendaBuilder.h"
#include "meetings/AgendaList.h"
#include "meetings/AttendancePanel.h"
#include "meetings/GuestDialog.h"
#include "meetings/Meetings.h"
#include "meetings/PlanMeetingDialog.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int CaseIdRole = Qt::UserRole + 1;

QGroupBox* column(const QString& title, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    new QVBoxLayout(box);
    return box;
}
} // namespace

MeetingPlanner::MeetingPlanner(Caseload& caseload, Meetings& meetings, MeetingId meetingId, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_meetings(&meetings)
    , m_meetingId(meetingId)
    , m_title(new QLabel(this))
    , m_facts(FormFields::text(QString(), Tone::Muted, this))
    , m_changeDetails(FormFields::button(tr("Change &details\u2026"), QStringLiteral("changeDetailsButton"),
                                         tr("Change the meeting's details"), this))
    , m_back(FormFields::button(tr("&Back to meetings"), QStringLiteral("leavePlannerButton"),
                                tr("Back to meetings"), this))
    , m_error(new ErrorLine(QStringLiteral("plannerError"), this))
    , m_offered(new QListWidget(this))
    , m_addOffered(FormFields::button(tr("&Add to agenda"), QStringLiteral("addOfferedButton"),
                                      tr("Add the chosen case to the agenda"), this))
    , m_agendaList(new AgendaList(QStringLiteral("plannerAgenda"), this))
    , m_up(FormFields::button(tr("Move &up"), QStringLiteral("moveItemUpButton"), tr("Move item up"), this))
    , m_down(FormFields::button(tr("Move do&wn"), QStringLiteral("moveItemDownButton"), tr("Move item down"),
                                this))
    , m_remove(FormFields::button(tr("&Remove"), QStringLiteral("removeItemButton"), tr("Remove item"), this))
    , m_timeBox(new QSpinBox(this))
    , m_setTimeBox(FormFields::button(tr("Set &time box"), QStringLiteral("setTimeBoxButton"),
                                      tr("Set the item's time box"), this))
    , m_business(FormFields::lineEdit(QStringLiteral("businessTitleEdit"), tr("Other business"), 200, this))
    , m_addBusiness(FormFields::button(tr("Add &business"), QStringLiteral("addBusinessButton"),
                                       tr("Add other business"), this))
    , m_inviteesTable(new QTableWidget(0, 3, this))
    , m_inviteGuest(FormFields::button(tr("Invite &guest\u2026"), QStringLiteral("inviteGuestButton"),
                                       tr("Invite a guest or observer"), this))
    , m_sentInformation(new QCheckBox(tr("Agency sent &information"), this))
    , m_apologies(FormFields::button(tr("A&pologies"), QStringLiteral("apologiesButton"),
                                     tr("Record apologies"), this))
    , m_withdraw(FormFields::button(tr("Withdraw"), QStringLiteral("withdrawInviteButton"),
                                    tr("Withdraw the invitation"), this))
{
    setObjectName(QStringLiteral("meetingPlanner"));
    m_title->setObjectName(QStringLiteral("plannerTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addWidget(makeOfferedColumn(), 4);
    columns->addWidget(makeAgendaColumn(), 4);
    columns->addWidget(makeInviteesColumn(), 5);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(10);
    layout->addWidget(makeHeader());
    layout->addWidget(m_error);
    layout->addLayout(columns, 1);

    connectControls();
    reload();
}

void MeetingPlanner::connectControls()
{
    connect(m_back, &QPushButton::clicked, this, &MeetingPlanner::closed);
    connect(m_changeDetails, &QPushButton::clicked, this, &MeetingPlanner::changeDetails);
    connect(m_addOffered, &QPushButton::clicked, this, &MeetingPlanner::addOffered);
    connect(m_offered, &QListWidget::itemActivated, this, &MeetingPlanner::addOffered);
    connect(m_up, &QPushButton::clicked, this, [this] { moveChosen(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveChosen(+1); });
    connect(m_remove, &QPushButton::clicked, this, &MeetingPlanner::removeChosen);
    connect(m_setTimeBox, &QPushButton::clicked, this, &MeetingPlanner::setTimeBox);
    connect(m_addBusiness, &QPushButton::clicked, this, &MeetingPlanner::addBusiness);
    connect(m_business, &QLineEdit::returnPressed, this, &MeetingPlanner::addBusiness);
    connect(m_inviteGuest, &QPushButton::clicked, this, &MeetingPlanner::inviteGuest);
    connect(m_apologies, &QPushButton::clicked, this, &MeetingPlanner::sendApologies);
    connect(m_withdraw, &QPushButton::clicked, this, &MeetingPlanner::withdraw);
    connect(m_agendaList, &QListWidget::currentRowChanged, this, [this] {
        if (const AgendaItem* item = chosenItem())
            m_timeBox->setValue(item->timeBoxMinutes.value_or(0));
        updateButtons();
    });
    connect(m_offered, &QListWidget::currentRowChanged, this, &MeetingPlanner::updateButtons);
    connect(m_inviteesTable, &QTableWidget::itemSelectionChanged, this, &MeetingPlanner::updateButtons);
}

QWidget* MeetingPlanner::makeHeader()
{
    auto* header = new QWidget(this);
    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_facts);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(text, 1);
    row->addWidget(m_changeDetails, 0, Qt::AlignTop);
    row->addWidget(m_back, 0, Qt::AlignTop);
    return header;
}

QWidget* MeetingPlanner::makeOfferedColumn()
{
    QGroupBox* box = column(tr("Cases offered"), this);
    m_offered->setObjectName(QStringLiteral("offeredCases"));
    m_offered->setAccessibleName(tr("Cases offered for the agenda"));
    m_offered->setWordWrap(true);
    auto* layout = static_cast<QVBoxLayout*>(box->layout());
    layout->addWidget(FormFields::text(tr("Carried forward first, then reviews overdue, reviews due and open "
                                          "actions."),
                                       Tone::Muted, box));
    layout->addWidget(m_offered, 1);
    layout->addWidget(m_addOffered, 0, Qt::AlignLeft);
    return box;
}

QWidget* MeetingPlanner::makeAgendaColumn()
{
    QGroupBox* box = column(tr("Agenda"), this);
    m_timeBox->setObjectName(QStringLiteral("timeBoxSpin"));
    m_timeBox->setAccessibleName(tr("Time box in minutes"));
    m_timeBox->setRange(0, AgendaBuilder::LongestTimeBoxMinutes);
    m_timeBox->setSingleStep(5);
    m_timeBox->setSpecialValueText(tr("No time box"));
    m_timeBox->setSuffix(tr(" min"));
    m_business->setPlaceholderText(tr("Minutes of the last meeting"));
    // Reordering from the keyboard, as the buttons do.
    auto* up = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), m_agendaList, nullptr, nullptr,
                             Qt::WidgetShortcut);
    connect(up, &QShortcut::activated, this, [this] { moveChosen(-1); });
    auto* down = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), m_agendaList, nullptr, nullptr,
                               Qt::WidgetShortcut);
    connect(down, &QShortcut::activated, this, [this] { moveChosen(+1); });
    auto* remove = new QShortcut(QKeySequence::Delete, m_agendaList, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &MeetingPlanner::removeChosen);

    auto* order = new QHBoxLayout;
    for (QPushButton* button : {m_up, m_down, m_remove})
        order->addWidget(button);
    order->addStretch(1);
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(m_timeBox);
    timeRow->addWidget(m_setTimeBox);
    timeRow->addStretch(1);
    auto* businessRow = new QHBoxLayout;
    businessRow->addWidget(m_business, 1);
    businessRow->addWidget(m_addBusiness);
    auto* layout = static_cast<QVBoxLayout*>(box->layout());
    layout->addWidget(m_agendaList, 1);
    layout->addLayout(order);
    layout->addLayout(timeRow);
    layout->addLayout(businessRow);
    return box;
}

QWidget* MeetingPlanner::makeInviteesColumn()
{
    QGroupBox* box = column(tr("Invitees"), this);
    m_inviteesTable->setObjectName(QStringLiteral("inviteesTable"));
    m_inviteesTable->setAccessibleName(tr("Invitees"));
    m_inviteesTable->setHorizontalHeaderLabels({tr("Name"), tr("Agency"), tr("Invited as")});
    m_inviteesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_inviteesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_inviteesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_inviteesTable->setShowGrid(false);
    m_inviteesTable->setAlternatingRowColors(true);
    m_inviteesTable->verticalHeader()->hide();
    m_inviteesTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_inviteesTable->horizontalHeader()->setStretchLastSection(true);
    m_sentInformation->setObjectName(QStringLiteral("sentInformationCheck"));
    m_sentInformation->setAccessibleName(tr("The agency sent information"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_inviteGuest);
    buttons->addWidget(m_apologies);
    buttons->addWidget(m_withdraw);
    buttons->addStretch(1);
    auto* layout = static_cast<QVBoxLayout*>(box->layout());
    layout->addWidget(FormFields::text(tr("The panel's members are invited when the meeting is planned."),
                                       Tone::Muted, box));
    layout->addWidget(m_inviteesTable, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_sentInformation);
    return box;
}

void MeetingPlanner::reload()
{
    if (!m_meetings)
        return;
    CoreCall call;
    auto meeting = m_meetings->meetings.meeting(m_meetingId);
    auto agenda = m_meetings->agenda.agenda(m_meetingId);
    auto offered = m_meetings->agenda.suggestions(m_meetingId);
    auto invitees = m_meetings->attendance.attendees(m_meetingId);
    for (const Status& status : {Status(meeting), Status(agenda), Status(offered), Status(invitees)}) {
        if (!status.ok()) {
            m_error->showStatus(status);
            return;
        }
    }
    m_meeting = *meeting;
    m_agenda = std::move(agenda.value());
    m_invitees = std::move(invitees.value());
    m_title->setText(tr("Planning %1 \u00b7 %2").arg(m_meeting->reference, m_meeting->panelName));
    QString where = m_meeting->place;
    if (!m_meeting->videoLink.isEmpty())
        where = where.isEmpty() ? tr("by video") : tr("%1, and by video").arg(where);
    m_facts->setText(tr("%1, %2\u2013%3 \u00b7 %4 \u00b7 chaired by %5")
                         .arg(QLocale().toString(m_meeting->date, QLocale::LongFormat),
                              m_meeting->startsAt.toString(QStringLiteral("HH:mm")),
                              m_meeting->endsAt.toString(QStringLiteral("HH:mm")),
                              where.isEmpty() ? tr("no place yet") : where, m_meeting->chairName));
    m_agendaList->setItems(m_agenda);
    fillOffered(*offered);
    fillInvitees();
    updateButtons();
}

void MeetingPlanner::fillOffered(const std::vector<AgendaSuggestion>& offered)
{
    m_offered->clear();
    for (const AgendaSuggestion& suggestion : offered) {
        const QString subject =
            suggestion.subjectName.isEmpty()
                ? suggestion.caseReference
                : tr("%1 \u00b7 %2").arg(suggestion.caseReference, suggestion.subjectName);
        auto* row = new QListWidgetItem(
            tr("%1\n%2 \u00b7 %3").arg(subject, agendaReasonDisplayName(suggestion.reason), suggestion.stage),
            m_offered);
        row->setData(CaseIdRole, idData(suggestion.caseId));
    }
    if (offered.empty())
        new QListWidgetItem(tr("Every open case of the panel is on the agenda."), m_offered);
}

void MeetingPlanner::fillInvitees()
{
    m_inviteesTable->setRowCount(int(m_invitees.size()));
    for (int row = 0; row < int(m_invitees.size()); ++row) {
        const Attendee& invitee = m_invitees[std::size_t(row)];
        QString as = attendeeKindDisplayName(invitee.kind);
        if (invitee.agendaItemId)
            as = tr("%1, one item").arg(as);
        if (invitee.hasSentApologies)
            as = AttendancePanel::attendanceText(invitee);
        const QStringList cells{invitee.name, invitee.agencyName, as};
        for (int column = 0; column < 3; ++column)
            m_inviteesTable->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_inviteesTable->resizeColumnsToContents();
}

void MeetingPlanner::clear()
{
    m_agenda.clear();
    m_invitees.clear();
    m_agendaList->clear();
    m_offered->clear();
    m_inviteesTable->setRowCount(0);
    m_meetings = nullptr;
    m_caseload = nullptr;
}

const AgendaItem* MeetingPlanner::chosenItem() const
{
    const auto id = m_agendaList->chosenItemId();
    for (const AgendaItem& item : m_agenda) {
        if (id && item.id == *id)
            return &item;
    }
    return nullptr;
}

const Attendee* MeetingPlanner::chosenInvitee() const
{
    const auto rows = m_inviteesTable->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= int(m_invitees.size()))
        return nullptr;
    return &m_invitees[std::size_t(rows.first().row())];
}

void MeetingPlanner::updateButtons()
{
    const AgendaItem* item = chosenItem();
    const bool hasOffer = m_offered->currentItem() && m_offered->currentItem()->data(CaseIdRole).isValid();
    m_addOffered->setEnabled(hasOffer);
    for (QPushButton* button : {m_up, m_down, m_remove, m_setTimeBox})
        button->setEnabled(item != nullptr);
    m_timeBox->setEnabled(item != nullptr);
    if (item) {
        m_up->setEnabled(item->position > 1);
        m_down->setEnabled(item->position < int(m_agenda.size()));
    }
    const bool hasInvitee = chosenInvitee() != nullptr;
    m_apologies->setEnabled(hasInvitee);
    m_withdraw->setEnabled(hasInvitee);
}

void MeetingPlanner::change(const std::function<Status()>& call)
{
    if (!m_meetings)
        return;
    CoreCall coreCall;
    const Status status = call();
    m_error->showStatus(status);
    if (status.ok())
        reload();
}

void MeetingPlanner::addOffered()
{
    const QListWidgetItem* row = m_offered->currentItem();
    const auto caseId = row ? idFromData<CaseId>(row->data(CaseIdRole)) : std::nullopt;
    if (!caseId)
        return;
    change([this, caseId] { return Status(m_meetings->agenda.addCase(m_meetingId, *caseId)); });
}

void MeetingPlanner::moveChosen(int step)
{
    const AgendaItem* item = chosenItem();
    if (!item)
        return;
    const AgendaItemId id = item->id;
    const int position = item->position + step;
    change([this, id, position] { return m_meetings->agenda.move(id, position); });
    m_agendaList->choose(id);
}

void MeetingPlanner::removeChosen()
{
    if (const AgendaItem* item = chosenItem()) {
        const AgendaItemId id = item->id;
        change([this, id] { return m_meetings->agenda.remove(id); });
    }
}

void MeetingPlanner::setTimeBox()
{
    const AgendaItem* item = chosenItem();
    if (!item)
        return;
    const AgendaItemId id = item->id;
    const int minutes = m_timeBox->value();
    change([this, id, minutes] {
        return m_meetings->agenda.setTimeBox(id, minutes > 0 ? std::optional(minutes) : std::nullopt);
    });
    m_agendaList->choose(id);
}

void MeetingPlanner::addBusiness()
{
    const QString title = m_business->text().trimmed();
    if (title.isEmpty())
        return;
    change([this, title] { return Status(m_meetings->agenda.addBusiness(m_meetingId, title)); });
    if (m_error->isHidden())
        m_business->clear();
}

void MeetingPlanner::changeDetails()
{
    if (!m_meetings || !m_meeting)
        return;
    auto* dialog =
        new PlanMeetingDialog(m_meetings->meetings, {}, m_meeting, m_caseload->session.clock().today(), this);
    connect(dialog, &QDialog::accepted, this, &MeetingPlanner::reload);
    DialogPresenter::open(dialog);
}

void MeetingPlanner::inviteGuest()
{
    if (!m_meetings)
        return;
    auto agencies = m_caseload->agencies.agencies();
    if (!agencies.ok()) {
        m_error->showStatus(agencies.error());
        return;
    }
    auto* dialog = new GuestDialog(m_meetings->attendance, m_meetingId, *agencies, m_agenda, this);
    connect(dialog, &QDialog::accepted, this, &MeetingPlanner::reload);
    DialogPresenter::open(dialog);
}

void MeetingPlanner::sendApologies()
{
    if (const Attendee* invitee = chosenInvitee()) {
        const AttendeeId id = invitee->id;
        const bool sentInformation = m_sentInformation->isChecked();
        change([this, id, sentInformation] {
            return m_meetings->attendance.sendApologies(id, sentInformation);
        });
    }
}

void MeetingPlanner::withdraw()
{
    if (const Attendee* invitee = chosenInvitee()) {
        const AttendeeId id = invitee->id;
        change([this, id] { return m_meetings->attendance.withdrawInvitation(id); });
    }
}

} // namespace confer
