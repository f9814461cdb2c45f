// `confer --store DIR export-declarations --user NAME --meeting REF --out FILE.pdf` writes a meeting's
// declaration certificate (issue 8), driven through the real binary as a script would: only for the panel's
// chair or a coordinator, one sentence for a meeting that does not exist and one the user may not export.
#include "ConferProcess.h"
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "accounts/AccountService.h"
#include "common/Clock.h"
#include "meetings/Meetings.h"
#include "meetings/Signature.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <QDir>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <cmath>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Easington MAPS on a Tuesday");
const QString ChairPassphrase = QStringLiteral("Peterlee chair's own words");

test::Outcome exportDeclarations(const QString& dir, const QString& login, const QString& passphrase,
                                 const QString& reference, const QString& out)
{
    return test::runConfer({QStringLiteral("--store"), dir, QStringLiteral("export-declarations"),
                            QStringLiteral("--user"), login, QStringLiteral("--meeting"), reference,
                            QStringLiteral("--out"), out},
                           passphrase + QLatin1Char('\n'));
}

QByteArray aSignature()
{
    Signature::Stroke stroke;
    for (int x = 0; x <= 200; x += 5)
        stroke.push_back({qreal(20 + x), 60 + 20 * std::sin(x / 15.0), 0.6});
    return Signature({stroke}).encode();
}

// A store with an administrator, a panel chaired by chair.two with today's meeting open and the chair's
// declaration drawn, and "nobody" on no panel. Returns the meeting's reference.
QString openMeetingWithADeclaration(const QString& dir)
{
    const test::Outcome init =
        test::runConfer({QStringLiteral("--store"), dir, QStringLiteral("init"), QStringLiteral("--user"),
                         QStringLiteral("admin"), QStringLiteral("--no-device-binding")},
                        Passphrase + QLatin1Char('\n') + Passphrase + QLatin1Char('\n'));
    EXPECT_EQ(init.exitCode, 0) << init.err.toStdString();
    test::InMemoryDeviceSecretStore secrets; // the store is not bound to a device
    auto kinds = PanelKindRegistry::load(standardStageGates());
    EXPECT_TRUE(kinds.ok());
    StoreOpener opener(StorePaths(dir), secrets, SystemClock::instance());
    {
        auto admin = opener.unlock(QStringLiteral("admin"), Passphrase);
        EXPECT_TRUE(admin.ok());
        auto chair = (*admin)->accounts().addUser(
            {QStringLiteral("chair.two"), QStringLiteral("Pat Chair"), Role::Chair, ChairPassphrase});
        EXPECT_TRUE(chair.ok());
        EXPECT_TRUE((*admin)
                        ->accounts()
                        .addUser({QStringLiteral("nobody"), QStringLiteral("Nat Nobody"), Role::Member,
                                  ChairPassphrase})
                        .ok());
        EXPECT_TRUE(PanelService(**admin, *kinds)
                        .create(QStringLiteral("Peterlee MAPS"), QStringLiteral("maps"), chair->id)
                        .ok());
    }
    auto chair = opener.unlock(QStringLiteral("chair.two"), ChairPassphrase);
    EXPECT_TRUE(chair.ok());
    Meetings meetings(**chair, *kinds);
    auto panels = PanelService(**chair, *kinds).panels();
    MeetingService::Details details;
    details.panelId = panels->front().id;
    details.date = SystemClock::instance().today();
    details.startsAt = QTime(0, 0);
    details.endsAt = QTime(23, 59);
    details.place = QStringLiteral("Peterlee Town Hall");
    auto meeting = meetings.meetings.plan(details);
    EXPECT_TRUE(meeting.ok()) << (meeting.ok() ? "" : meeting.error().message.toStdString());
    EXPECT_TRUE(meetings.meetings.open(meeting->id).ok());
    auto attendees = meetings.attendance.attendees(meeting->id);
    EXPECT_TRUE(attendees.ok() && !attendees->empty());
    const Attendee& me = attendees->front();
    auto signedIn = meetings.declarations.signDrawn(
        me.id, {me.name, QStringLiteral("Peterlee Council"), me.role}, aSignature());
    EXPECT_TRUE(signedIn.ok()) << (signedIn.ok() ? "" : signedIn.error().message.toStdString());
    return meeting->reference;
}

} // namespace

TEST(ExportDeclarationsCommand, WritesTheCertificateForThePanelsChair_AndPrintsNothingOnStandardOutput)
{
    test::TestStoreDir dir;
    const QString reference = openMeetingWithADeclaration(dir.path());
    ASSERT_FALSE(reference.isEmpty());
    const QString out = dir.file(QStringLiteral("certificate.pdf"));
    const test::Outcome exported =
        exportDeclarations(dir.path(), QStringLiteral("chair.two"), ChairPassphrase, reference, out);
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.isEmpty()) << exported.out.toStdString();
    EXPECT_TRUE(exported.err.contains(reference)) << exported.err.toStdString();
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5).startsWith("%PDF-"));
}

TEST(ExportDeclarationsCommand, AnUnknownMeetingAndOneTheUserMayNotExportGetTheSameSentence_AndNoFile)
{
    test::TestStoreDir dir;
    const QString reference = openMeetingWithADeclaration(dir.path());
    ASSERT_FALSE(reference.isEmpty());
    const QString out = dir.file(QStringLiteral("certificate.pdf"));
    const test::Outcome unknown = exportDeclarations(dir.path(), QStringLiteral("chair.two"), ChairPassphrase,
                                                     QStringLiteral("MAPS-M-1999-999"), out);
    const test::Outcome notAllowed =
        exportDeclarations(dir.path(), QStringLiteral("nobody"), ChairPassphrase, reference, out);
    const test::Outcome admin =
        exportDeclarations(dir.path(), QStringLiteral("admin"), Passphrase, reference, out);
    for (const test::Outcome* refused : {&unknown, &notAllowed, &admin}) {
        EXPECT_EQ(refused->exitCode, 1) << refused->err.toStdString();
        EXPECT_TRUE(refused->out.isEmpty());
        EXPECT_EQ(refused->err, unknown.err);
        EXPECT_EQ(refused->err.count(QLatin1Char('\n')), 1) << "one sentence: " << refused->err.toStdString();
    }
    EXPECT_FALSE(unknown.err.contains(QStringLiteral("MAPS-M-1999-999")));
    EXPECT_FALSE(QFileInfo::exists(out));
}

TEST(ExportDeclarationsCommand, AFolderAsOutOrAMissingOptionIsAUsageError)
{
    test::TestStoreDir dir;
    const QString folder = dir.file(QStringLiteral("exports"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const test::Outcome intoFolder = exportDeclarations(dir.path(), QStringLiteral("admin"), Passphrase,
                                                        QStringLiteral("MAPS-M-2026-001"), folder);
    EXPECT_EQ(intoFolder.exitCode, 2);
    EXPECT_TRUE(intoFolder.err.contains(QStringLiteral("folder"))) << intoFolder.err.toStdString();
    const test::Outcome missing =
        test::runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("export-declarations"),
                         QStringLiteral("--user"), QStringLiteral("admin")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("--meeting"))) << missing.err.toStdString();
}
