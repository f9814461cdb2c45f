// Acceptance: `confer verify` says what is wrong (exit 3), and a second attempt says the same, for an
// older copy of the store put back; the anchor file deleted or edited; and, on a device-bound store, every
// file of the store folder rolled back together (the keychain's copy of the audit head catches it).
// Run against the real binary; the bound case uses the real Secret Service of the test session.
#include "ConferProcess.h"
#include "StoreFolder.h"
#include "TestStoreDir.h"
#include "keys/KeychainDeviceSecretStore.h"
#include "session/StorePaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <map>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Durham panel stapler 2026");

using test::Outcome;
using test::runConfer;

Outcome verify(const QString& dir)
{
    return runConfer({QStringLiteral("--store"), dir, QStringLiteral("verify"), QStringLiteral("--user"),
                      QStringLiteral("admin")},
                     Passphrase + QLatin1Char('\n'));
}

using test::putBack;
using test::snapshotFolder;

// verify fails with exit 3 and a sentence, twice the same, and changes no file.
void expectBrokenTwice(const QString& dir, const char* needle)
{
    const auto before = snapshotFolder(dir);
    const Outcome first = verify(dir);
    EXPECT_EQ(first.exitCode, 3) << first.err.toStdString();
    EXPECT_TRUE(first.out.isEmpty());
    EXPECT_TRUE(first.err.contains(QLatin1String(needle))) << first.err.toStdString();
    EXPECT_EQ(snapshotFolder(dir), before) << "a refused verify changed a file";
    const Outcome second = verify(dir);
    EXPECT_EQ(second.exitCode, 3);
    EXPECT_EQ(second.err, first.err);
    EXPECT_EQ(snapshotFolder(dir), before);
}

Outcome init(const QString& dir, bool isBound)
{
    QStringList arguments{QStringLiteral("--store"), dir, QStringLiteral("init"), QStringLiteral("--user"),
                          QStringLiteral("admin")};
    if (!isBound)
        arguments << QStringLiteral("--no-device-binding");
    return runConfer(arguments, Passphrase + QLatin1Char('\n') + Passphrase + QLatin1Char('\n'));
}

TEST(VerifyRollback, OlderCopyOfTheStorePutBackIsReportedEveryTime)
{
    test::TestStoreDir dir;
    ASSERT_EQ(init(dir.path(), false).exitCode, 0);
    const auto old = snapshotFolder(dir.path());
    ASSERT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok")); // signs in and out: new events
    ASSERT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
    putBack(dir.path(), old, {QStringLiteral("confer.store")});
    expectBrokenTwice(dir.path(), "older");
}

TEST(VerifyRollback, AnchorFileDeletedOrEditedIsReportedEveryTime)
{
    test::TestStoreDir dir;
    ASSERT_EQ(init(dir.path(), false).exitCode, 0);
    ASSERT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
    const auto good = snapshotFolder(dir.path());
    const QString anchor = StorePaths(dir.path()).anchorFile();

    QByteArray edited = good.at(QStringLiteral("confer.anchor"));
    const qsizetype at = edited.indexOf("\"sequence\": ") + 12;
    edited[at] = edited[at] == '1' ? '2' : '1';
    QFile file(anchor);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(edited);
    file.close();
    expectBrokenTwice(dir.path(), "audit record");

    ASSERT_TRUE(QFile::remove(anchor));
    expectBrokenTwice(dir.path(), "missing");

    putBack(dir.path(), good);
    EXPECT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
}

TEST(VerifyRollback, BoundStoreWithEveryFileRolledBackTogetherIsCaughtByTheKeychain)
{
    if (!KeychainDeviceSecretStore::isServiceAvailable()) {
        if (!qEnvironmentVariableIsEmpty("CONFER_REQUIRE_KEYCHAIN"))
            FAIL() << "CI requires a Secret Service on the session bus, and none answers";
        GTEST_SKIP()
            << "no Secret Service on the session bus: run through ./build.sh test for the real keychain";
    }
    test::TestStoreDir dir;
    ASSERT_EQ(init(dir.path(), true).exitCode, 0);
    const auto old = snapshotFolder(dir.path());
    ASSERT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
    ASSERT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
    putBack(dir.path(), old); // the whole folder, as a backup tool would restore it
    expectBrokenTwice(dir.path(), "keychain");
}

TEST(VerifyRollback, UnboundStoreRolledBackWholeIsWhatNoLocalWitnessCanCatch)
{
    // Documented limit (docs/threat-model.md): with no keychain copy and no key change since, every file
    // rolled back together is a consistent older store. This test pins the limit so a change to it is seen.
    test::TestStoreDir dir;
    ASSERT_EQ(init(dir.path(), false).exitCode, 0);
    const auto old = snapshotFolder(dir.path());
    ASSERT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
    putBack(dir.path(), old);
    EXPECT_EQ(verify(dir.path()).out.trimmed(), QStringLiteral("ok"));
}

} // namespace
