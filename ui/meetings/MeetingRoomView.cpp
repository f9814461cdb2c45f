#include "meetings/MeetingRoomView.h"

#include "casefile/ActionDialog.h"
#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "meetings/AgendaList.h"
#include "meetings/AttendancePanel.h"
#include "meetings/CurrentItemPanel.h"
#include "meetings/DecisionDialog.h"
#include "meetings/Meetings.h"
#include "meetings/ReasonDialog.h"
#include "session/Session.h"
#include "shell/AppStyle.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace confer {

MeetingRoomView::MeetingRoomView(Caseload& caseload, Meetings& meetings, MeetingId meetingId, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_meetings(&meetings)
    , m_meetingId(meetingId)
    , m_title(new QLabel(this))
    , m_facts(FormFields::text(QString(), Tone::Muted, this))
    , m_quorum(FormFields::text(QString(), Tone::Warning, this))
    , m_handOver(FormFields::button(tr("&Hand over for sign-in\u2026"), QStringLiteral("handOverButton"),
                                    tr("Hand over for sign-in"), this))
    , m_close(FormFields::button(tr("&Close meeting\u2026"), QStringLiteral("closeMeetingButton"),
                                 tr("Close meeting"), this))
    , m_back(FormFields::button(tr("&Back to meetings"), QStringLiteral("leaveRoomButton"),
                                tr("Back to meetings"), this))
    , m_error(new ErrorLine(QStringLiteral("roomError"), this))
    , m_agendaList(new AgendaList(QStringLiteral("roomAgenda"), this))
    , m_item(new CurrentItemPanel(this))
    , m_attendance(new AttendancePanel(meetings, this))
{
    setObjectName(QStringLiteral("meetingRoom"));
    m_title->setObjectName(QStringLiteral("roomTitle"));
    m_quorum->setObjectName(QStringLiteral("quorumBanner"));
    m_quorum->setAttribute(Qt::WA_StyledBackground, true);
    m_quorum->setContentsMargins(12, 8, 12, 8);
    AppStyle::setLook(m_quorum, AppStyle::Look::WarningBanner);
    m_quorum->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(10);
    layout->addWidget(makeHeader());
    layout->addWidget(m_quorum);
    layout->addWidget(m_error);
    layout->addWidget(makeBody(), 1);

    connect(m_agendaList, &QListWidget::currentRowChanged, this, &MeetingRoomView::showChosenItem);
    connect(m_item, &CurrentItemPanel::openRequested, this, &MeetingRoomView::openItem);
    connect(m_item, &CurrentItemPanel::finishRequested, this, &MeetingRoomView::finishItem);
    connect(m_item, &CurrentItemPanel::decisionRequested, this, &MeetingRoomView::recordDecision);
    connect(m_item, &CurrentItemPanel::actionRequested, this, &MeetingRoomView::agreeAction);
    connect(m_item, &CurrentItemPanel::overrideRequested, this, &MeetingRoomView::goOnWithoutSignatures);
    connect(m_attendance, &AttendancePanel::changed, this, &MeetingRoomView::reload);
    connect(m_handOver, &QPushButton::clicked, this, [this] { emit signInRequested(m_meetingId); });
    connect(m_close, &QPushButton::clicked, this, &MeetingRoomView::confirmClose);
    connect(m_back, &QPushButton::clicked, this, &MeetingRoomView::closed);
    reload();
}

QWidget* MeetingRoomView::makeHeader()
{
    auto* header = new QWidget(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_facts);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(text, 1);
    row->addWidget(m_handOver, 0, Qt::AlignTop);
    row->addWidget(m_close, 0, Qt::AlignTop);
    row->addWidget(m_back, 0, Qt::AlignTop);
    return header;
}

QWidget* MeetingRoomView::makeBody()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("roomSplitter"));
    splitter->setChildrenCollapsible(false);
    m_agendaList->setMinimumWidth(220);
    m_attendance->setMinimumWidth(400);
    splitter->addWidget(m_agendaList);
    splitter->addWidget(m_item);
    splitter->addWidget(m_attendance);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);
    return splitter;
}

QString MeetingRoomView::whyNotLead() const
{
    if (!m_meeting || !m_meetings->access.mayLead(m_meeting->panelId))
        return tr("Only the chair or a coordinator of the meeting's panel can do that.");
    if (m_meeting->status != MeetingStatus::Open)
        return tr("The meeting is not open.");
    return {};
}

void MeetingRoomView::reload()
{
    if (!m_meetings)
        return;
    CoreCall call;
    auto meeting = m_meetings->meetings.meeting(m_meetingId);
    if (!meeting.ok()) {
        m_error->showStatus(meeting.error());
        m_meeting.reset();
        return;
    }
    m_meeting = *meeting;
    auto agenda = m_meetings->agenda.agenda(m_meetingId);
    auto attendees = m_meetings->attendance.attendees(m_meetingId);
    auto decisions = m_meetings->decisions.ofMeeting(m_meetingId);
    auto quorum = m_meetings->attendance.quorum(m_meetingId);
    for (const Status& status : {Status(agenda), Status(attendees), Status(decisions), Status(quorum)}) {
        if (!status.ok()) {
            m_error->showStatus(status);
            return;
        }
    }
    m_error->showMessage(QString());
    m_agenda = std::move(agenda.value());
    m_attendees = std::move(attendees.value());
    m_decisions = std::move(decisions.value());

    m_title->setText(tr("%1 \u00b7 %2").arg(m_meeting->reference, m_meeting->panelName));
    m_facts->setText(tr("%1, %2\u2013%3 \u00b7 %4 \u00b7 chaired by %5")
                         .arg(QLocale().toString(m_meeting->date, QLocale::LongFormat),
                              m_meeting->startsAt.toString(QStringLiteral("HH:mm")),
                              m_meeting->endsAt.toString(QStringLiteral("HH:mm")),
                              meetingStatusDisplayName(m_meeting->status), m_meeting->chairName));
    const bool isOpen = m_meeting->status == MeetingStatus::Open;
    m_quorum->setText(quorum->warning());
    m_quorum->setVisible(isOpen && !quorum->isQuorate());
    const QString whyNot = whyNotLead();
    for (QPushButton* button : {m_handOver, m_close}) {
        button->setVisible(isOpen);
        button->setEnabled(whyNot.isEmpty());
        button->setToolTip(whyNot);
    }
    m_agendaList->setItems(m_agenda);
    if (!m_agendaList->chosenItemId()) {
        // The item being discussed, else the first.
        for (const AgendaItem& item : m_agenda) {
            if (item.status == AgendaItem::Status::Open)
                m_agendaList->choose(item.id);
        }
        if (!m_agendaList->chosenItemId() && m_agendaList->count() > 0)
            m_agendaList->setCurrentRow(0);
    }
    m_attendance->setAttendees(m_attendees, whyNot, isOpen);
    showChosenItem();
}

void MeetingRoomView::clear()
{
    m_agenda.clear();
    m_attendees.clear();
    m_decisions.clear();
    m_agendaList->clear();
    m_attendance->clear();
    m_item->showItem(std::nullopt, {}, QString());
    m_meetings = nullptr;
    m_caseload = nullptr;
}

const AgendaItem* MeetingRoomView::itemById(AgendaItemId itemId) const
{
    for (const AgendaItem& item : m_agenda) {
        if (item.id == itemId)
            return &item;
    }
    return nullptr;
}

void MeetingRoomView::showChosenItem()
{
    const auto chosen = m_agendaList->chosenItemId();
    const AgendaItem* item = chosen ? itemById(*chosen) : nullptr;
    m_item->showItem(item ? std::optional(*item) : std::nullopt, m_decisions, whyNotLead());
}

void MeetingRoomView::openItem(AgendaItemId itemId)
{
    if (!m_meetings)
        return;
    CoreCall call;
    const Status opened = m_meetings->room.openItem(itemId);
    if (opened.ok()) {
        reload();
        return;
    }
    // Refused by the declaration gate: its sentence names who has not signed; the chair may go on.
    auto outstanding = m_meetings->declarations.outstanding(m_meetingId, itemId);
    m_item->showRefusal(opened.error().message, outstanding.ok() && !outstanding->empty());
}

void MeetingRoomView::goOnWithoutSignatures(AgendaItemId itemId)
{
    if (!m_meetings)
        return;
    Meetings& meetings = *m_meetings;
    const MeetingId meetingId = m_meetingId;
    auto* dialog = new ReasonDialog(
        tr("Go on without their signature"),
        tr("The item opens without the declaration of everyone present. The reason is kept and audited."),
        tr("Go on"),
        [&meetings, meetingId, itemId](const QString& reason) -> Status {
            auto outstanding = meetings.declarations.outstanding(meetingId, itemId);
            if (!outstanding.ok())
                return outstanding.error();
            for (const OutstandingSignature& missing : *outstanding) {
                if (Status done = meetings.declarations.overrideMissingSignature(missing.attendeeId, reason);
                    !done.ok())
                    return done;
            }
            return Status::success();
        },
        this);
    connect(dialog, &QDialog::accepted, this, [this, itemId] { openItem(itemId); });
    DialogPresenter::open(dialog);
}

void MeetingRoomView::finishItem(AgendaItemId itemId)
{
    if (!m_meetings)
        return;
    CoreCall call;
    const Status finished = m_meetings->room.finishItem(itemId);
    if (!finished.ok()) {
        m_item->showError(finished.error().message);
        return;
    }
    reload();
}

void MeetingRoomView::recordDecision(AgendaItemId itemId)
{
    const AgendaItem* item = itemById(itemId);
    if (!m_meetings || !item || !item->caseId)
        return;
    CoreCall call;
    auto options = m_caseload->cases.stageOptions(*item->caseId);
    if (!options.ok()) {
        m_item->showError(options.error().message);
        return;
    }
    std::vector<Attendee> present;
    for (const Attendee& attendee : m_attendees) {
        if (attendee.isPresent())
            present.push_back(attendee);
    }
    auto* dialog = new DecisionDialog(m_meetings->decisions, itemId, *options, present, this);
    connect(dialog, &QDialog::accepted, this, &MeetingRoomView::reload);
    DialogPresenter::open(dialog);
}

void MeetingRoomView::agreeAction(AgendaItemId itemId)
{
    const AgendaItem* item = itemById(itemId);
    if (!m_meetings || !item || !item->caseId)
        return;
    CoreCall call;
    auto agencies = m_caseload->agencies.agencies();
    if (!agencies.ok()) {
        m_item->showError(agencies.error().message);
        return;
    }
    auto* dialog =
        new ActionDialog(*m_caseload, *item->caseId, *agencies, m_caseload->session.clock().today(), this);
    MeetingDecisions& decisions = m_meetings->decisions;
    dialog->setAddAction([&decisions, itemId](const ActionService::NewAction& action) {
        return decisions.agreeAction(itemId, action);
    });
    connect(dialog, &QDialog::accepted, this, &MeetingRoomView::reload);
    DialogPresenter::open(dialog);
}

void MeetingRoomView::confirmClose()
{
    if (!m_meetings || !m_meeting)
        return;
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Close meeting"),
                        tr("Close %1? Any item still open is finished, and nothing more can be recorded "
                           "at this meeting.")
                            .arg(m_meeting->reference),
                        QMessageBox::Cancel, this);
    QPushButton* closeButton = box->addButton(tr("Close meeting"), QMessageBox::AcceptRole);
    closeButton->setObjectName(QStringLiteral("confirmCloseMeetingButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(closeButton, &QPushButton::clicked, this, [this] {
        CoreCall call;
        const Status closedMeeting = m_meetings->meetings.close(m_meetingId);
        m_error->showStatus(closedMeeting);
        reload();
    });
    DialogPresenter::open(box);
}

} // namespace confer
