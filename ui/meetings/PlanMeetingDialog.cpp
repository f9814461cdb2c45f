#include "meetings/PlanMeetingDialog.h"

#include "meetings/MeetingService.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QTimeEdit>

namespace confer {

namespace {
QTimeEdit* timeEdit(const QString& objectName, const QString& accessibleName, const QTime& time,
                    QWidget* parent)
{
    auto* edit = new QTimeEdit(time, parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    return edit;
}
} // namespace

PlanMeetingDialog::PlanMeetingDialog(MeetingService& meetings, const std::vector<Panel>& panels,
                                     const std::optional<Meeting>& existing, const QDate& today,
                                     QWidget* parent)
    : FormDialog(existing ? tr("Change meeting details") : tr("Plan meeting"),
                 QStringLiteral("planMeetingError"), parent)
    , m_meetings(meetings)
    , m_existing(existing)
    , m_panel(FormFields::comboBox(QStringLiteral("planPanelBox"), tr("Panel"), this))
    , m_date(new QDateEdit(existing ? existing->date : today.addDays(7), this))
    , m_start(timeEdit(QStringLiteral("planStartEdit"), tr("Starts at"),
                       existing ? existing->startsAt : QTime(10, 0), this))
    , m_end(timeEdit(QStringLiteral("planEndEdit"), tr("Scheduled end"),
                     existing ? existing->endsAt : QTime(12, 0), this))
    , m_place(FormFields::lineEdit(QStringLiteral("planPlaceEdit"), tr("Place"), 200, this))
    , m_video(FormFields::lineEdit(QStringLiteral("planVideoEdit"), tr("Video link"), 500, this))
{
    setObjectName(QStringLiteral("planMeetingDialog"));
    for (const Panel& panel : panels)
        m_panel->addItem(panel.name, idData(panel.id));
    if (existing) {
        m_panel->clear();
        m_panel->addItem(existing->panelName, idData(existing->panelId));
        m_panel->setEnabled(false); // a meeting stays with its panel
        m_place->setText(existing->place);
        m_video->setText(existing->videoLink);
    }
    m_date->setObjectName(QStringLiteral("planDateEdit"));
    m_date->setAccessibleName(tr("Date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    m_place->setPlaceholderText(tr("Room and building"));
    m_video->setPlaceholderText(tr("https://\u2026"));

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Panel:"), m_panel);
    FormFields::addRow(form, tr("&Date:"), m_date);
    FormFields::addRow(form, tr("&Starts at:"), m_start);
    FormFields::addRow(form, tr("Scheduled &end:"), m_end);
    FormFields::addRow(form, tr("P&lace:"), m_place);
    FormFields::addRow(form, tr("&Video link:"), m_video);
    addText(tr("Every member of the panel is invited, and cases with actions still open from earlier "
               "meetings go on the agenda."),
            Tone::Muted);
    setOkText(existing ? tr("Save") : tr("Plan"), existing ? tr("Save the details") : tr("Plan the meeting"));
    updateOkButtonOn({m_panel});
}

bool PlanMeetingDialog::isComplete() const
{
    return m_panel->currentIndex() >= 0;
}

Status PlanMeetingDialog::submit()
{
    const auto panelId = idFromData<PanelId>(m_panel->currentData());
    if (!panelId)
        return Status::success();
    MeetingService::Details details;
    details.panelId = *panelId;
    details.date = m_date->date();
    details.startsAt = m_start->time();
    details.endsAt = m_end->time();
    details.place = m_place->text().trimmed();
    details.videoLink = m_video->text().trimmed();
    if (m_existing) {
        details.chairUserId = m_existing->chairUserId;
        Status changed = m_meetings.change(m_existing->id, details);
        if (changed.ok())
            m_saved = m_existing->id;
        return changed;
    }
    auto planned = m_meetings.plan(details);
    if (!planned.ok())
        return planned.error();
    m_saved = planned->id;
    return Status::success();
}

} // namespace confer
