#pragma once

#include "common/Id.h"
#include "common/Result.h"

#include <QList>
#include <QPair>
#include <QString>

#include <vector>

namespace confer {

class PanelKindRegistry;
class Session;

// Per panel the user belongs to: cases by stage, overdue reviews, overdue actions.
class DashboardService final {
public:
    struct PanelFigures {
        PanelId panelId;
        QString panelName;
        QString kindKey;
        QList<QPair<QString, int>> casesByStage; // stage label -> count, in the kind's stage order
        int openCases = 0;
        int overdueReviews = 0;
        int overdueActions = 0;
        int redRisk = 0;
    };
    DashboardService(Session& session, const PanelKindRegistry& kinds);
    Result<std::vector<PanelFigures>> figures() const;

private:
    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
