#pragma once

#include "caseload/ActionService.h"
#include "partnership/AgencyService.h"
#include "caseload/CaseService.h"
#include "caseload/CaseloadQuery.h"
#include "caseload/ChronologyService.h"
#include "caseload/DashboardService.h"
#include "caseload/NoteService.h"
#include "partnership/PanelService.h"

namespace confer {

class PanelKindRegistry;
class Session;

// The caseload services of one signed-in session, created on unlock and destroyed on lock with it.
struct Caseload final {
    Caseload(Session& signedIn, const PanelKindRegistry& panelKinds)
        : session(signedIn)
        , kinds(panelKinds)
        , agencies(signedIn)
        , panels(signedIn, panelKinds)
        , cases(signedIn, panelKinds)
        , notes(signedIn)
        , actions(signedIn)
        , chronology(signedIn, panelKinds)
        , query(signedIn, panelKinds)
        , dashboard(signedIn, panelKinds)
    {}

    // The signed-in user and the clock, for what the UI defaults from them (a note's agency, "overdue").
    Session& session;
    const PanelKindRegistry& kinds;
    AgencyService agencies;
    PanelService panels;
    CaseService cases;
    NoteService notes;
    ActionService actions;
    ChronologyService chronology;
    CaseloadQuery query;
    DashboardService dashboard;
};

} // namespace confer
