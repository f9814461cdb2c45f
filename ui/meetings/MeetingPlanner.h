#pragma once

#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace confer {

class AgendaList;
class ErrorLine;
struct Caseload;
struct Meetings;

// Planning a meeting: its details, the agenda (the cases AgendaBuilder offers, in its order and with its
// reason; added, removed, reordered with buttons or Ctrl+Up/Ctrl+Down, time-boxed; other business) and
// the invitees (members invited automatically, guests and observers, apologies). Each change is one
// service call; a refusal shows its sentence and changes nothing.
class MeetingPlanner final : public QWidget {
    Q_OBJECT
public:
    MeetingPlanner(Caseload& caseload, Meetings& meetings, MeetingId meetingId, QWidget* parent = nullptr);

    MeetingId meetingId() const { return m_meetingId; }
    void reload();
    void clear();

signals:
    void closed();

private:
    void connectControls();
    QWidget* makeHeader();
    QWidget* makeOfferedColumn();
    QWidget* makeAgendaColumn();
    QWidget* makeInviteesColumn();
    void fillOffered(const std::vector<AgendaSuggestion>& offered);
    void fillInvitees();
    void updateButtons();
    // Runs one change and reloads on success; a refusal stays on the error line.
    void change(const std::function<Status()>& call);
    void addOffered();
    void moveChosen(int step);
    void removeChosen();
    void setTimeBox();
    void addBusiness();
    void changeDetails();
    void inviteGuest();
    void sendApologies();
    void withdraw();
    const AgendaItem* chosenItem() const;
    const Attendee* chosenInvitee() const;

    Caseload* m_caseload;
    Meetings* m_meetings;
    MeetingId m_meetingId;
    std::optional<Meeting> m_meeting;
    std::vector<AgendaItem> m_agenda;
    std::vector<Attendee> m_invitees;
    QLabel* m_title;
    QLabel* m_facts;
    QPushButton* m_changeDetails;
    QPushButton* m_back;
    ErrorLine* m_error;
    QListWidget* m_offered;
    QPushButton* m_addOffered;
    AgendaList* m_agendaList;
    QPushButton* m_up;
    QPushButton* m_down;
    QPushButton* m_remove;
    QSpinBox* m_timeBox;
    QPushButton* m_setTimeBox;
    QLineEdit* m_business;
    QPushButton* m_addBusiness;
    QTableWidget* m_inviteesTable;
    QPushButton* m_inviteGuest;
    QCheckBox* m_sentInformation;
    QPushButton* m_apologies;
    QPushButton* m_withdraw;
};

} // namespace confer
