#pragma once

#include "common/Id.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QModelIndex;
class QTableView;

namespace confer {

class ErrorLine;
class MyActionsModel;
struct Caseload;

// "My agency's actions": what the panels have asked the user's agency to do, open ones first and
// overdue ones marked, from cases the user may see. Enter or a double-click opens the case.
class MyActionsPage final : public QWidget {
    Q_OBJECT
public:
    MyActionsPage(Caseload& caseload, AgencyId agencyId, QWidget* parent = nullptr);

    // Reads the store again. A page starts empty: the workspace refreshes it each time it is shown,
    // so unlocking does not wait for pages nobody has opened.
    void refresh();
    // Forgets every row before the session goes.
    void clear();

signals:
    void caseRequested(CaseId caseId);

private:
    void onActivated(const QModelIndex& index);

    Caseload* m_caseload;
    AgencyId m_agencyId;
    MyActionsModel* m_model;
    QTableView* m_table;
    QCheckBox* m_showFinished;
    QLabel* m_agencyName;
    QLabel* m_count;
    ErrorLine* m_error;
};

} // namespace confer
