#pragma once

#include "caseload/CaseloadTypes.h"

#include <QColor>
#include <QIcon>

namespace confer {

// The colours and marks a caseload reader scans for: the RAG badge (the same soft colours as the case
// file's badges) and the red of an overdue date with its icon. Colour is never the only signal: the
// text always says it too.
class CaseloadLook final {
public:
    struct BadgeColours {
        QColor background;
        QColor text;
        QColor border;
    };
    static BadgeColours risk(Risk risk);
    static QColor overdue();
    // A small red disc with a white "!", drawn once.
    static QIcon overdueIcon();
};

} // namespace confer
