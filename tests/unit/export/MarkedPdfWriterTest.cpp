// The marked-PDF writer, read back the way a recipient's viewer reads it (Poppler, linked into this
// test only): the marking at the top and bottom of every page, "Page x of y", the text itself, every
// font embedded, signatures as vector ink, and a write that fails leaving nothing behind.
#include "export/MarkedPdfWriter.h"

#include "ReadOnlyFolder.h"
#include "SmallDisk.h"
#include "TestStoreDir.h"
#include "crypto/Sha256.h"
#include "files/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QtMath>

#include <gtest/gtest.h>
#include <poppler-qt6.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace confer;

namespace {

const QString Title = QStringLiteral("Declarations: Easington MAPS, 5 January 2026");

std::unique_ptr<Poppler::Document> load(const QByteArray& bytes)
{
    auto document = Poppler::Document::loadFromData(bytes);
    EXPECT_TRUE(document && !document->isLocked()) << "Poppler could not read the PDF";
    return document;
}

QString pageText(const Poppler::Document& document, int page)
{
    return document.page(page)->text(QRectF());
}

MarkedPdfWriter::Rendered render(const MarkedPdfWriter& writer)
{
    Result<MarkedPdfWriter::Rendered> rendered = writer.render();
    EXPECT_TRUE(rendered.ok()) << (rendered.ok() ? std::string() : rendered.error().detail.toStdString());
    return rendered.ok() ? *rendered : MarkedPdfWriter::Rendered{};
}

// Enough paragraphs to run onto several pages.
MarkedPdfWriter longDocument(int paragraphs = 60)
{
    MarkedPdfWriter writer({Title});
    writer.heading(QStringLiteral("Confidentiality declaration"));
    for (int i = 1; i <= paragraphs; ++i)
        writer.paragraph(
            QStringLiteral("Paragraph %1. Information shared at this meeting is for the purpose of "
                           "the meeting only and is not passed on without the consent of the "
                           "agency that gave it.")
                .arg(i));
    return writer;
}

Signature initials()
{
    Signature::Stroke j, s;
    for (int i = 0; i <= 40; ++i) {
        const qreal t = qreal(i) / 40;
        j.push_back({40 + 12 * qSin(t * M_PI), 20 + 70 * t, 0.3 + 0.6 * qSin(t * M_PI)});
        s.push_back({100 + 20 * qCos(t * 2 * M_PI), 20 + 70 * t, 0.9 - 0.5 * t});
    }
    return Signature({j, s});
}

// Pixels of the signature's blue-black ink (and its anti-aliased edges) in a page rendered by Poppler;
// black and grey text has no blue cast, so it does not count.
int inkPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.blue() - pixel.red() >= 25 && pixel.blue() < 200)
                ++count;
        }
    }
    return count;
}

} // namespace

TEST(MarkedPdf, EveryPageCarriesTheMarkingAtTheTopAndTheBottom)
{
    const MarkedPdfWriter::Rendered rendered = render(longDocument());
    ASSERT_GE(rendered.pageCount, 3);
    auto document = load(rendered.bytes);
    ASSERT_TRUE(document);
    ASSERT_EQ(document->numPages(), rendered.pageCount);
    for (int page = 0; page < document->numPages(); ++page) {
        auto pdfPage = document->page(page);
        const qreal height = pdfPage->pageSizeF().height();
        bool isMarkedAtTop = false, isMarkedAtBottom = false;
        for (const auto& box : pdfPage->textList()) {
            if (box->text() != QLatin1String("OFFICIAL-SENSITIVE"))
                continue;
            isMarkedAtTop |= box->boundingBox().bottom() < 0.1 * height;
            isMarkedAtBottom |= box->boundingBox().top() > 0.9 * height;
        }
        EXPECT_TRUE(isMarkedAtTop) << "page " << page + 1 << " has no marking at the top";
        EXPECT_TRUE(isMarkedAtBottom) << "page " << page + 1 << " has no marking at the bottom";
    }
}

TEST(MarkedPdf, PagesAreNumberedPageXOfY)
{
    const MarkedPdfWriter::Rendered rendered = render(longDocument());
    auto document = load(rendered.bytes);
    ASSERT_TRUE(document);
    const int pages = document->numPages();
    for (int page = 0; page < pages; ++page) {
        EXPECT_TRUE(
            pageText(*document, page).contains(QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages)))
            << pageText(*document, page).toStdString();
    }
    // Nothing is lost between pages: every paragraph is somewhere.
    QString all;
    for (int page = 0; page < pages; ++page)
        all += pageText(*document, page);
    for (int i = 1; i <= 60; ++i)
        EXPECT_TRUE(all.contains(QStringLiteral("Paragraph %1.").arg(i)))
            << "paragraph " << i << " is missing";
}

TEST(MarkedPdf, HeadingsParagraphsAndTablesArePrintedAsGiven)
{
    MarkedPdfWriter writer({Title});
    writer.heading(QStringLiteral("Attendance"), 1);
    writer.heading(QStringLiteral("Present"), 2);
    writer.paragraph(QStringLiteral("<b>Plain text</b> stays plain & literal."));
    writer.table(
        {QStringLiteral("Name"), QStringLiteral("Agency"), QStringLiteral("Role")},
        {{QStringLiteral("Gwenllian Ŵyn"), QStringLiteral("Durham Constabulary"), QStringLiteral("Member")},
         {QStringLiteral("Sam Okafor"), QStringLiteral("Housing")}});
    auto document = load(render(writer).bytes);
    ASSERT_TRUE(document);
    const QString text = pageText(*document, 0);
    for (const char* expected :
         {"Attendance", "Present", "<b>Plain text</b> stays plain & literal.", "Name", "Agency", "Role",
          "Gwenllian Ŵyn", "Durham Constabulary", "Sam Okafor", "Housing"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << " missing from\n"
                                                                << text.toStdString();
    EXPECT_EQ(document->info(QStringLiteral("Title")), Title);
    EXPECT_TRUE(document->info(QStringLiteral("Creator")).startsWith(QLatin1String("Confer")));
}

TEST(MarkedPdf, EveryFontIsEmbedded)
{
    MarkedPdfWriter writer({Title});
    writer.heading(QStringLiteral("Bold heading"));
    writer.paragraph(QStringLiteral("Regular text, and Welsh: ŵ ŷ â."));
    writer.table({QStringLiteral("Header")}, {{QStringLiteral("Cell")}});
    auto document = load(render(writer).bytes);
    ASSERT_TRUE(document);
    const QList<Poppler::FontInfo> fonts = document->fonts();
    ASSERT_FALSE(fonts.isEmpty());
    for (const Poppler::FontInfo& font : fonts)
        EXPECT_TRUE(font.isEmbedded()) << font.name().toStdString() << " is not embedded";
}

TEST(MarkedPdf, ALongTableRepeatsItsHeaderOnEveryPage)
{
    MarkedPdfWriter writer({Title});
    std::vector<std::vector<PdfCell>> rows;
    for (int i = 1; i <= 150; ++i)
        rows.push_back({QStringLiteral("Attendee %1").arg(i), QStringLiteral("Agency %1").arg(i)});
    writer.table({QStringLiteral("AttendeeColumn"), QStringLiteral("AgencyColumn")}, std::move(rows));
    const MarkedPdfWriter::Rendered rendered = render(writer);
    ASSERT_GE(rendered.pageCount, 2);
    auto document = load(rendered.bytes);
    ASSERT_TRUE(document);
    for (int page = 0; page < document->numPages(); ++page)
        EXPECT_TRUE(pageText(*document, page).contains(QLatin1String("AttendeeColumn")))
            << "page " << page + 1;
}

TEST(MarkedPdf, SignaturesAreDrawnAsVectorInkNotPictures)
{
    MarkedPdfWriter signedOne({Title});
    signedOne.paragraph(QStringLiteral("Signed by the attendee:"));
    signedOne.signature(initials(), QStringLiteral("Sam Okafor, Housing"));
    signedOne.table({QStringLiteral("Name"), QStringLiteral("Signature")},
                    {{QStringLiteral("Sam Okafor"), initials()}});
    MarkedPdfWriter unsignedOne({Title});
    unsignedOne.paragraph(QStringLiteral("Signed by the attendee:"));
    unsignedOne.paragraph(QStringLiteral("Sam Okafor, Housing"));

    const QByteArray bytes = render(signedOne).bytes;
    // An image would be an XObject of subtype Image (the page's /ProcSet names /ImageB and /ImageC anyway).
    static const QRegularExpression image(QStringLiteral("/Subtype\\s*/Image\\b"));
    EXPECT_FALSE(image.match(QString::fromLatin1(bytes)).hasMatch()) << "the signature became a picture";
    auto document = load(bytes);
    ASSERT_TRUE(document);
    EXPECT_TRUE(pageText(*document, 0).contains(QLatin1String("Sam Okafor, Housing")));
    const int inked = inkPixels(document->page(0)->renderToImage(100, 100));
    auto control = load(render(unsignedOne).bytes);
    ASSERT_TRUE(control);
    const int uninked = inkPixels(control->page(0)->renderToImage(100, 100));
    EXPECT_GT(inked, 200) << "no signature ink on the page";
    EXPECT_EQ(uninked, 0);
}

TEST(MarkedPdf, ADemonstrationStoreSaysSoBesideTheMarking)
{
    MarkedPdfWriter writer({Title, MarkedPdfWriter::defaultMarking(), true});
    writer.paragraph(QStringLiteral("Invented people only."));
    auto document = load(render(writer).bytes);
    ASSERT_TRUE(document);
    EXPECT_EQ(pageText(*document, 0).count(QLatin1String("DEMONSTRATION")), 2);
}

TEST(MarkedPdf, AnotherMarkingIsPrintedInsteadOfTheDefault)
{
    MarkedPdfWriter writer({Title, QStringLiteral("OFFICIAL-SENSITIVE PERSONAL")});
    writer.paragraph(QStringLiteral("Text."));
    auto document = load(render(writer).bytes);
    ASSERT_TRUE(document);
    EXPECT_EQ(pageText(*document, 0).count(QLatin1String("OFFICIAL-SENSITIVE PERSONAL")), 2);
}

TEST(MarkedPdf, NoPdfWithoutATitleOrWithoutAOneLineMarking)
{
    for (const MarkedPdfWriter::Options& options :
         {MarkedPdfWriter::Options{QStringLiteral("  ")}, MarkedPdfWriter::Options{Title, QString()},
          MarkedPdfWriter::Options{Title, QStringLiteral("OFFICIAL\nSENSITIVE")},
          MarkedPdfWriter::Options{Title,
                                   QString(MarkedPdfWriter::MaxMarkingLength + 1, QLatin1Char('X'))}}) {
        MarkedPdfWriter writer(options);
        writer.paragraph(QStringLiteral("Text."));
        const Result<MarkedPdfWriter::Rendered> refused = writer.render();
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    }
}

TEST(MarkedPdf, ATableRowWiderThanItsHeaderIsRefused)
{
    MarkedPdfWriter writer({Title});
    writer.table({QStringLiteral("One")}, {{QStringLiteral("a"), QStringLiteral("b")}});
    const Result<MarkedPdfWriter::Rendered> refused = writer.render();
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().detail.contains(QLatin1String("2 cells")))
        << refused.error().detail.toStdString();
}

TEST(MarkedPdf, WritingReturnsTheSha256OfTheFileOnDiskReadableOnlyByItsOwner)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("declarations.pdf"));
    MarkedPdfWriter writer = longDocument(5);
    const Result<MarkedPdfWriter::Written> written = writer.writeTo(path);
    ASSERT_TRUE(written.ok()) << written.error().detail.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    EXPECT_TRUE(onDisk.startsWith("%PDF-"));
    EXPECT_EQ(written->sha256Hex, Sha256::hexOf(onDisk));
    EXPECT_EQ(written->size, onDisk.size());
    EXPECT_EQ(written->pageCount, 1);
    EXPECT_EQ(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                               QFileDevice::WriteGroup | QFileDevice::WriteOther),
              QFileDevice::Permissions());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("declarations.pdf")});
}

TEST(MarkedPdf, AWriteIntoAFolderThatCannotBeWrittenLeavesNoFileAndSaysSo)
{
    test::TestStoreDir dir;
    const QString folder = dir.file(QStringLiteral("exports"));
    test::ReadOnlyFolder readOnly(folder);
    if (!readOnly.isReady())
        GTEST_SKIP() << "no read-only folder can be made here (" << readOnly.whyNot().toStdString() << ")";
    const QString path = folder + QStringLiteral("/declarations.pdf");
    const Result<MarkedPdfWriter::Written> refused = longDocument(3).writeTo(path);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Io) << refused.error().detail.toStdString();
    EXPECT_EQ(refused.error().message.toStdString(),
              "Confer could not write the PDF in that folder, so no PDF was written. Choose a folder you may "
              "write to.");
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_EQ(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

TEST(MarkedPdf, AFullDiskLeavesTheEarlierFileAsItWasAndSaysSo)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("declarations.pdf"));
    ASSERT_TRUE(SafeFile::replace(path, QByteArrayLiteral("%PDF- an earlier export")).ok());
    SafeFileFaults::setHook([](SafeFileFaults::Step step, const QString&) {
        return step == SafeFileFaults::Step::Write ? ENOSPC : 0;
    });
    const Result<MarkedPdfWriter::Written> refused = longDocument(3).writeTo(path);
    SafeFileFaults::setHook({});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::DiskFull);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("not enough disk space")))
        << refused.error().message.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArrayLiteral("%PDF- an earlier export"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("declarations.pdf")});
}
