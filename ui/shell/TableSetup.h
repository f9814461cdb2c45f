#pragma once

class QString;
class QTableView;

namespace confer {

// The look every list shares: whole rows selected one at a time, no grid, alternating rows,
// left-aligned headers, rows a fixed height, Tab leaving the table.
class TableSetup final {
public:
    static void apply(QTableView* table, const QString& objectName, const QString& accessibleName);
    // The one selected row, or -1.
    static int selectedRow(const QTableView* table);
    // Selects the row when there is one (row >= 0).
    static void selectRow(QTableView* table, int row);
};

} // namespace confer
