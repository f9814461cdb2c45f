#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

namespace confer {

class PanelKindRegistry;
class Session;
struct PanelKind;

// Who or what a case is about (a person, a household or a location): checked against the panel kind,
// written once and shared by every case about them, and reachable only through a case the user may see.
class SubjectRecords final {
public:
    SubjectRecords(Session& session, const PanelKindRegistry& kinds);

    // Data minimisation: only the subject types a kind works with, and for a household or a location no
    // personal details that belong to a person.
    static Status validate(const Subject& subject, const PanelKind& kind, const QDate& today);
    // What the case search index holds for a subject: the name and any aliases.
    static QString searchText(const Subject& subject);

    // The subject a new case will be about: an existing one (id set) as stored, if the user already
    // sees them on one of their panels; or a new one (id 0) once it is valid. Nothing is written.
    Result<Subject> forNewCase(const Subject& requested, const PanelKind& kind);
    // Inserts a new subject (inside the caller's transaction) and returns its id.
    Result<SubjectId> insert(const Subject& subject, const QString& nowUtc);
    // Changes the details of the subject of a case; every case about them is found by the new name.
    Status update(CaseId caseId, const Subject& subject);

private:
    Result<Subject> readKnown(SubjectId subjectId);

    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
