#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <vector>

namespace confer {

class Session;

// Notes on a case. Each records its originating agency and author, whether it is fact or a
// professional opinion (Thurrock 5.3.1 d), and its marking. Never edited in place: a correction is a
// new version that keeps the old (Thurrock 8.3.2, 8.4).
class NoteService final {
public:
    explicit NoteService(Session& session);

    struct NewNote {
        qint64 agencyId = 0; // defaults to the author's agency in the UI
        bool isOpinion = false;
        QString opinionBasis; // required for an opinion: on what basis it is formed
        Marking marking = Marking::OfficialSensitive;
        QString body;
    };
    Result<Note> add(qint64 caseId, const NewNote& note);
    // A new version of the thread noteId belongs to; the reason is required.
    Result<Note> correct(qint64 noteId, const QString& body, const QString& reason);
    Result<std::vector<Note>> latestVersions(qint64 caseId); // one per thread, newest first
    Result<std::vector<Note>> history(qint64 noteId);        // every version, oldest first

private:
    Session& m_session;
};

} // namespace confer
