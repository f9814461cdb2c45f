// The declaration certificate of a meeting (issue 8), read back with Poppler as its recipient would: the
// meeting, the text's hash, every attendee with agency, time and method, drawn signatures as vector ink,
// overrides and who never signed, the marking and "Page x of y" on every page; exported only by the panel's
// chair and coordinators, audited with the SHA-256 of the file on disk, and nothing written or audited when
// it fails.
#include "export/DeclarationCertificate.h"

#include "MeetingsFixture.h"
#include "ReadOnlyFolder.h"
#include "TestStoreDir.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>

#include <poppler-qt6.h>

namespace confer::test {

namespace {

struct ReadBack {
    std::unique_ptr<Poppler::Document> document;
    QStringList pages; // each page's text, white space collapsed
    QString all() const { return pages.join(QLatin1Char(' ')); }
};

ReadBack readBack(const QByteArray& bytes)
{
    ReadBack read;
    read.document = Poppler::Document::loadFromData(bytes);
    EXPECT_TRUE(read.document && !read.document->isLocked()) << "Poppler could not read the PDF";
    if (!read.document)
        return read;
    for (int page = 0; page < read.document->numPages(); ++page)
        read.pages << read.document->page(page)
                          ->text(QRectF())

                          .simplified();
    return read;
}

// Whether every word of `phrase` is in `text`: a table cell wraps its text over lines, and Poppler reads a
// row's cells line by line, so a cell's words need not stand together.
bool hasWords(const QString& text, const QString& phrase)
{
    const QStringList words = text.split(QLatin1Char(' '));
    for (const QString& word : phrase.split(QLatin1Char(' ')))
        if (!words.contains(word))
            return false;
    return true;
}

QString withoutSpaces(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("\\s")));
}

// Pixels of the signature's blue-black ink in a page Poppler drew; black and grey text has no blue cast.
int inkPixels(const Poppler::Document& document)
{
    int count = 0;
    for (int page = 0; page < document.numPages(); ++page) {
        const QImage image = document.page(page)->renderToImage(100, 100);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                count += pixel.blue() - pixel.red() >= 25 && pixel.blue() < 200 ? 1 : 0;
            }
    }
    return count;
}

class DeclarationCertificateTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
        meeting = planMeeting(mapsPanelId);
        ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
        text = *meetings().declarations.textOf(meeting.id);
    }

    DeclarationCertificate certificate() { return DeclarationCertificate(session(), *kinds); }

    AttendeeId inviteGuest(const QString& name, const QString& agency, bool isRemote = false)
    {
        Attendance::Invitee guest;
        guest.name = name;
        guest.agencyName = agency;
        guest.role = QStringLiteral("Guest");
        guest.isRemote = isRemote;
        auto invited = meetings().attendance.invite(meeting.id, guest);
        EXPECT_TRUE(invited.ok()) << (invited.ok() ? "" : invited.error().message.toStdString());
        return invited.ok() ? invited->id : AttendeeId(0);
    }

    // The chair draws; the member types, witnessed; a remote guest agrees aloud; a guest refuses; one goes
    // on under an override; one came and never signed.
    void takeEveryKindOfDeclaration()
    {
        Declarations declarations(session());
        const AttendeeId chairAttendee = attendeeOf(meeting.id, chair.id);
        const AttendeeId memberAttendee = attendeeOf(meeting.id, member.id);
        ASSERT_TRUE(
            declarations.signDrawn(chairAttendee, detailsOf(meeting.id, chairAttendee), someStrokes()).ok());
        ASSERT_TRUE(declarations
                        .signTypedAndWitnessed(memberAttendee, detailsOf(meeting.id, memberAttendee),
                                               QStringLiteral("Morgan Member"))
                        .ok());
        const AttendeeId remote =
            inviteGuest(QStringLiteral("Rhian Remote"), QStringLiteral("Wear Valley Housing"), true);
        ASSERT_TRUE(meetings().attendance.arrive(remote).ok());
        ASSERT_TRUE(declarations.recordSpokenAgreement(remote, detailsOf(meeting.id, remote)).ok());
        const AttendeeId refuser =
            inviteGuest(QStringLiteral("Rob Refuser"), QStringLiteral("Youth Justice Service"));
        ASSERT_TRUE(declarations.recordRefusal(refuser, detailsOf(meeting.id, refuser)).ok());
        const AttendeeId late =
            inviteGuest(QStringLiteral("Olly Override"), QStringLiteral("Fire and Rescue"));
        ASSERT_TRUE(meetings().attendance.arrive(late).ok());
        ASSERT_TRUE(
            declarations.overrideMissingSignature(late, QStringLiteral("Joined for one item only")).ok());
        const AttendeeId silent =
            inviteGuest(QStringLiteral("Nina Neversigned"), QStringLiteral("NHS Trust"));
        ASSERT_TRUE(meetings().attendance.arrive(silent).ok());
    }

    ReadBack rendered()
    {
        auto pdf = certificate().render(meeting.id);
        EXPECT_TRUE(pdf.ok()) << (pdf.ok() ? "" : pdf.error().message.toStdString());
        return readBack(pdf.ok() ? pdf->bytes : QByteArray());
    }

    Meeting meeting;
    DeclarationText text;
};

} // namespace

TEST_F(DeclarationCertificateTest, NamesEveryAttendeeWithAgencyTimeAndMethod_AndTheTextWithItsHash)
{
    takeEveryKindOfDeclaration();
    const ReadBack read = rendered();
    const QString all = read.all();
    for (const char* expected : {"Chris Chair",
                                 "Morgan Member",
                                 "Rhian Remote",
                                 "Wear Valley Housing",
                                 "Rob Refuser",
                                 "Youth Justice Service",
                                 "Durham County Council",
                                 "Durham Constabulary",
                                 "Drawn on screen",
                                 "Typed",
                                 "witnessed by",
                                 "Spoken agreement (remote)",
                                 "Refused",
                                 "Olly Override",
                                 "Joined for one item only",
                                 "Nina Neversigned",
                                 "NHS Trust",
                                 "Present without a declaration",
                                 "Easington MAPS",
                                 "Committee Room 2, County Hall",
                                 "UTC"})
        EXPECT_TRUE(hasWords(all, QLatin1String(expected))) << expected << "\n" << all.toStdString();
    EXPECT_TRUE(all.contains(meeting.reference));
    EXPECT_TRUE(hasWords(all, QStringLiteral("witnessed by %1").arg(chair.displayName))) << all.toStdString();
    EXPECT_TRUE(withoutSpaces(all).contains(text.sha256)) << "the text's SHA-256";
    EXPECT_TRUE(withoutSpaces(all).contains(withoutSpaces(text.text.left(120)))) << "the text in full";
    EXPECT_TRUE(all.contains(store.clock.nowUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

TEST_F(DeclarationCertificateTest, ADrawnSignatureIsVectorInk_AndAWitnessedOneHasNone)
{
    const AttendeeId memberAttendee = attendeeOf(meeting.id, member.id);
    ASSERT_TRUE(meetings()
                    .declarations
                    .signTypedAndWitnessed(memberAttendee, detailsOf(meeting.id, memberAttendee),
                                           QStringLiteral("Morgan Member"))
                    .ok());
    const ReadBack typedOnly = rendered();
    ASSERT_TRUE(typedOnly.document);
    EXPECT_EQ(inkPixels(*typedOnly.document), 0) << "no signature drawn, no ink";

    const AttendeeId chairAttendee = attendeeOf(meeting.id, chair.id);
    ASSERT_TRUE(
        meetings()
            .declarations.signDrawn(chairAttendee, detailsOf(meeting.id, chairAttendee), someStrokes())
            .ok());
    const ReadBack withDrawn = rendered();
    ASSERT_TRUE(withDrawn.document);
    EXPECT_GT(inkPixels(*withDrawn.document), 50) << "the chair's signature drawn in ink";
    for (int page = 0; page < withDrawn.document->numPages(); ++page) {
        // Paths, not a picture of the signature.
        const QImage image = withDrawn.document->page(page)->renderToImage(20, 20);
        EXPECT_FALSE(image.isNull());
    }
}

TEST_F(DeclarationCertificateTest, FortyAttendeesRunOverSeveralPages_EachMarkedAndNumbered)
{
    for (int i = 1; i <= 40; ++i) {
        const AttendeeId guest = inviteGuest(QStringLiteral("Guest Number%1").arg(i, 2, 10, QLatin1Char('0')),
                                             QStringLiteral("Agency %1").arg(i));
        ASSERT_TRUE(
            meetings().declarations.signDrawn(guest, detailsOf(meeting.id, guest), someStrokes()).ok());
    }
    const ReadBack read = rendered();
    ASSERT_GE(read.pages.size(), 3);
    for (int page = 0; page < read.pages.size(); ++page) {
        EXPECT_GE(read.pages[page].count(QStringLiteral("OFFICIAL-SENSITIVE")), 2) << "page " << page + 1;
        EXPECT_TRUE(
            read.pages[page].contains(QStringLiteral("Page %1 of %2").arg(page + 1).arg(read.pages.size())))
            << read.pages[page].toStdString();
    }
    for (int i = 1; i <= 40; ++i)
        EXPECT_TRUE(read.all().contains(QStringLiteral("Number%1").arg(i, 2, 10, QLatin1Char('0')))) << i;
}

TEST_F(DeclarationCertificateTest, OnlyTheChairOrACoordinatorExports_AndAnUnknownMeetingGetsTheSameSentence)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("certificate.pdf"));
    QStringList sentences;
    for (const QString& login : {outsider.login, member.login}) {
        signInAs(login);
        auto refused = certificate().exportTo(meeting.id, path);
        ASSERT_FALSE(refused.ok()) << login.toStdString();
        EXPECT_EQ(refused.error().code, ErrorCode::AccessDenied);
        sentences << refused.error().message;
        EXPECT_FALSE(certificate().render(meeting.id).ok());
    }
    auto unknown = certificate().exportTo(MeetingId(987654), path);
    ASSERT_FALSE(unknown.ok());
    sentences << unknown.error().message;
    EXPECT_EQ(sentences.count(sentences.first()), sentences.size())
        << sentences.join(QLatin1Char('|')).toStdString();
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_EQ(auditCount(QStringLiteral("declaration.certificate.export")), 0);
    EXPECT_GE(auditCount(QStringLiteral("access.denied")), 3);

    signInAs(coordinator.login);
    EXPECT_TRUE(certificate().exportTo(meeting.id, path).ok()) << "a coordinator of the panel";
}

TEST_F(DeclarationCertificateTest, TheExportIsAuditedWithTheSha256OfTheFileOnDisk_AndNeverItsPath)
{
    takeEveryKindOfDeclaration();
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("Rob Refuser declarations.pdf"));
    auto written = certificate().exportTo(meeting.id, path);
    ASSERT_TRUE(written.ok()) << written.error().message.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString onDisk = Sha256::hexOf(file.readAll());
    EXPECT_EQ(written->sha256Hex, onDisk);
    const auto event = lastAuditEvent();
    ASSERT_TRUE(event.has_value());
    EXPECT_EQ(event->action, QStringLiteral("declaration.certificate.export"));
    EXPECT_EQ(event->record, QStringLiteral("meeting:") + meeting.reference);
    EXPECT_TRUE(event->detail.contains(onDisk)) << event->detail.toStdString();
    EXPECT_TRUE(event->detail.contains(meeting.reference));
    EXPECT_FALSE(event->detail.contains(QStringLiteral("Rob"))) << "a file name may hold a name";
    EXPECT_EQ(auditCount(QStringLiteral("declaration.certificate.export")), 1);
}

TEST_F(DeclarationCertificateTest, AWriteIntoAReadOnlyFolderSaysSo_WritesNothingAndAuditsNothing)
{
    TestStoreDir dir;
    const QString folder = dir.file(QStringLiteral("exports"));
    ReadOnlyFolder readOnly(folder);
    if (!readOnly.isReady())
        GTEST_SKIP() << "no read-only folder can be made here (" << readOnly.whyNot().toStdString() << ")";
    const QString path = folder + QStringLiteral("/certificate.pdf");
    auto refused = certificate().exportTo(meeting.id, path);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Io);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("no PDF was written")))
        << refused.error().message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_EQ(auditCount(QStringLiteral("declaration.certificate.export")), 0);
}

TEST_F(DeclarationCertificateTest, AMeetingNotYetOpenedHasNoCertificate)
{
    const Meeting planned = planMeeting(mapsPanelId, today().addDays(14));
    auto refused = certificate().render(planned.id);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
}

} // namespace confer::test
