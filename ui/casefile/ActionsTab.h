#pragma once

#include "casefile/OpenCase.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace confer {

class ErrorLine;
struct Caseload;

// The actions agreed for a case: who owns each and by when, its status (overdue ones marked), the
// trail of updates on the selected one, "Add action…" and "Update…".
class ActionsTab final : public QWidget {
    Q_OBJECT
public:
    enum Column { DescriptionColumn, AgencyColumn, PersonColumn, DueColumn, StatusColumn, ColumnCount };

    ActionsTab(Caseload& caseload, QWidget* parent = nullptr);

    void display(const OpenCase& openCase);
    void reload();

    const std::vector<CaseAction>& actions() const { return m_actions; }

signals:
    void actionsChanged();

private:
    void openAddDialog();
    void openUpdateDialog();
    void showUpdatesOfSelected();
    int selectedRow() const;

    Caseload& m_caseload;
    OpenCase m_case;
    QPushButton* m_add;
    QPushButton* m_update;
    QLabel* m_count;
    ErrorLine* m_error;
    QTableWidget* m_table;
    QLabel* m_updatesTitle;
    QTableWidget* m_updates;
    std::vector<CaseAction> m_actions;
};

} // namespace confer
