// Power loss through the product's commit path, not the bare Database: a child process
// (PowerLossScript.cpp) signs in, makes a few audited changes (auto-lock time, a new user, its own
// passphrase), removes a user (which rotates the store key), and locks, with the fault VFS in
// power-loss mode, and dies at the Nth event (xWrite, xSync or SafeFile step) with every unsynced
// write gone. After each death the store is opened afresh, as after a reboot, with the admin's
// passphrase: it must unlock and verify (integrity, audit chain, anchor and witness), leave no
// pending key, hold every change the child acknowledged, and open with exactly one of the keys it
// has had. N runs over every event of the script with CONFER_FULL_FAULT_SWEEP=1 (`./build.sh
// faults`), with an even stride that keeps the first and last inside a time budget otherwise.
//
// Model limits: SQLite's files lose what was not synced; SafeFile's files do not (a SafeFile step is
// either not begun, since the child exits before the call, or done and durable), and nothing tears a
// sector. Those are what tests/unit/store and SafeFile's own tests cover.
#include "FaultVfs.h"
#include "InMemoryDeviceSecretStore.h"
#include "SlotStoreKey.h"
#include "TestStoreDir.h"
#include "accounts/AccountService.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotCrypto.h"
#include "keys/KeySlotFile.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

namespace confer {
namespace {

using test::FaultVfs;

// As in PowerLossScript.cpp.
const QString AdminLogin = QStringLiteral("admin");
const QString AdminPassphrase = QStringLiteral("Durham panel stapler 2026");
const QString NewAdminPassphrase = QStringLiteral("a brand new passphrase 2027");
const QString RemovedLogin = QStringLiteral("chair.one");
const QString RemovedPassphrase = QStringLiteral("panel members share a pen");
const QString AddedLogin = QStringLiteral("member.two");
const QString AddedPassphrase = QStringLiteral("member of the panel, housing");
constexpr int AutoLockMinutes = 17;
constexpr int DefaultAutoLockMinutes = 5;
// The script's operations, in order; "lock" promises nothing (Session::lock reports no failure).
const QStringList ScriptOps = {QStringLiteral("signin"),  QStringLiteral("autolock"),
                               QStringLiteral("adduser"), QStringLiteral("passphrase"),
                               QStringLiteral("removal"), QStringLiteral("lock")};

constexpr int WaitMs = 60000;
constexpr qint64 ReducedBudgetMs = 45000;

bool isFullSweep()
{
    return qEnvironmentVariable("CONFER_FULL_FAULT_SWEEP") == QLatin1String("1");
}

std::string describe(const Error& error)
{
    return QString(error.message + QStringLiteral(" | ") + error.detail).toStdString();
}

QByteArray bytesOf(const SecureBytes& key)
{
    return QByteArray(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size()));
}

// The store the parent makes once: an admin and the user the script removes, locked, device-bound.
struct Template {
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore keychain;
    ManualClock clock;
    QString secretName;
    QByteArray secret;
    QString storeId;
    SecureBytes firstKey; // the store key before the script

    StoreOpener opener(const QString& storeDir, DeviceSecretStore& deviceSecrets)
    {
        return StoreOpener(StorePaths(storeDir), deviceSecrets, clock, KdfPolicy::cheapForTests());
    }
};

void makeTemplate(Template& t)
{
    StoreOpener opener = t.opener(t.dir.path(), t.keychain);
    StoreOpener::SetupRequest request;
    request.adminLogin = AdminLogin;
    request.adminDisplayName = QStringLiteral("Alex Admin");
    request.passphrase = AdminPassphrase;
    request.bindToDevice = true;
    request.kdf = KdfPolicy::cheapForTests().floor;
    auto created = opener.create(request);
    ASSERT_TRUE(created.ok()) << describe(created.error());
    Session& admin = *created->session;
    auto chair = admin.accounts().addUser(
        {RemovedLogin, QStringLiteral("Chris Chair"), Role::Chair, RemovedPassphrase});
    ASSERT_TRUE(chair.ok()) << describe(chair.error());
    t.firstKey = test::storeKeyFromSlot(StorePaths(t.dir.path()), t.keychain, AdminLogin, AdminPassphrase);
    ASSERT_FALSE(t.firstKey.isEmpty());
    t.storeId = admin.keySlots().storeId;
    t.secretName = DeviceSecretStore::secretName(t.storeId, admin.keySlots().deviceSecretId);
    created->session.reset();
    auto secret = t.keychain.read(t.secretName);
    ASSERT_TRUE(secret.ok()) << describe(secret.error());
    t.secret = bytesOf(*secret);
}

// A fresh copy of the template store for one run.
void copyStore(const QString& from, const QString& to)
{
    const QStringList files = QDir(from).entryList(QDir::Files | QDir::Hidden);
    ASSERT_FALSE(files.isEmpty());
    for (const QString& name : files)
        ASSERT_TRUE(QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name))
            << name.toStdString();
}

struct ChildRun {
    int exitCode = -1;
    bool isCrash = false;
    QStringList acknowledged; // operations that returned ok, in order
    QList<int> eventsAtAck;   // the event count when each returned
    QString inside;           // the operation under way when the child died ("" between operations)
    QByteArray witness;       // the last witness it wrote to the "keychain" (empty: none)
    int events = -1;          // printed when it ran to the end
    QByteArray errors;
};

ChildRun runScript(Template& t, const QString& storeDir, int exitAt)
{
    ChildRun run;
    QProcess child;
    child.setProgram(QStringLiteral(CONFER_FAULT_POWER_LOSS_SCRIPT));
    child.setArguments({storeDir, QString::number(exitAt)});
    child.start();
    if (!child.waitForStarted(WaitMs))
        return run;
    QByteArray input = "secret " + t.secretName.toLatin1() + ' ' + t.secret.toHex() + '\n';
    if (auto witness = t.keychain.readWitness(t.storeId); witness.ok())
        input += "witness " + t.storeId.toLatin1() + ' ' + witness->toHex() + '\n';
    input += "end\n";
    child.write(input);
    child.closeWriteChannel();
    if (!child.waitForFinished(WaitMs))
        child.kill();
    child.waitForFinished(WaitMs);
    run.exitCode = child.exitCode();
    run.isCrash = child.exitStatus() == QProcess::CrashExit;
    run.errors = child.readAllStandardError();
    for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.value(0) == "begin") {
            run.inside = QString::fromLatin1(parts.value(1));
        } else if (parts.value(0) == "ok") {
            run.acknowledged << QString::fromLatin1(parts.value(1));
            run.eventsAtAck << parts.value(2).toInt();
            run.inside.clear();
        } else if (parts.value(0) == "witness") {
            run.witness = QByteArray::fromHex(parts.value(2));
        } else if (parts.value(0) == "events") {
            run.events = parts.value(1).toInt();
        }
    }
    return run;
}

bool storeOpensWith(const QString& storeDir, const SecureBytes& key)
{
    Database::Options options;
    options.readOnly = true;
    return Database::open(StorePaths(storeDir).storeFile(), key, options).ok();
}

// Every store key the admin can reach in either key-slot copy (current and pending boxes), under either
// of the admin's passphrases: the keys "the two keys" can be.
std::vector<SecureBytes> keysInCopies(const QString& storeDir, const SecureBytes& deviceSecret)
{
    std::vector<SecureBytes> keys;
    const StorePaths paths(storeDir);
    for (const QString& path : {paths.keySlotFile(), paths.keySlotSecondCopy()}) {
        auto file = KeySlotFile::load(path);
        if (!file.ok())
            continue;
        const KeySlot* slot = file->slotFor(AdminLogin);
        if (!slot)
            continue;
        for (const QString& passphrase : {NewAdminPassphrase, AdminPassphrase}) {
            auto userKey = KeySlotCrypto::openUserKey(*slot, file->storeId, file->isDeviceBound, passphrase,
                                                      &deviceSecret);
            if (!userKey.ok())
                continue;
            for (const QByteArray& box : {slot->storeKeyBox, slot->pendingStoreKeyBox}) {
                if (box.isEmpty())
                    continue;
                auto key = KeySlotCrypto::openStoreKeyBox(box, slot->publicKey, *userKey, file->storeId);
                if (key.ok())
                    keys.push_back(std::move(*key));
            }
            break;
        }
    }
    return keys;
}

void addDistinct(std::vector<SecureBytes>& keys, const SecureBytes& key)
{
    for (const SecureBytes& known : keys) {
        if (known.equals(key))
            return;
    }
    keys.push_back(key.clone());
}

struct Check {
    bool isLost = false; // an acknowledged operation's effect is missing
    bool isOnNewKey = false;
    bool isRemovedOnOldKey = false; // the user is removed, but the store kept the key they had
};

// After the child died: reopen as the admin, verify, and compare the store with what was acknowledged.
Check checkAfterPowerLoss(Template& t, const QString& storeDir, const ChildRun& run)
{
    Check check;
    const auto acked = [&](const QString& op) { return run.acknowledged.contains(op); };
    const auto lost = [&](bool isThere, const char* what) {
        EXPECT_TRUE(isThere) << "acknowledged but lost: " << what;
        if (!isThere)
            check.isLost = true;
    };
    test::InMemoryDeviceSecretStore keychain;
    const SecureBytes secret(reinterpret_cast<const unsigned char*>(t.secret.constData()),
                             static_cast<std::size_t>(t.secret.size()));
    EXPECT_TRUE(keychain.write(t.secretName, secret).ok());
    if (!run.witness.isEmpty())
        keychain.witnesses.insert(t.storeId, run.witness);
    else if (auto witness = t.keychain.readWitness(t.storeId); witness.ok())
        keychain.witnesses.insert(t.storeId, *witness);

    // The keys there are to choose from, read before the unlock settles anything.
    std::vector<SecureBytes> keys;
    addDistinct(keys, t.firstKey);
    for (const SecureBytes& key : keysInCopies(storeDir, secret))
        addDistinct(keys, key);

    StoreOpener opener = t.opener(storeDir, keychain);
    std::unique_ptr<Session> admin;
    QString unlockedWith;
    std::optional<Error> lastError;
    const QStringList passphrases = acked(QStringLiteral("passphrase"))
                                        ? QStringList{NewAdminPassphrase}
                                        : QStringList{NewAdminPassphrase, AdminPassphrase};
    for (const QString& passphrase : passphrases) {
        auto unlocked = opener.unlock(AdminLogin, passphrase);
        if (unlocked.ok()) {
            admin = std::move(unlocked).value();
            unlockedWith = passphrase;
            break;
        }
        lastError = unlocked.error();
    }
    EXPECT_TRUE(admin) << "the admin cannot sign in after the power loss: " << describe(*lastError);
    if (!admin) {
        check.isLost = true;
        return check;
    }
    const Status verified = admin->verify();
    EXPECT_TRUE(verified.ok()) << "Session::verify after the power loss: " << describe(verified.error());

    // No pending key, in the session or either copy on disk.
    EXPECT_FALSE(admin->keySlots().hasPendingKey()) << "a pending key remains after the unlock";
    const StorePaths paths(storeDir);
    for (const QString& path : {paths.keySlotFile(), paths.keySlotSecondCopy()}) {
        auto onDisk = KeySlotFile::load(path);
        EXPECT_TRUE(onDisk.ok()) << path.toStdString() << " does not load after the unlock";
        if (onDisk.ok()) {
            EXPECT_FALSE(onDisk->hasPendingKey()) << path.toStdString() << " keeps a pending key";
            EXPECT_EQ(onDisk->generation, admin->keySlots().generation) << path.toStdString();
        }
    }

    // Each acknowledged operation's effect; an unacknowledged one is there or not, never half.
    const int minutes = admin->autoLockMinutes();
    EXPECT_TRUE(minutes == AutoLockMinutes || minutes == DefaultAutoLockMinutes) << minutes;
    if (acked(QStringLiteral("autolock")))
        lost(minutes == AutoLockMinutes, "the auto-lock time");

    auto added = admin->accounts().userByLogin(AddedLogin);
    const bool hasAdded = added.ok();
    EXPECT_EQ(hasAdded, admin->keySlots().slotFor(AddedLogin) != nullptr) << "the new user is half there";
    if (acked(QStringLiteral("adduser")))
        lost(hasAdded, "the added user");

    if (acked(QStringLiteral("passphrase")))
        lost(unlockedWith == NewAdminPassphrase, "the admin's new passphrase");

    auto removed = admin->accounts().userByLogin(RemovedLogin);
    EXPECT_TRUE(removed.ok()) << "the user to remove is gone from the store";
    const bool isRemoved = removed.ok() && removed->isDisabled;
    EXPECT_EQ(isRemoved, admin->keySlots().slotFor(RemovedLogin) == nullptr)
        << "the removal is half there: disabled in the store " << isRemoved;
    const SecureBytes keyNow = test::storeKeyFromSlot(paths, keychain, AdminLogin, unlockedWith);
    EXPECT_FALSE(keyNow.isEmpty()) << "the admin's slot does not open after the unlock";
    check.isOnNewKey = !keyNow.equals(t.firstKey);
    EXPECT_TRUE(isRemoved || !check.isOnNewKey) << "a new store key without the removal";
    check.isRemovedOnOldKey = isRemoved && !check.isOnNewKey;
    if (acked(QStringLiteral("removal"))) {
        lost(isRemoved, "the user's removal");
        lost(check.isOnNewKey, "the removal's new store key");
    }
    admin.reset();

    // Exactly one of the keys opens the store, and it is the one the unlock used.
    addDistinct(keys, keyNow);
    int opening = 0;
    for (const SecureBytes& key : keys) {
        if (storeOpensWith(storeDir, key)) {
            ++opening;
            EXPECT_TRUE(key.equals(keyNow)) << "a key other than the unlock's opens the store";
        }
    }
    EXPECT_EQ(opening, 1) << "of " << keys.size() << " keys, " << opening << " open the store";

    // The removed user signs in exactly when the removal did not happen; the added one whenever added
    // (the rotation resealed the new key for them without their passphrase); the admin still does.
    {
        auto chair = opener.unlock(RemovedLogin, RemovedPassphrase);
        EXPECT_EQ(chair.ok(), !isRemoved)
            << "removed user signs in: " << chair.ok() << ", removed: " << isRemoved
            << (chair.ok() ? std::string() : " (" + describe(chair.error()) + ")");
    }
    if (hasAdded) {
        auto member = opener.unlock(AddedLogin, AddedPassphrase);
        EXPECT_TRUE(member.ok()) << "the added user cannot sign in: "
                                 << (member.ok() ? std::string() : describe(member.error()));
    }
    auto again = opener.unlock(AdminLogin, unlockedWith);
    EXPECT_TRUE(again.ok()) << "the admin cannot sign in a second time: "
                            << (again.ok() ? std::string() : describe(again.error()));
    if (again.ok()) {
        const Status reverified = (*again)->verify();
        EXPECT_TRUE(reverified.ok()) << describe(reverified.error());
    }
    return check;
}

TEST(FaultSweepPowerLoss, PowerLossAtAnyEventOfTheProductScriptLosesNoAcknowledgedOperation)
{
    QElapsedTimer elapsed;
    elapsed.start();
    Template t;
    ASSERT_NO_FATAL_FAILURE(makeTemplate(t));

    // A run without power loss: how many events the script makes, and where each operation ends.
    int events = 0;
    QList<int> opEnds; // events after each operation of ScriptOps
    qint64 pointMs = 0;
    {
        QElapsedTimer one;
        one.start();
        test::TestStoreDir dir;
        ASSERT_NO_FATAL_FAILURE(copyStore(t.dir.path(), dir.path()));
        const ChildRun whole = runScript(t, dir.path(), 0);
        ASSERT_EQ(whole.exitCode, 0) << whole.errors.toStdString();
        ASSERT_EQ(whole.acknowledged, ScriptOps);
        events = whole.events;
        opEnds = whole.eventsAtAck;
        ASSERT_GT(events, 0);
        const Check clean = checkAfterPowerLoss(t, dir.path(), whole);
        ASSERT_FALSE(clean.isLost);
        ASSERT_TRUE(clean.isOnNewKey) << "the script's removal did not rotate the key";
        ASSERT_FALSE(testing::Test::HasFailure());
        pointMs = std::max<qint64>(1, one.elapsed());
    }
    // One event past the end: the script completes (the counts are deterministic).
    {
        test::TestStoreDir dir;
        ASSERT_NO_FATAL_FAILURE(copyStore(t.dir.path(), dir.path()));
        const ChildRun beyond = runScript(t, dir.path(), events + 1);
        EXPECT_EQ(beyond.exitCode, 0) << beyond.errors.toStdString();
        EXPECT_EQ(beyond.events, events) << "the script's event count differs between runs";
    }
    const int stride =
        isFullSweep() ? 1 : std::max<int>(1, static_cast<int>((events * pointMs) / ReducedBudgetMs) + 1);

    int points = 0;
    int insideOperations = 0;
    int lostOperations = 0;
    int onNewKey = 0;
    int removedOnOldKey = 0;
    QMap<QString, int> killsIn; // per operation: kills that landed inside it
    for (int n = 1; n <= events; n += (n + stride > events && n != events) ? events - n : stride) {
        SCOPED_TRACE(testing::Message() << "power lost at event " << n << " of " << events);
        test::TestStoreDir dir;
        ASSERT_NO_FATAL_FAILURE(copyStore(t.dir.path(), dir.path()));
        const ChildRun run = runScript(t, dir.path(), n);
        ASSERT_FALSE(run.isCrash) << run.errors.toStdString();
        ASSERT_EQ(run.exitCode, FaultVfs::PowerLossExit) << run.errors.toStdString();
        ++points;
        // Deterministic: exactly the operations that ended before event n returned.
        QStringList expected;
        for (int op = 0; op < opEnds.size(); ++op) {
            if (opEnds[op] < n)
                expected << ScriptOps[op];
        }
        EXPECT_EQ(run.acknowledged, expected) << "the child's events differ from the clean run's";
        if (!run.inside.isEmpty()) {
            ++insideOperations;
            ++killsIn[run.inside];
        }
        const Check check = checkAfterPowerLoss(t, dir.path(), run);
        if (check.isLost)
            ++lostOperations;
        if (check.isOnNewKey)
            ++onNewKey;
        if (check.isRemovedOnOldKey)
            ++removedOnOldKey;
    }
    QStringList perOp;
    for (int op = 0; op < ScriptOps.size(); ++op) {
        perOp << QStringLiteral("%1 %2 (events %3-%4)")
                     .arg(ScriptOps[op])
                     .arg(killsIn.value(ScriptOps[op]))
                     .arg(op == 0 ? 1 : opEnds[op - 1] + 1)
                     .arg(opEnds[op]);
    }
    std::cout << "[power loss] " << events << " events in the script, " << points << " points tried (stride "
              << stride << ", " << (isFullSweep() ? "full" : "reduced") << " sweep), " << insideOperations
              << " kills inside commits/rotations [" << perOp.join(QStringLiteral(", ")).toStdString()
              << "], " << onNewKey << " reopened on the new key, " << removedOnOldKey
              << " with the user removed but the old key kept (rotation dropped at unlock), "
              << lostOperations << " lost acknowledged operations, " << elapsed.elapsed() << " ms\n";
    EXPECT_EQ(lostOperations, 0);
    EXPECT_GT(killsIn.value(QStringLiteral("removal")), 0) << "no kill landed inside the key rotation";
}

} // namespace
} // namespace confer
