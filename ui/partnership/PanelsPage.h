#pragma once

#include "common/Id.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace confer {

class ErrorLine;
class PanelsModel;
struct Caseload;

// Administrators only: the partnership's panels with their kind, chair and membership; a new panel
// and the members of one are dialogs that call PanelService.
class PanelsPage final : public QWidget {
    Q_OBJECT
public:
    PanelsPage(Caseload& caseload, QWidget* parent = nullptr);

    // Reads the store again. A page starts empty: the workspace refreshes it each time it is shown,
    // so unlocking does not wait for pages nobody has opened.
    void refresh();
    // Forgets every row before the session goes.
    void clear();
    void selectPanel(PanelId panelId);
    void openNewPanel();
    void openMembers();

    PanelsModel* model() const { return m_model; }

private:
    std::optional<PanelId> selectedPanelId() const;
    void updateButtons();

    Caseload* m_caseload;
    PanelsModel* m_model;
    QTableView* m_table;
    QPushButton* m_newPanel;
    QPushButton* m_members;
    ErrorLine* m_error;
};

} // namespace confer
