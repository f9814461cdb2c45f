#pragma once

#include "meetings/AgendaBuilder.h"
#include "meetings/Attendance.h"
#include "meetings/DeclarationTexts.h"
#include "meetings/Declarations.h"
#include "meetings/MeetingAccess.h"
#include "meetings/MeetingDecisions.h"
#include "meetings/MeetingRoom.h"
#include "meetings/MeetingService.h"

namespace confer {

class PanelKindRegistry;
class Session;

// The meeting services of one signed-in session, for the screens (meetings list, planner, meeting room,
// sign-in hand-over), created on unlock and destroyed on lock with it. Each returns plain domain values.
struct Meetings final {
    Meetings(Session& signedIn, const PanelKindRegistry& panelKinds)
        : access(signedIn)
        , meetings(signedIn, panelKinds)
        , agenda(signedIn, panelKinds)
        , attendance(signedIn, panelKinds)
        , texts(signedIn, panelKinds)
        , declarations(signedIn)
        , room(signedIn, panelKinds)
        , decisions(signedIn, panelKinds)
    {}

    // Who may read or lead a meeting, asked by the screens before they show a button (never audited).
    MeetingAccess access;
    MeetingService meetings;
    AgendaBuilder agenda;
    Attendance attendance;
    DeclarationTexts texts;
    Declarations declarations;
    MeetingRoom room;
    MeetingDecisions decisions;
};

} // namespace confer
