#pragma once

#include "caseload/CaseloadTypes.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace confer {

class ErrorLine;
struct Caseload;

// The case's one timeline (stage moves, notes, actions and their updates, consent, reviews, recorded
// values), oldest first as the service gives it, or newest first at a tick.
class ChronologyTab final : public QWidget {
    Q_OBJECT
public:
    enum Column { WhenColumn, KindColumn, SummaryColumn, ByColumn, ColumnCount };

    ChronologyTab(Caseload& caseload, QWidget* parent = nullptr);

    void display(CaseId caseId);
    void reload();
    const std::vector<ChronologyEntry>& entries() const { return m_entries; }

private:
    void fill();

    Caseload& m_caseload;
    CaseId m_caseId;
    QCheckBox* m_newestFirst;
    QLabel* m_count;
    ErrorLine* m_error;
    QTableWidget* m_table;
    std::vector<ChronologyEntry> m_entries;
};

} // namespace confer
