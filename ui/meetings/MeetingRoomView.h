#pragma once

#include "meetings/MeetingTypes.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;

namespace confer {

class AgendaList;
class AttendancePanel;
class CurrentItemPanel;
class ErrorLine;
struct Caseload;
struct Meetings;

// The live meeting room: the agenda on the left, the item being discussed in the middle, attendance and
// declarations on the right, and a warning while the meeting is not quorate. The chair opens and finishes
// items, records decisions and actions, and hands the screen over for sign-in. A closed meeting is shown
// read-only. Every rule is the services'; a refusal is shown where it happened.
class MeetingRoomView final : public QWidget {
    Q_OBJECT
public:
    MeetingRoomView(Caseload& caseload, Meetings& meetings, MeetingId meetingId, QWidget* parent = nullptr);

    MeetingId meetingId() const { return m_meetingId; }
    // Reads the meeting, agenda, attendance, declarations and quorum again (after sign-in returns).
    void reload();
    void clear();

signals:
    // The chair hands the screen to the attendees to sign the declaration.
    void signInRequested(confer::MeetingId meetingId);
    void closed();

private:
    QWidget* makeHeader();
    QWidget* makeBody();
    void showChosenItem();
    QString whyNotLead() const;
    void openItem(AgendaItemId itemId);
    void goOnWithoutSignatures(AgendaItemId itemId);
    void finishItem(AgendaItemId itemId);
    void recordDecision(AgendaItemId itemId);
    void agreeAction(AgendaItemId itemId);
    void confirmClose();
    const AgendaItem* itemById(AgendaItemId itemId) const;

    Caseload* m_caseload;
    Meetings* m_meetings;
    MeetingId m_meetingId;
    std::optional<Meeting> m_meeting;
    std::vector<AgendaItem> m_agenda;
    std::vector<Attendee> m_attendees;
    std::vector<PanelDecision> m_decisions;
    QLabel* m_title;
    QLabel* m_facts;
    QLabel* m_quorum;
    QPushButton* m_handOver;
    QPushButton* m_close;
    QPushButton* m_back;
    ErrorLine* m_error;
    AgendaList* m_agendaList;
    CurrentItemPanel* m_item;
    AttendancePanel* m_attendance;
};

} // namespace confer
