#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <vector>

namespace confer {

class Session;

// Notes on a case. Each records its originating agency and author, whether it is fact or a
// professional opinion (Thurrock 5.3.1 d), and its marking. Never edited in place: a correction is a
// new version that keeps the old (Thurrock 8.3.2, 8.4).
//
// Who may correct: the originating agency keeps ownership of what it said, so a correction is made by
// a user of that agency (users.agency_id) or by the note's original author (who may have minuted it
// for another agency), and only while they are a member of the case's panel. A correction keeps the
// thread's agency, opinion flag, basis and marking; it records its own author, time and reason.
class NoteService final {
public:
    explicit NoteService(Session& session);

    struct NewNote {
        std::optional<AgencyId>
            agencyId; // the agency the information comes from; none means the author's own
        bool isOpinion = false;
        QString opinionBasis; // required for an opinion: on what basis it is formed
        Marking marking = Marking::OfficialSensitive;
        QString body;
        // Synthetic demonstration data (DemoPartnership only). Set at insert because notes are never
        // updated, not even to mark them.
        bool isDemo = false;
    };
    Result<Note> add(CaseId caseId, const NewNote& note);
    // A new version of the thread noteId belongs to; the reason is required.
    Result<Note> correct(NoteId noteId, const QString& body, const QString& reason);
    // One per thread (its newest version), threads newest first by when the note was first written.
    Result<std::vector<Note>> latestVersions(CaseId caseId);
    Result<std::vector<Note>> history(NoteId noteId); // every version, oldest first

private:
    Session& m_session;
};

} // namespace confer
