#include "meetings/MeetingsModel.h"

#include "meetings/MeetingAccess.h"
#include "meetings/Meetings.h"
#include "shell/IdData.h"

#include <QLocale>

#include <algorithm>

namespace confer {

MeetingsModel::MeetingsModel(Meetings& meetings, QObject* parent)
    : RowsModel({tr("Reference"), tr("Panel"), tr("Date"), tr("Time"), tr("Place or video"), tr("Status"),
                 tr("Chair")},
                parent)
    , m_meetings(&meetings)
{}

Status MeetingsModel::refresh(std::optional<PanelId> panelId, const QDate& today)
{
    if (!m_meetings)
        return Status::success();
    auto summaries = m_meetings->meetings.meetings(panelId);
    if (!summaries.ok())
        return summaries.error();
    std::vector<MeetingListRow> rows;
    rows.reserve(summaries->size());
    for (MeetingSummary& summary : *summaries) {
        MeetingListRow row{summary, std::nullopt};
        // The details only where the service gives them: an administrator who is not a member gets none.
        if (m_meetings->access.mayRead(summary.panelId)) {
            if (auto meeting = m_meetings->meetings.meeting(summary.id); meeting.ok())
                row.details = std::move(meeting.value());
        }
        rows.push_back(std::move(row));
    }
    // Upcoming first, soonest at the top; then the past, latest at the top.
    std::stable_sort(rows.begin(), rows.end(), [&today](const MeetingListRow& a, const MeetingListRow& b) {
        const bool aUpcoming = a.summary.date >= today;
        const bool bUpcoming = b.summary.date >= today;
        if (aUpcoming != bUpcoming)
            return aUpcoming;
        return aUpcoming ? a.summary.date < b.summary.date : a.summary.date > b.summary.date;
    });
    setRows(std::move(rows));
    return Status::success();
}

void MeetingsModel::clear()
{
    setRows({});
    m_meetings = nullptr;
}

int MeetingsModel::rowOf(MeetingId meetingId) const
{
    return rowWhere([meetingId](const MeetingListRow& row) { return row.summary.id == meetingId; });
}

QVariant MeetingsModel::data(const QModelIndex& index, int role) const
{
    const MeetingListRow* row = meetingAt(index.row());
    if (!row)
        return {};
    if (role == MeetingIdRole)
        return idData(row->summary.id);
    if (role == Qt::ToolTipRole && index.column() == WhereColumn && row->details)
        return QStringList{row->details->place, row->details->videoLink}.join(QLatin1Char('\n')).trimmed();
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const QString none = role == Qt::AccessibleTextRole ? tr("Not shown") : QString();
    return display(*row, index.column(), none);
}

QVariant MeetingsModel::display(const MeetingListRow& row, int column, const QString& none) const
{
    const MeetingSummary& summary = row.summary;
    const Meeting* details = row.details ? &*row.details : nullptr;
    switch (column) {
    case ReferenceColumn:
        return summary.reference;
    case PanelColumn:
        return summary.panelName;
    case DateColumn:
        return QLocale().toString(summary.date, QStringLiteral("ddd d MMM yyyy"));
    case TimeColumn:
        return details ? tr("%1\u2013%2")
                             .arg(details->startsAt.toString(QStringLiteral("HH:mm")),
                                  details->endsAt.toString(QStringLiteral("HH:mm")))
                       : none;
    case WhereColumn:
        if (!details)
            return none;
        if (details->place.isEmpty())
            return details->videoLink.isEmpty() ? none : tr("Video");
        return details->videoLink.isEmpty() ? details->place : tr("%1 and video").arg(details->place);
    case StatusColumn:
        return summary.status == MeetingStatus::Cancelled && details && !details->cancelReason.isEmpty()
                   ? tr("%1: %2").arg(meetingStatusDisplayName(summary.status), details->cancelReason)
                   : meetingStatusDisplayName(summary.status);
    case ChairColumn:
        return details ? details->chairName : none;
    default:
        return {};
    }
}

} // namespace confer
