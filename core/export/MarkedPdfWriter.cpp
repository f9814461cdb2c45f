#include "export/MarkedPdfWriter.h"

#include "crypto/Sha256.h"
#include "export/MarkedPageFrame.h"
#include "export/PdfFlow.h"
#include "files/SafeFile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::MarkedPdfWriter)
};

constexpr int Resolution = 300; // dots per inch of the layout; the PDF itself is vector
constexpr qreal MmPerInch = 25.4;

Error cannotMakePdf(const QString& detail)
{
    return makeError(ErrorCode::Io, Tr::tr("Confer could not make the PDF. Nothing was written."),
                     QStringLiteral("pdf: ") + detail);
}

// Draws the part of the flowing document that falls on one page into the frame's content rectangle.
void paintContent(QPainter& painter, QTextDocument& document, const QRectF& content, int page)
{
    painter.save();
    painter.translate(content.left(), content.top() - page * content.height());
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = QRectF(0, page * content.height(), content.width(), content.height());
    context.palette.setColor(QPalette::Text, Qt::black);
    painter.setClipRect(context.clip); // a table's borders stop at the content's edge, clear of the marking
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

// SafeFile speaks of the store's folder; an export goes where the person chose, so it is said again for
// that place. A file that holds the new bytes after a failure was written but may not be durable yet.
Error writeFailure(const Error& failure, const QString& path, const QByteArray& bytes)
{
    Result<QByteArray> onDisk = SafeFile::read(path, bytes.size() + 1);
    if (onDisk.ok() && *onDisk == bytes) {
        return makeError(failure.code,
                         Tr::tr("Confer wrote the PDF but could not make sure it reached the disk. Check the "
                                "disk, then export again."),
                         failure.detail);
    }
    QString message;
    switch (failure.code) {
    case ErrorCode::DiskFull:
        message = Tr::tr("There is not enough disk space to write the PDF there, so no PDF was written. Free "
                         "some space and export again.");
        break;
    case ErrorCode::InvalidInput:
        message =
            Tr::tr("A file of that name is a link or not an ordinary file, so Confer will not write over "
                   "it. No PDF was written; choose another name.");
        break;
    default:
        message = Tr::tr("Confer could not write the PDF in that folder, so no PDF was written. Choose a "
                         "folder you may write to.");
        break;
    }
    return makeError(failure.code, message, failure.detail);
}

} // namespace

QString MarkedPdfWriter::defaultMarking()
{
    return QStringLiteral("OFFICIAL-SENSITIVE");
}

MarkedPdfWriter::MarkedPdfWriter(Options options)
    : m_options(std::move(options))
{}

void MarkedPdfWriter::heading(const QString& text, int level)
{
    m_blocks.emplace_back(PdfHeading{text, level});
}

void MarkedPdfWriter::paragraph(const QString& text)
{
    m_blocks.emplace_back(PdfParagraph{text});
}

void MarkedPdfWriter::table(const QStringList& header, std::vector<std::vector<PdfCell>> rows)
{
    m_blocks.emplace_back(PdfTable{header, std::move(rows)});
}

void MarkedPdfWriter::signature(const Signature& signature, const QString& caption)
{
    m_blocks.emplace_back(PdfSignature{signature, caption});
}

Status MarkedPdfWriter::checkOptions() const
{
    if (m_options.title.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("An export needs a title."),
                         QStringLiteral("pdf: no title"));
    const QString marking = m_options.marking.trimmed();
    const bool isOneLine = std::none_of(marking.cbegin(), marking.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line ||
               c.category() == QChar::Separator_Paragraph;
    });
    if (marking.isEmpty() || marking.size() > MaxMarkingLength || !isOneLine) {
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("An export needs a protective marking of one line, at most %1 characters, such "
                   "as %2.")
                .arg(MaxMarkingLength)
                .arg(defaultMarking()),
            QStringLiteral("pdf: marking of %1 characters").arg(marking.size()));
    }
    return {};
}

Result<MarkedPdfWriter::Rendered> MarkedPdfWriter::render() const
{
    if (Status checked = checkOptions(); !checked.ok())
        return checked.error();
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return cannotMakePdf(QStringLiteral("no QGuiApplication (fonts need one)"));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b); // archival: every font embedded
    writer.setResolution(Resolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
    writer.setTitle(m_options.title);
    writer.setCreator(QStringLiteral("Confer " CONFER_VERSION));

    const MarkedPageFrame frame({m_options.marking.trimmed(), m_options.title, m_options.isDemonstration},
                                QSizeF(writer.width(), writer.height()), Resolution / MmPerInch);
    const QRectF content = frame.contentRect();
    auto document = PdfFlow::build(m_blocks, writer, content.size());
    if (!document.ok())
        return document.error();
    const int pageCount = (*document)->pageCount();

    QPainter painter;
    if (!painter.begin(&writer))
        return cannotMakePdf(QStringLiteral("the PDF painter did not start"));
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0 && !writer.newPage())
            return cannotMakePdf(QStringLiteral("no new page after %1").arg(page));
        paintContent(painter, **document, content, page);
        frame.paint(painter, page + 1, pageCount);
    }
    if (!painter.end())
        return cannotMakePdf(QStringLiteral("the PDF painter did not finish"));
    return Rendered{buffer.data(), pageCount};
}

Result<MarkedPdfWriter::Written> MarkedPdfWriter::writeTo(const QString& path) const
{
    Result<Rendered> rendered = render();
    if (!rendered.ok())
        return rendered.error();
    const QByteArray& bytes = rendered->bytes;
    const QByteArray digest = Sha256::of(bytes);
    // SafeFile has compared the bytes read back with those written; hashing what was read back makes
    // the hash given to the audit that of the file on disk, not of a buffer that might differ.
    QString readBackHex;
    const Status written = SafeFile::replace(path, bytes, [&](const QByteArray& readBack) -> Status {
        if (Sha256::of(readBack) != digest)
            return cannotMakePdf(QStringLiteral("the file read back has another SHA-256"));
        readBackHex = QString::fromLatin1(digest.toHex());
        return {};
    });
    if (!written.ok())
        return writeFailure(written.error(), path, bytes);
    return Written{readBackHex, bytes.size(), rendered->pageCount};
}

} // namespace confer
