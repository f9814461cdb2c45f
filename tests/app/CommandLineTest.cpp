#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "caseload/CaseService.h"
#include "caseload/PanelService.h"
#include "common/Clock.h"
#include "demo/DemoPartnership.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotFile.h"
#include "keys/KeychainDeviceSecretStore.h"
#include "panels/PanelKind.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Easington MAPS on a Tuesday");

struct Outcome {
    int exitCode = -1;
    bool isNormalExit = false;
    QString out;
    QString err;
};

Outcome runConfer(const QStringList& arguments, const QString& input = {})
{
    QProcess process;
    process.start(QStringLiteral(CONFER_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForStarted());
    process.write(input.toUtf8());
    process.closeWriteChannel();
    EXPECT_TRUE(process.waitForFinished(120000));
    return Outcome{process.exitCode(), process.exitStatus() == QProcess::NormalExit,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
}

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

Outcome demo(const QString& dir, int cases)
{
    return runConfer({QStringLiteral("--store"), dir, QStringLiteral("demo"), QStringLiteral("--user"),
                      QStringLiteral("admin"), QStringLiteral("--cases"), QString::number(cases)},
                     Passphrase + QLatin1Char('\n'));
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
    for (const char* word : {"init", "verify", "demo", "--store", "--user", "--no-device-binding", "--cases"})
        EXPECT_TRUE(help.out.contains(QLatin1String(word))) << word;
}

TEST(CommandLine, InitPrintsRecoveryKeyOnceAndVerifySaysOk)
{
    test::TestStoreDir dir;
    const Outcome init = initUnbound(dir.path());
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    static const QRegularExpression recoveryKey(QStringLiteral("([0-9A-Z]{4}-){13}[0-9A-Z]{4}"));
    EXPECT_EQ(init.out.count(recoveryKey), 1) << init.out.toStdString();
    EXPECT_TRUE(init.out.contains(QLatin1String("not bound")));

    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_EQ(verified.exitCode, 0) << verified.err.toStdString();
    EXPECT_EQ(verified.out.trimmed(), QStringLiteral("ok"));
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
    const QByteArray before = digestOfDirectory(dir.path());
    const Outcome wrong = verify(dir.path(), QStringLiteral("not the right passphrase"));
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
    ASSERT_TRUE(keychain.remove(DeviceSecretStore::secretName(slotFile->storeId, slotFile->deviceSecretId)).ok());
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

TEST(CommandLine, DemoFillsAStoreAndPrintsTheDemoAccounts)
{
    test::TestStoreDir dir;
    ASSERT_EQ(initUnbound(dir.path()).exitCode, 0);
    const Outcome filled = demo(dir.path(), 40);
    ASSERT_EQ(filled.exitCode, 0) << filled.err.toStdString();
    EXPECT_TRUE(filled.out.contains(QLatin1String("40 cases"))) << filled.out.toStdString();
    EXPECT_TRUE(filled.out.contains(DemoPartnership::demoPassphrase())) << filled.out.toStdString();
    EXPECT_TRUE(filled.out.contains(QLatin1String("demo."))) << "the demo logins are listed";

    // The store is whole afterwards, and a demo account signs in with the shared passphrase.
    const Outcome verified = verify(dir.path(), Passphrase);
    EXPECT_EQ(verified.out.trimmed(), QStringLiteral("ok")) << verified.err.toStdString();
    static const QRegularExpression listedLogin(QStringLiteral("^  (\\S+)$"),
                                                QRegularExpression::MultilineOption);
    const QString login = listedLogin.match(filled.out).captured(1);
    ASSERT_FALSE(login.isEmpty()) << filled.out.toStdString();
    const Outcome asDemoUser = runConfer(
        {QStringLiteral("--store"), dir.path(), QStringLiteral("verify"), QStringLiteral("--user"), login},
        DemoPartnership::demoPassphrase() + QLatin1Char('\n'));
    EXPECT_EQ(asDemoUser.out.trimmed(), QStringLiteral("ok"))
        << login.toStdString() << asDemoUser.err.toStdString();
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
        auto kinds = PanelKindRegistry::load();
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
