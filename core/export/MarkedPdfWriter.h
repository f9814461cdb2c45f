#pragma once

#include "common/Result.h"
#include "export/PdfBlocks.h"

#include <QString>

#include <vector>

namespace confer {

// The one writer of Confer's PDF exports (declaration certificates, minutes): a flowing document of
// headings, paragraphs, tables and signatures on A4 pages, each page marked at the top and bottom with
// the protective marking and numbered "Page x of y", fonts embedded (PDF/A-1b). The PDF is made in
// memory (QPdfWriter onto a QBuffer, never a temporary file), hashed with SHA-256 and written through
// SafeFile; the caller audits the export with the hash it gets back. Needs a QGuiApplication (fonts);
// the command line starts one on the offscreen platform for its export commands.
class MarkedPdfWriter final {
public:
    struct Options {
        QString title; // the document's title: in its metadata and at the foot of every page
        // Government Security Classifications: everything Confer holds is OFFICIAL-SENSITIVE. A caller
        // may add a descriptor ("OFFICIAL-SENSITIVE PERSONAL"); a page without a marking is never made.
        QString marking = defaultMarking();
        // DemonstrationStore::isDemonstration(): prints DEMONSTRATION beside the marking.
        bool isDemonstration = false;
    };

    struct Rendered {
        QByteArray bytes;
        int pageCount = 0;
    };

    struct Written {
        QString sha256Hex; // of the bytes on disk, for the export's audit event
        qint64 size = 0;
        int pageCount = 0;
    };

    static QString defaultMarking();
    static constexpr int MaxMarkingLength = 60;

    explicit MarkedPdfWriter(Options options);

    void heading(const QString& text, int level = 1);
    void paragraph(const QString& text);
    void table(const QStringList& header, std::vector<std::vector<PdfCell>> rows);
    void signature(const Signature& signature, const QString& caption = QString());

    // The PDF in memory. InvalidInput for a missing title, a marking that is empty, longer than
    // MaxMarkingLength or more than one line, or blocks that cannot be laid out.
    Result<Rendered> render() const;
    // Renders, then writes through SafeFile (0600; a failure leaves no new file and the old one, if
    // any, unchanged) and returns the SHA-256 of what was read back from the disk.
    Result<Written> writeTo(const QString& path) const;

private:
    Status checkOptions() const;

    Options m_options;
    std::vector<PdfBlock> m_blocks;
};

} // namespace confer
