#pragma once

#include "common/Id.h"
#include "common/Result.h"
#include "export/MarkedPdfWriter.h"

#include <QString>

namespace confer {

class PanelKindRegistry;
class Session;

// The declaration certificate of a meeting (issue 8; Thurrock 8.1 Method A, Durham 5.10): the evidence of who
// agreed to which exact text, and how. The meeting's details, the declaration text in full with its version
// and SHA-256, then each attendee's latest declaration (name, agency, role, time in UTC, method, and a drawn
// signature as vector paths), the overrides with their reasons and anyone present who never signed; as a
// marked PDF (MarkedPdfWriter). Exporting is leading the meeting: the panel's chair and coordinators only
// (MeetingAccess, Need::Leading), with one sentence for a meeting that does not exist and one that may not be
// exported.
class DeclarationCertificate final {
public:
    DeclarationCertificate(Session& session, const PanelKindRegistry& kinds);

    // The PDF in memory, for a preview or a test. Its reads are audited as reads of the meeting.
    Result<MarkedPdfWriter::Rendered> render(MeetingId meetingId);
    // Writes it through SafeFile and, once the file is in place, audits the export
    // ("declaration.certificate.export": the meeting's reference, the file's SHA-256, size and pages; never
    // the path, which the user chose and may hold a name). A failed write audits nothing and leaves no file.
    Result<MarkedPdfWriter::Written> exportTo(MeetingId meetingId, const QString& path);

private:
    Result<MarkedPdfWriter> compose(MeetingId meetingId);

    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
