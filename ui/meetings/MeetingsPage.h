#pragma once

#include "common/Id.h"
#include "partnership/PartnershipTypes.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace confer {

class ErrorLine;
class MeetingsModel;
struct Caseload;
struct Meetings;
struct MeetingListRow;

// The meetings of the user's panels, upcoming first, with what the user may do with the one selected:
// plan a meeting, open the planner, open the meeting on its day, enter its room (or view a closed one),
// cancel it. Whether a button may be used is the service's rule (MeetingAccess); a button that may not
// says why in its tooltip.
class MeetingsPage final : public QWidget {
    Q_OBJECT
public:
    MeetingsPage(Caseload& caseload, Meetings& meetings, QWidget* parent = nullptr);

    void refresh();
    void clear();
    void selectMeeting(MeetingId meetingId);

    void openPlanDialog();
    void openMeeting();
    void openCancelDialog();

signals:
    void plannerRequested(confer::MeetingId meetingId);
    void roomRequested(confer::MeetingId meetingId);

private:
    QLayout* makeActionRow();
    void fillPanelFilter();
    std::optional<PanelId> chosenPanel() const;
    // The panels a meeting may be planned for: the one chosen, or every one the user leads.
    std::vector<Panel> plannablePanels() const;
    const MeetingListRow* selectedRow() const;
    void updateButtons();
    void enterSelected();

    Caseload* m_caseload;
    Meetings* m_meetings;
    std::vector<Panel> m_panels; // the filter's, as the panel service listed them
    MeetingsModel* m_model;
    QComboBox* m_panelBox;
    QTableView* m_table;
    QLabel* m_empty;
    QPushButton* m_plan;
    QPushButton* m_planner;
    QPushButton* m_open;
    QPushButton* m_enter;
    QPushButton* m_cancel;
    ErrorLine* m_error;
};

} // namespace confer
