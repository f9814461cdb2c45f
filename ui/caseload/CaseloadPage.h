#pragma once

#include "caseload/CaseloadQuery.h"
#include "caseload/CaseloadTypes.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QTableView;
class QTimer;

namespace confer {

class ErrorLine;
class CaseloadModel;
struct Caseload;

// The cases of the panels the user sits on: filter as you type (reference, name, postcode), filters
// by panel, stage, risk and overdue review, sorting by the column headers, and the table itself,
// which pages from the store. Enter or a double-click asks for the case to be opened.
class CaseloadPage final : public QWidget {
    Q_OBJECT
public:
    // How long typing may pause before the filter runs: one query per pause, not per key.
    static constexpr int FilterDelayMs = 150;

    CaseloadPage(Caseload& caseload, QWidget* parent = nullptr);

    // Reads the store again. A page starts empty: the workspace refreshes it each time it is shown,
    // so unlocking does not wait for pages nobody has opened. The filters are kept.
    void refresh();
    // Forgets every row and stops the filter timer before the session goes.
    void clear();
    // Sets the controls to this filter and shows its cases (from a dashboard figure).
    void showFiltered(const CaseloadQuery::Filter& filter);
    // Runs a filter still waiting for typing to pause.
    void applyPendingFilter();
    bool isFilterPending() const;
    void selectCase(CaseId caseId);
    void openNewCaseDialog();

    QTableView* table() const { return m_table; }
    // Every filter back to its start: all panels, any stage and risk, no text, open cases.
    void clearFilters();
    bool isMemberOfAnyPanel() const { return !m_memberPanels.empty(); }

signals:
    void caseRequested(CaseId caseId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setUpControls(bool isAdministrator);
    void setUpTable();
    QHBoxLayout* makeFilterRow();
    QHBoxLayout* makeOptionsRow();
    void connectControls();
    void fillPanelBox();
    void fillStageBox();
    CaseloadQuery::Filter filterFromControls() const;
    void applyFilter();
    void showCount();
    void showError(const QString& message);
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void onActivated(const QModelIndex& index);

    Caseload* m_caseload;
    std::vector<Panel> m_memberPanels;
    CaseloadModel* m_model;
    QTableView* m_table;
    QLineEdit* m_filterEdit;
    QComboBox* m_panelBox;
    QComboBox* m_stageBox;
    QComboBox* m_riskBox;
    QCheckBox* m_overdueCheck;
    QCheckBox* m_includeClosedCheck;
    QLabel* m_count;
    ErrorLine* m_error;
    QLabel* m_noPanels;
    QWidget* m_content;
    QPushButton* m_newCase;
    QPushButton* m_clearFilters;
    QTimer* m_filterTimer;
    bool m_isFillingControls = false;
};

} // namespace confer
