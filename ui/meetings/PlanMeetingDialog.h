#pragma once

#include "meetings/MeetingTypes.h"
#include "partnership/PartnershipTypes.h"
#include "shell/FormDialog.h"

#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimeEdit;

namespace confer {

class MeetingService;

// A meeting's details: its panel (one the user leads), date, start and scheduled end, place and/or video
// link. Plans a new meeting, or changes a planned one. The service checks every rule; a refusal stays here.
class PlanMeetingDialog final : public FormDialog {
    Q_OBJECT
public:
    // panels: those the user leads; existing: the planned meeting to change, or none for a new one.
    PlanMeetingDialog(MeetingService& meetings, const std::vector<Panel>& panels,
                      const std::optional<Meeting>& existing, const QDate& today, QWidget* parent);

    // The meeting planned or changed, once accepted.
    std::optional<MeetingId> savedMeetingId() const { return m_saved; }

protected:
    Status submit() override;
    bool isComplete() const override;

private:
    MeetingService& m_meetings;
    std::optional<Meeting> m_existing;
    std::optional<MeetingId> m_saved;
    QComboBox* m_panel;
    QDateEdit* m_date;
    QTimeEdit* m_start;
    QTimeEdit* m_end;
    QLineEdit* m_place;
    QLineEdit* m_video;
};

} // namespace confer
