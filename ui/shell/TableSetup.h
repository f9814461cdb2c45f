#pragma once

class QString;
class QTableView;

namespace confer {

// The look every list shares: whole rows selected one at a time, no grid, alternating rows,
// left-aligned headers, rows a fixed height, Tab leaving the table.
class TableSetup final {
public:
    static void apply(QTableView* table, const QString& objectName, const QString& accessibleName);
};

} // namespace confer
