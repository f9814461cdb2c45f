#pragma once

#include "common/Result.h"
#include "export/PdfBlocks.h"

#include <QSizeF>
#include <QTextDocument>

#include <memory>

class QPaintDevice;

namespace confer {

// Lays out a marked PDF's blocks as one flowing text document, measured on the PDF's own paint device
// and cut into pages of the given content size: headings, paragraphs, tables (their header repeated on
// each page) and signatures as inline vector objects. Built with QTextCursor from plain text only.
class PdfFlow final {
public:
    // The family every page is set in; DejaVu Sans can be embedded and covers Welsh.
    static QString fontFamily();

    // InvalidInput when a table row has more cells than its header, or a heading level is not 1 to 3.
    static Result<std::unique_ptr<QTextDocument>> build(const std::vector<PdfBlock>& blocks,
                                                        QPaintDevice& device, const QSizeF& pageContentSize);
};

} // namespace confer
