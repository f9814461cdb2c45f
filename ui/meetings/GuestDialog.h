#pragma once

#include "meetings/Attendance.h"
#include "shell/FormDialog.h"

#include <vector>

class QComboBox;
class QLineEdit;

namespace confer {

// Invites a guest or an observer: name, agency (from the directory, or typed when it is not there), role,
// and whether for the whole meeting or one agenda item. Attendance::invite checks it.
class GuestDialog final : public FormDialog {
    Q_OBJECT
public:
    GuestDialog(Attendance& attendance, MeetingId meetingId, const std::vector<Agency>& agencies,
                const std::vector<AgendaItem>& agenda, QWidget* parent);

protected:
    Status submit() override;
    bool isComplete() const override;

private:
    Attendance& m_attendance;
    MeetingId m_meetingId;
    QLineEdit* m_name;
    QComboBox* m_agency;
    QLineEdit* m_role;
    QComboBox* m_kind;
    QComboBox* m_for;
};

} // namespace confer
