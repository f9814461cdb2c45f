#include "export/PdfFlow.h"

#include "export/SignatureTextObject.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPaintDevice>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextTable>

#include <optional>
#include <variant>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PdfFlow)
};

// Sizes in points for type; spacing in the layout's 1/96-inch pixels (scaled to the device by Qt).
constexpr qreal BodyPoints = 10;
constexpr qreal TablePoints = 9;
constexpr qreal CaptionPoints = 8.5;
constexpr qreal HeadingPoints[] = {16, 13, 11};
constexpr qreal HeadingSpaceBefore[] = {14, 12, 8};
constexpr qreal SpaceAfter = 6;
constexpr qreal CellPadding = 4;
constexpr qreal TableBorder = 1; // with collapsed borders, under 1 draws no inner grid at all
const QSizeF SignatureBoxMm(60, 20);
const QSizeF CellSignatureBoxMm(40, 14);
constexpr qreal MmPerInch = 25.4;

QFont font(qreal points, bool isBold = false)
{
    QFont font(PdfFlow::fontFamily());
    font.setPointSizeF(points);
    font.setBold(isBold);
    font.setHintingPreference(QFont::PreferNoHinting); // print metrics, not a screen's
    // No ligatures: a hash or a word copied from the PDF reads back letter for letter ("ff", not one glyph).
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QTextCharFormat textFormat(qreal points, bool isBold = false, const QColor& colour = Qt::black)
{
    QTextCharFormat format;
    format.setFont(font(points, isBold));
    format.setForeground(colour);
    return format;
}

Error layoutError(const QString& detail)
{
    return makeError(ErrorCode::InvalidInput, Tr::tr("Confer could not lay out this document."),
                     QStringLiteral("pdf layout: ") + detail);
}

// Adds to the document, reusing the empty block the document starts with (and the one a table leaves
// after it), so no stray blank lines appear.
class Flow final {
public:
    Flow(QTextDocument& document, SignatureTextObject& signatures)
        : m_cursor(&document)
        , m_signatures(signatures)
    {}

    void startBlock(const QTextBlockFormat& block, const QTextCharFormat& chars)
    {
        m_cursor.movePosition(QTextCursor::End);
        if (m_cursor.block().length() <= 1) { // empty: take it over
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(chars);
            m_cursor.setCharFormat(chars);
        } else {
            m_cursor.insertBlock(block, chars);
        }
    }

    void add(const PdfHeading& heading)
    {
        QTextBlockFormat block;
        const int index = heading.level - 1;
        block.setTopMargin(m_isAtTop ? 0 : HeadingSpaceBefore[index]);
        block.setBottomMargin(SpaceAfter);
        block.setHeadingLevel(heading.level);
        const QTextCharFormat chars = textFormat(HeadingPoints[index], true);
        startBlock(block, chars);
        m_cursor.insertText(heading.text, chars);
        m_isAtTop = false;
    }

    void add(const PdfParagraph& paragraph)
    {
        QTextBlockFormat block;
        block.setBottomMargin(SpaceAfter);
        const QTextCharFormat chars = textFormat(BodyPoints);
        startBlock(block, chars);
        m_cursor.insertText(paragraph.text, chars); // a '\n' becomes a new block of the same format
        m_isAtTop = false;
    }

    void add(const PdfSignature& signature)
    {
        QTextBlockFormat block;
        block.setTopMargin(m_isAtTop ? 0 : SpaceAfter);
        startBlock(block, textFormat(BodyPoints));
        m_cursor.insertText(QString(QChar::ObjectReplacementCharacter),
                            m_signatures.add(signature.signature, SignatureBoxMm));
        if (!signature.caption.isEmpty()) {
            QTextBlockFormat caption;
            caption.setBottomMargin(SpaceAfter);
            const QTextCharFormat chars = textFormat(CaptionPoints, false, QColor(0x44, 0x4a, 0x55));
            m_cursor.insertBlock(caption, chars);
            m_cursor.insertText(signature.caption, chars);
        }
        m_isAtTop = false;
    }

    void add(const PdfTable& table);

private:
    void fillCell(QTextTable& table, int row, int column, const PdfCell& cell, const QTextCharFormat& chars);

    QTextCursor m_cursor;
    SignatureTextObject& m_signatures;
    bool m_isAtTop = true;
};

QTextTableFormat tableFormat(int columns)
{
    QTextTableFormat format;
    format.setBorder(TableBorder);
    format.setBorderBrush(QColor(0x8a, 0x8f, 0x98));
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setCellSpacing(0);
    format.setCellPadding(CellPadding);
    format.setHeaderRowCount(1);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setTopMargin(2);
    format.setBottomMargin(SpaceAfter * 2);
    format.setColumns(columns);
    return format;
}

void Flow::fillCell(QTextTable& table, int row, int column, const PdfCell& cell, const QTextCharFormat& chars)
{
    QTextCursor cursor = table.cellAt(row, column).firstCursorPosition();
    cursor.setBlockCharFormat(chars);
    if (const auto* text = std::get_if<QString>(&cell))
        cursor.insertText(*text, chars);
    else
        cursor.insertText(QString(QChar::ObjectReplacementCharacter),
                          m_signatures.add(std::get<Signature>(cell), CellSignatureBoxMm));
}

void Flow::add(const PdfTable& table)
{
    const int columns = static_cast<int>(table.header.size());
    m_cursor.movePosition(QTextCursor::End);
    QTextTable* added =
        m_cursor.insertTable(static_cast<int>(table.rows.size()) + 1, columns, tableFormat(columns));
    const QTextCharFormat headerChars = textFormat(TablePoints, true);
    for (int column = 0; column < columns; ++column) {
        fillCell(*added, 0, column, table.header.at(column), headerChars);
        // After the text: a cell's format is its first block's character format, which filling sets.
        QTextTableCell cell = added->cellAt(0, column);
        QTextCharFormat shaded = cell.format();
        shaded.setBackground(QColor(0xe8, 0xea, 0xee));
        cell.setFormat(shaded);
    }
    const QTextCharFormat cellChars = textFormat(TablePoints);
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const std::vector<PdfCell>& cells = table.rows[row];
        for (std::size_t column = 0; column < cells.size(); ++column)
            fillCell(*added, static_cast<int>(row) + 1, static_cast<int>(column), cells[column], cellChars);
    }
    m_cursor.movePosition(QTextCursor::End);
    m_isAtTop = false;
}

std::optional<Error> checkBlock(const PdfBlock& block)
{
    if (const auto* heading = std::get_if<PdfHeading>(&block)) {
        if (heading->level < 1 || heading->level > 3)
            return layoutError(QStringLiteral("heading level %1").arg(heading->level));
    }
    if (const auto* table = std::get_if<PdfTable>(&block)) {
        if (table->header.isEmpty())
            return layoutError(QStringLiteral("a table without columns"));
        for (const std::vector<PdfCell>& row : table->rows) {
            if (row.size() > static_cast<std::size_t>(table->header.size()))
                return layoutError(QStringLiteral("a row of %1 cells under a header of %2")
                                       .arg(row.size())
                                       .arg(table->header.size()));
        }
    }
    return std::nullopt;
}

} // namespace

QString PdfFlow::fontFamily()
{
    return QStringLiteral("DejaVu Sans");
}

Result<std::unique_ptr<QTextDocument>> PdfFlow::build(const std::vector<PdfBlock>& blocks,
                                                      QPaintDevice& device, const QSizeF& pageContentSize)
{
    for (const PdfBlock& block : blocks) {
        if (std::optional<Error> refused = checkBlock(block))
            return *refused;
    }
    auto document = std::make_unique<QTextDocument>();
    document->setDocumentMargin(0);
    document->setUseDesignMetrics(true);
    document->setDefaultFont(font(BodyPoints));
    QTextOption wrapping;
    wrapping.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a 64-digit hash still fits a cell
    document->setDefaultTextOption(wrapping);
    auto* signatures = new SignatureTextObject(device.logicalDpiY() / MmPerInch, document.get());

    // The content goes in before the document has a layout: with one, every cell added to a table lays
    // the whole table out again, and a table of 150 rows took 15 s instead of a fraction of one.
    Flow flow(*document, *signatures);
    for (const PdfBlock& block : blocks)
        std::visit([&flow](const auto& value) { flow.add(value); }, block);
    QAbstractTextDocumentLayout* layout = document->documentLayout(); // made here, on first use
    layout->setPaintDevice(&device);
    layout->registerHandler(SignatureTextObject::ObjectType, signatures);
    document->setPageSize(pageContentSize); // lays it all out on the PDF's metrics, cut into pages
    return document;
}

} // namespace confer
