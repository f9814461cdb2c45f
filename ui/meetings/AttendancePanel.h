#pragma once

#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QPushButton;
class QTableWidget;

namespace confer {

class ErrorLine;
struct Meetings;

// The right of the meeting room: who is invited and who came (present, late, left, apologies, remote) and
// how far each is with the declaration (signed, typed and witnessed, spoken, refused, not signed), with
// the chair's buttons for the attendee chosen: arrived, left, remote, spoken agreement, refusal. Each runs
// one service call; the room reloads on changed().
class AttendancePanel final : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, AttendanceColumn, DeclarationColumn, ColumnCount };

    explicit AttendancePanel(Meetings& meetings, QWidget* parent = nullptr);

    // whyNotLead: empty when the user may run the meeting, else why not (a tooltip); isRunning: the meeting
    // is open (a closed one is only read).
    void setAttendees(std::vector<Attendee> attendees, const QString& whyNotLead, bool isRunning);
    void clear();

    static QString attendanceText(const Attendee& attendee);
    static QString declarationText(const Attendee& attendee);

signals:
    void changed();

private:
    const Attendee* chosen() const;
    void updateButtons();
    void run(const std::function<Status(const Attendee&)>& call);

    Meetings* m_meetings;
    std::vector<Attendee> m_attendees;
    QString m_whyNotLead;
    bool m_isRunning = false;
    QTableWidget* m_table;
    QPushButton* m_arrive;
    QPushButton* m_leave;
    QPushButton* m_remote;
    QPushButton* m_spoken;
    QPushButton* m_refusal;
    ErrorLine* m_error;
};

} // namespace confer
