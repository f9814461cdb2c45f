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
class AgenciesModel;
struct Caseload;

// The directory of partner organisations. Everyone may read it (to find an agency's single point of
// contact); administrators and coordinators add and correct entries.
class AgenciesPage final : public QWidget {
    Q_OBJECT
public:
    AgenciesPage(Caseload& caseload, QWidget* parent = nullptr);

    // Reads the store again. A page starts empty: the workspace refreshes it each time it is shown,
    // so unlocking does not wait for pages nobody has opened.
    void refresh();
    // Forgets every row before the session goes.
    void clear();
    void selectAgency(AgencyId agencyId);
    void openAddAgency();
    void openEditAgency();

    bool canEdit() const { return m_canEdit; }
    AgenciesModel* model() const { return m_model; }

private:
    std::optional<AgencyId> selectedAgencyId() const;
    void updateButtons();

    Caseload* m_caseload;
    bool m_canEdit;
    AgenciesModel* m_model;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_edit;
    ErrorLine* m_error;
};

} // namespace confer
