#pragma once

#include <QString>

namespace confer {

// The caseload's filter text as an FTS4 query over case_search: every word a prefix term (`word*`), all
// of them required, at most eight of them. Empty when the text has no word.
QString caseSearchMatch(const QString& text);

} // namespace confer
