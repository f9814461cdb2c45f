#pragma once

class QString;
class QTableView;

namespace confer {

// The look every list in the caseload and partnership sections shares with the accounts page: whole
// rows selected one at a time, no grid, alternating rows, left-aligned headers, Tab leaving the table.
class TableSetup final {
public:
    static void apply(QTableView* table, const QString& accessibleName);
};

} // namespace confer
