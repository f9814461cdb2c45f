#pragma once

#include "common/Result.h"
#include "meetings/MeetingTypes.h"
#include "shell/RowsModel.h"

#include <QDate>

#include <optional>

namespace confer {

struct Meetings;

// One line of the meetings list: what anyone who may list the meeting sees, and for its panel's members
// the meeting's details (time, place, chair). An administrator who is not a member gets no details.
struct MeetingListRow {
    MeetingSummary summary;
    std::optional<Meeting> details;
};

// The meetings of the user's panels, upcoming first (soonest first), then past ones (latest first).
class MeetingsModel final : public RowsModel<MeetingListRow> {
    Q_OBJECT
public:
    enum Column {
        ReferenceColumn,
        PanelColumn,
        DateColumn,
        TimeColumn,
        WhereColumn,
        StatusColumn,
        ChairColumn,
        ColumnCount
    };
    static constexpr int MeetingIdRole = Qt::UserRole + 1;

    explicit MeetingsModel(Meetings& meetings, QObject* parent = nullptr);

    // today decides what is upcoming.
    Status refresh(std::optional<PanelId> panelId, const QDate& today);
    void clear();
    const MeetingListRow* meetingAt(int row) const { return rowAt(row); }
    int rowOf(MeetingId meetingId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const MeetingListRow& row, int column, const QString& none) const;

    Meetings* m_meetings;
};

} // namespace confer
