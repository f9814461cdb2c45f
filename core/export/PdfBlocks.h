#pragma once

#include "meetings/Signature.h"

#include <QString>
#include <QStringList>

#include <variant>
#include <vector>

namespace confer {

// What a marked PDF is made of, in the order given: plain values, laid out by PdfFlow. Text is always
// plain text (never HTML), so a name or a note cannot change the document's layout.
struct PdfHeading {
    QString text;
    int level = 1; // 1 to 3
};

struct PdfParagraph {
    QString text; // a line break starts a new paragraph
};

// One cell of a table: text, or a signature drawn as vector ink.
using PdfCell = std::variant<QString, Signature>;

struct PdfTable {
    QStringList header; // repeated at the top of every page the table runs onto
    std::vector<std::vector<PdfCell>> rows;
};

struct PdfSignature {
    Signature signature;
    QString caption; // printed under the signature, e.g. who signed
};

using PdfBlock = std::variant<PdfHeading, PdfParagraph, PdfTable, PdfSignature>;

} // namespace confer
