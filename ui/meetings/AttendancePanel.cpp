#include "meetings/AttendancePanel.h"

#include "meetings/Meetings.h"
#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace confer {

AttendancePanel::AttendancePanel(Meetings& meetings, QWidget* parent)
    : QWidget(parent)
    , m_meetings(&meetings)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_arrive(FormFields::button(tr("A&rrived"), QStringLiteral("arriveButton"), tr("Record arrival"), this))
    , m_leave(FormFields::button(tr("&Left"), QStringLiteral("leaveButton"), tr("Record leaving"), this))
    , m_remote(FormFields::button(tr("Re&mote"), QStringLiteral("remoteButton"), tr("Joins remotely"), this))
    , m_spoken(FormFields::button(tr("&Spoken agreement"), QStringLiteral("spokenAgreementButton"),
                                  tr("Record spoken agreement"), this))
    , m_refusal(FormFields::button(tr("Re&fused"), QStringLiteral("recordRefusalButton"),
                                   tr("Record a refusal"), this))
    , m_error(new ErrorLine(QStringLiteral("attendanceError"), this))
{
    setObjectName(QStringLiteral("attendancePanel"));
    m_table->setObjectName(QStringLiteral("attendanceTable"));
    m_table->setAccessibleName(tr("Attendance"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Attendance"), tr("Declaration")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(AttendanceColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DeclarationColumn, QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* buttons = new QGridLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_arrive, 0, 0);
    buttons->addWidget(m_leave, 0, 1);
    buttons->addWidget(m_remote, 0, 2);
    buttons->addWidget(m_spoken, 1, 0, 1, 2);
    buttons->addWidget(m_refusal, 1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    Attendance& attendance = meetings.attendance;
    Declarations& declarations = meetings.declarations;
    connect(m_arrive, &QPushButton::clicked, this,
            [this, &attendance] { run([&](const Attendee& a) { return attendance.arrive(a.id); }); });
    connect(m_leave, &QPushButton::clicked, this,
            [this, &attendance] { run([&](const Attendee& a) { return attendance.leave(a.id); }); });
    connect(m_remote, &QPushButton::clicked, this, [this, &attendance] {
        run([&](const Attendee& a) { return attendance.setRemote(a.id, !a.isRemote); });
    });
    auto detailsOf = [](const Attendee& a) { return AttendeeDetails{a.name, a.agencyName, a.role}; };
    connect(m_spoken, &QPushButton::clicked, this, [this, &declarations, detailsOf] {
        run([&](const Attendee& a) {
            return Status(declarations.recordSpokenAgreement(a.id, detailsOf(a)));
        });
    });
    connect(m_refusal, &QPushButton::clicked, this, [this, &declarations, detailsOf] {
        run([&](const Attendee& a) { return Status(declarations.recordRefusal(a.id, detailsOf(a))); });
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AttendancePanel::updateButtons);
}

QString AttendancePanel::attendanceText(const Attendee& attendee)
{
    QString text;
    if (attendee.hasSentApologies)
        text = attendee.agencySentInformation ? tr("Apologies\n(information sent)") : tr("Apologies");
    else if (attendee.leftUtc)
        text = tr("Left %1").arg(attendee.leftUtc->toLocalTime().toString(QStringLiteral("HH:mm")));
    else if (attendee.arrivedUtc)
        text = attendee.isLate ? tr("Present (late)") : tr("Present");
    else
        text = tr("Not arrived");
    if (attendee.isRemote)
        text = tr("%1, remote").arg(text);
    if (attendee.kind != Attendee::Kind::Member)
        text = tr("%1 \u00b7 %2").arg(attendeeKindDisplayName(attendee.kind), text);
    return text;
}

QString AttendancePanel::declarationText(const Attendee& attendee)
{
    switch (attendee.signIn) {
    case SignInState::NotYet:
        return tr("Not signed");
    case SignInState::Refused:
        return tr("Refused");
    case SignInState::Overridden:
        return tr("Not signed\n(chair went on)");
    case SignInState::Signed:
        break;
    }
    if (!attendee.signedBy)
        return tr("Signed");
    switch (*attendee.signedBy) {
    case Declaration::Method::Drawn:
        return tr("Signed");
    case Declaration::Method::TypedAndWitnessed:
        return tr("Typed, witnessed");
    case Declaration::Method::SpokenAndWitnessed:
        return tr("Spoken, witnessed");
    }
    return tr("Signed");
}

void AttendancePanel::setAttendees(std::vector<Attendee> attendees, const QString& whyNotLead, bool isRunning)
{
    const Attendee* before = chosen();
    const std::optional<AttendeeId> chosenId = before ? std::optional(before->id) : std::nullopt;
    m_attendees = std::move(attendees);
    m_whyNotLead = whyNotLead;
    m_isRunning = isRunning;
    m_table->setRowCount(int(m_attendees.size()));
    for (int row = 0; row < int(m_attendees.size()); ++row) {
        const Attendee& attendee = m_attendees[std::size_t(row)];
        // The agency and role under the name, so the three columns fit beside the agenda.
        const QString agency = QStringList{attendee.agencyName, attendee.role}
                                   .filter(QRegularExpression(QStringLiteral("\\S")))
                                   .join(tr(", "));
        const QString name = agency.isEmpty() ? attendee.name : tr("%1\n%2").arg(attendee.name, agency);
        const QStringList cells{name, attendanceText(attendee), declarationText(attendee)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* cell = new QTableWidgetItem(cells[column]);
            cell->setToolTip(cells[column]);
            m_table->setItem(row, column, cell);
        }
        if (chosenId == attendee.id)
            m_table->selectRow(row);
    }
    m_table->resizeRowsToContents();
    updateButtons();
}

void AttendancePanel::clear()
{
    m_attendees.clear();
    m_table->setRowCount(0);
    m_meetings = nullptr;
}

const Attendee* AttendancePanel::chosen() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= int(m_attendees.size()))
        return nullptr;
    return &m_attendees[std::size_t(rows.first().row())];
}

void AttendancePanel::updateButtons()
{
    const Attendee* attendee = chosen();
    const QString whyNot = !m_isRunning              ? tr("The meeting is not open.")
                           : !m_whyNotLead.isEmpty() ? m_whyNotLead
                           : !attendee               ? tr("Choose someone in the list first.")
                                                     : QString();
    for (QPushButton* button : {m_arrive, m_leave, m_remote, m_spoken, m_refusal}) {
        button->setEnabled(whyNot.isEmpty());
        button->setToolTip(whyNot);
        button->setVisible(m_isRunning);
    }
    if (attendee && whyNot.isEmpty()) {
        m_remote->setText(attendee->isRemote ? tr("In the &room") : tr("Re&mote"));
        if (!attendee->isRemote) {
            m_spoken->setEnabled(false);
            m_spoken->setToolTip(tr("Spoken agreement is for someone joining remotely."));
        }
    }
}

void AttendancePanel::run(const std::function<Status(const Attendee&)>& call)
{
    const Attendee* attendee = chosen();
    if (!m_meetings || !attendee)
        return;
    CoreCall coreCall;
    const Status status = call(*attendee);
    m_error->showStatus(status);
    if (status.ok())
        emit changed();
}

} // namespace confer
