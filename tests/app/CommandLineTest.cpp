#include "ConferProcess.h"
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "caseload/CaseService.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotFile.h"
#include "keys/KeychainDeviceSecretStore.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Easington MAPS on a Tuesday");

using test::Outcome;
using test::runConfer;

QByteArray digestOfDirectory(const QString& dir)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString& path : files) {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        hash.addData(path.toUtf8());
        hash.addData(file.readAll());
    }
    return hash.result();
}

Outcome initUnbound(const QString& dir)
{
    return runConfer({QStringLiteral("--store"), dir, QStringLiteral("init"), QStringLiteral("--user"),
                      QStringLiteral("admin"), QStringLiteral("--no-device-binding")},
                     Passphrase + QLatin1Char('\n') + Passphrase + QLatin1Char('\n'));
}

Outcome demo(const QString& dir, int cases, const QStringList& more = {})
{
    return runConfer(QStringList{QStringLiteral("--store"), dir, QStringLiteral("demo"),
                                 QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--cases"),
                                 QString::number(cases)} +
                         more,
                     Passphrase + QLatin1Char('\n'));
}

// The passphrase `demo --with-demo-accounts` printed, and the logins listed below it.
QString printedDemoPassphrase(const QString& out)
{
    static const QRegularExpression quoted(QStringLiteral("the passphrase \"([^\"]+)\""));
    return quoted.match(out).captured(1);
}

QStringList listedLogins(const QString& out)
{
    static const QRegularExpression listed(QStringLiteral("^  (\\S+)$"), QRegularExpression::MultilineOption);
    QStringList logins;
    for (auto it = listed.globalMatch(out); it.hasNext();)
        logins << it.next().captured(1);
    return logins;
}

Outcome verify(const QString& dir, const QString& passphrase)
{
    return runConfer({QStringLiteral("--store"), dir, QStringLiteral("verify"), QStringLiteral("--user"),
                      QStringLiteral("admin")},
                     passphrase + QLatin1Char('\n'));
}

} // namespace

TEST(CommandLine, VersionAndHelp)
{
    const Outcome version = runConfer({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.contains(QStringLiteral(CONFER_VERSION))) << version.out.toStdString();
    const Outcome help = runConfer({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const char* word : {"init", "verify", "demo", "--store", "--user", "--no-device-binding", "--cases",
                             "--with-demo-accounts"})
        EXPECT_TRUE(help.out.contains(QLatin1String(word))) << word;
}

TEST(CommandLine, AnExportCommandRunsWithoutADisplay)
{
    // Export commands (named export-…) get a QGuiApplication for their fonts, forced onto the offscreen
    // platform: asked for a platform that needs a display, with none there, the command still runs (to
    // say here that it does not know this export) instead of Qt aborting for want of a display.
    test::TestStoreDir dir;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONFER_EXECUTABLE),
                  {QStringLiteral("--store"), dir.path(), QStringLiteral("export-nothing")});
    ASSERT_TRUE(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << err.toStdString();
    EXPECT_EQ(process.exitCode(), 2) << err.toStdString();
    EXPECT_TRUE(err.contains(QLatin1String("Unknown command \"export-nothing\""))) << err.toStdString();
}

TEST(CommandLine, InitPrintsRecoveryKeyOnceAndVerifySaysOk)
{
    test::TestStoreDir dir;
    const Outcome init = initUnbound(dir.path());
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    // Standard output holds the recovery key and nothing else; what is said to the person is on stderr.
    static const QRegularExpression recoveryKey(QStringLiteral("^([0-9A-Z]{4}-){13}[0-9A-Z]{4}\n$"));
    EXPECT_TRUE(recoveryKey.match(init.out).hasMatch()) << init.out.toStdString();
    EXPECT_TRUE(init.err.contains(QLatin1String("not bound")));
    EXPECT_TRUE(init.err.contains(QLatin1String("Recovery key")));

    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_EQ(verified.exitCode, 0) << verified.err.toStdString();
    EXPECT_EQ(verified.out, QStringLiteral("ok\n")) << "exactly one line, ok, on standard output";
}

TEST(CommandLine, MismatchedConfirmationCreatesNothing)
{
    test::TestStoreDir dir;
    const Outcome init =
        runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("init"), QStringLiteral("--user"),
                   QStringLiteral("admin"), QStringLiteral("--no-device-binding")},
                  Passphrase + QStringLiteral("\nsomething else entirely\n"));
    EXPECT_NE(init.exitCode, 0);
    EXPECT_FALSE(StorePaths(dir.path()).exists());
}

TEST(CommandLine, WrongPassphraseGivesOneGenericLineAndChangesNothing)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    // A right passphrase costs the same Argon2id run and more work after it: the yardstick.
    QElapsedTimer timer;
    timer.start();
    ASSERT_EQ(verify(dir.path(), Passphrase).exitCode, 0);
    const qint64 signedInMs = timer.elapsed();

    const QByteArray before = digestOfDirectory(dir.path());
    timer.restart();
    const Outcome wrong = verify(dir.path(), QStringLiteral("not the right passphrase"));
    const qint64 refusedMs = timer.elapsed();
    // The pause after a refusal is the command line's brake between processes (RefusalPause): two
    // seconds on top of the Argon2id run, which a sign-in that succeeds does not wait.
    EXPECT_GE(refusedMs, 2000) << "a refused sign-in waits two seconds before exiting";
    EXPECT_GE(refusedMs, signedInMs + 1000)
        << "refused in " << refusedMs << " ms, signed in in " << signedInMs;
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.out.isEmpty());
    EXPECT_EQ(wrong.err.trimmed().count(QLatin1Char('\n')), 0) << wrong.err.toStdString();
    EXPECT_EQ(digestOfDirectory(dir.path()), before);

    // A store file replaced by garbage reads exactly the same.
    QFile store(StorePaths(dir.path()).storeFile());
    ASSERT_TRUE(store.open(QIODevice::ReadWrite));
    const qint64 size = store.size();
    store.seek(0);
    store.write(QByteArray(size, '\x5a'));
    store.close();
    const Outcome garbage = verify(dir.path(), QStringLiteral("not the right passphrase"));
    EXPECT_EQ(garbage.exitCode, 1);
    EXPECT_EQ(garbage.err, wrong.err);

    // With the right passphrase the slot opens, so Confer can say what is really wrong (exit 3).
    const Outcome damaged = verify(dir.path(), Passphrase);
    EXPECT_EQ(damaged.exitCode, 3);
    EXPECT_TRUE(damaged.err.contains(QLatin1String("damaged"))) << damaged.err.toStdString();
    EXPECT_TRUE(damaged.err.contains(QLatin1String("backup"))) << damaged.err.toStdString();
}

TEST(CommandLine, FlippedByteMakesVerifyFailWithoutCrashing)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    QFile store(StorePaths(dir.path()).storeFile());
    ASSERT_TRUE(store.open(QIODevice::ReadWrite));
    const qint64 offset = store.size() - 2000; // inside the last page, past the first page's header
    store.seek(offset);
    char byte = 0;
    store.getChar(&byte);
    store.seek(offset);
    store.putChar(static_cast<char>(byte ^ 0x01));
    store.close();

    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_TRUE(verified.isNormalExit);
    EXPECT_NE(verified.exitCode, 0);
    EXPECT_FALSE(verified.out.contains(QLatin1String("ok")));
    EXPECT_FALSE(verified.err.isEmpty());
}

TEST(CommandLine, DeviceBoundInitUsesTheRealKeychain)
{
    if (!KeychainDeviceSecretStore::isServiceAvailable()) {
        if (!qEnvironmentVariableIsEmpty("CONFER_REQUIRE_KEYCHAIN"))
            FAIL() << "CI requires a Secret Service on the session bus, and none answers";
        GTEST_SKIP()
            << "no Secret Service on the session bus: run through ./build.sh test for the real keychain";
    }
    test::TestStoreDir dir;
    const Outcome init = runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("init"),
                                    QStringLiteral("--user"), QStringLiteral("admin")},
                                   Passphrase + QLatin1Char('\n') + Passphrase + QLatin1Char('\n'));
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    EXPECT_FALSE(init.out.contains(QLatin1String("not bound")));
    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_EQ(verified.out.trimmed(), QStringLiteral("ok")) << verified.err.toStdString();

    // Without the keychain entry the store fails closed and points to the recovery key.
    auto slotFile = KeySlotFile::load(StorePaths(dir.path()).keySlotFile());
    ASSERT_TRUE(slotFile.ok());
    KeychainDeviceSecretStore keychain;
    ASSERT_TRUE(
        keychain.remove(DeviceSecretStore::secretName(slotFile->storeId, slotFile->deviceSecretId)).ok());
    const Outcome locked = verify(dir.path(), Passphrase);
    EXPECT_EQ(locked.exitCode, 1);
    EXPECT_TRUE(locked.err.contains(QLatin1String("recovery key"))) << locked.err.toStdString();
}

TEST(CommandLine, TheRealBinaryLoadsExactlyOneSQLite)
{
    // Checked on the product itself, with everything it links (Qt Widgets, QtKeychain, ...), while it
    // waits for a passphrase.
    test::TestStoreDir dir;
    QProcess process;
    process.start(QStringLiteral(CONFER_EXECUTABLE),
                  {QStringLiteral("--store"), dir.path(), QStringLiteral("verify"), QStringLiteral("--user"),
                   QStringLiteral("admin")});
    ASSERT_TRUE(process.waitForStarted());
    QByteArray maps;
    for (int attempt = 0; attempt < 50 && !maps.contains("libsqlcipher"); ++attempt) {
        QFile file(QStringLiteral("/proc/%1/maps").arg(process.processId()));
        if (file.open(QIODevice::ReadOnly))
            maps = file.readAll();
        if (!maps.contains("libsqlcipher"))
            process.waitForReadyRead(100);
    }
    process.closeWriteChannel();
    process.waitForFinished(30000);
    EXPECT_TRUE(maps.contains("libsqlcipher"));
    EXPECT_FALSE(maps.contains("libsqlite3")) << "a second SQLite library is mapped into confer";
    EXPECT_FALSE(maps.contains("libQt6Sql")) << "Qt SQL is loaded into confer";
}

TEST(CommandLine, AnUnknownUserWaitsLikeAWrongPassphrase)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    QElapsedTimer timer;
    timer.start();
    const Outcome unknown = runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("verify"),
                                       QStringLiteral("--user"), QStringLiteral("nobody")},
                                      Passphrase + QLatin1Char('\n'));
    EXPECT_GE(timer.elapsed(), 2000);
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.out.isEmpty());
}

TEST(CommandLine, DemoFillsAStoreWithoutAnyAccountThatSignsIn)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    const Outcome filled = demo(dir.path(), 40);
    ASSERT_EQ(filled.exitCode, 0) << filled.err.toStdString();
    EXPECT_TRUE(filled.out.isEmpty()) << "nothing for a script to read: " << filled.out.toStdString();
    EXPECT_TRUE(filled.err.contains(QLatin1String("40 cases"))) << filled.err.toStdString();
    EXPECT_TRUE(filled.err.contains(QLatin1String("demonstration store"))) << filled.err.toStdString();
    EXPECT_FALSE(filled.err.contains(QLatin1String("passphrase"))) << filled.err.toStdString();

    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_EQ(verified.out, QStringLiteral("ok\n")) << verified.err.toStdString();
}

TEST(CommandLine, DemoWithDemoAccounts_PrintsOnePassphraseNewEachRunThatOpensEveryListedAccount)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    const QStringList withAccounts{QStringLiteral("--with-demo-accounts")};
    const Outcome first = demo(dir.path(), 20, withAccounts);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QString passphrase = printedDemoPassphrase(first.out);
    ASSERT_FALSE(passphrase.isEmpty()) << first.out.toStdString();
    const QStringList logins = listedLogins(first.out);
    ASSERT_GE(logins.size(), 5) << first.out.toStdString();
    EXPECT_TRUE(logins.first().startsWith(QLatin1String("demo."))) << logins.first().toStdString();

    // The store is whole afterwards, and a listed account signs in with the printed passphrase.
    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_EQ(verified.out, QStringLiteral("ok\n")) << verified.err.toStdString();
    const Outcome asDemoUser = runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("verify"),
                                          QStringLiteral("--user"), logins.last()},
                                         passphrase + QLatin1Char('\n'));
    EXPECT_EQ(asDemoUser.out, QStringLiteral("ok\n"))
        << logins.last().toStdString() << asDemoUser.err.toStdString();

    // Another run draws another passphrase, and the accounts follow it.
    const Outcome second = demo(dir.path(), 5, withAccounts);
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    const QString another = printedDemoPassphrase(second.out);
    EXPECT_FALSE(another.isEmpty());
    EXPECT_NE(another, passphrase);
    EXPECT_EQ(listedLogins(second.out), logins);
    const Outcome withNew = runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("verify"),
                                       QStringLiteral("--user"), logins.first()},
                                      another + QLatin1Char('\n'));
    EXPECT_EQ(withNew.out, QStringLiteral("ok\n")) << withNew.err.toStdString();
}

TEST(CommandLine, DemoRefusesAStoreWithRealCasesInOneLine)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    {
        // One real case, added through the services as the application would.
        test::InMemoryDeviceSecretStore secrets; // the store is not bound to a device
        StoreOpener opener(StorePaths(dir.path()), secrets, SystemClock::instance());
        auto session = opener.unlock(QStringLiteral("admin"), Passphrase);
        ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
        auto kinds = PanelKindRegistry::load(standardStageGates());
        ASSERT_TRUE(kinds.ok());
        PanelService panels(**session, *kinds);
        auto panel = panels.create(QStringLiteral("Easington MAPS"), QStringLiteral("maps"), std::nullopt);
        ASSERT_TRUE(panel.ok());
        ASSERT_TRUE(panels.addMember(panel->id, (*session)->currentUser().id).ok());
        CaseService::NewCase request;
        request.panelId = panel->id;
        request.subject.name = QStringLiteral("Real Person");
        request.subject.aliases = request.subject.gender = request.subject.address =
            request.subject.postcode = QStringLiteral("");
        request.referralDate = SystemClock::instance().nowUtc().date();
        request.referrer = request.referralReason = request.leadProfessional = QStringLiteral("");
        request.fields.insert(QStringLiteral("issueType"), QStringLiteral("asb"));
        auto created = CaseService(**session, *kinds).create(request);
        ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    }
    const Outcome refused = demo(dir.path(), 40);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.out.isEmpty()) << refused.out.toStdString();
    EXPECT_EQ(refused.err.trimmed().count(QLatin1Char('\n')), 0) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QLatin1String("real case records"))) << refused.err.toStdString();
}
