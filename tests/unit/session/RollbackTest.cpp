// What a reviewer with a copy of the store folder tried (issue "Nothing lost, nothing rolled back"), each
// as a test: older copies put back, edited records, a failing disk, an interrupted key change. A refused
// unlock must leave every file byte-identical and say what is wrong; a second attempt says the same.
#include "StoreFolder.h"
#include "TestSession.h"
#include "accounts/AccountService.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "files/SafeFile.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotCrypto.h"
#include "store/Database.h"
#include "store/SchemaMigrator.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <map>

using namespace confer;

namespace {

const QString Admin = QStringLiteral("admin");

using test::snapshotFolder;

void restore(const QString& directory, const test::FolderSnapshot& files)
{
    test::putBack(directory, files);
}

void restoreFile(const QString& directory, const test::FolderSnapshot& files, const QString& name)
{
    test::putBack(directory, files, {name});
}

class RollbackTest : public ::testing::Test {
protected:
    // A few committed changes after setup, each with its audit event, then locked.
    void makeChanges(int count)
    {
        auto session = unlock();
        ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
        for (int i = 0; i < count; ++i)
            ASSERT_TRUE((*session)->setAutoLockMinutes(10 + i).ok());
    }
    Result<std::unique_ptr<Session>> unlock(const QString& passphrase = test::TestSession::adminPassphrase())
    {
        StoreOpener opener = store.opener();
        return opener.unlock(Admin, passphrase);
    }
    // Unlocks, expects a refusal, and checks that nothing on disk changed and that a second try says the
    // same.
    Error expectRefusedTwiceWithNoChange()
    {
        const auto before = snapshotFolder(store.dir.path());
        auto first = unlock();
        EXPECT_FALSE(first.ok());
        if (first.ok())
            return makeError(ErrorCode::InvalidInput, QString());
        EXPECT_EQ(snapshotFolder(store.dir.path()), before) << "a refused unlock changed a file";
        auto second = unlock();
        EXPECT_FALSE(second.ok());
        if (!second.ok())
            EXPECT_EQ(second.error().message, first.error().message);
        EXPECT_EQ(snapshotFolder(store.dir.path()), before);
        return first.error();
    }
    // The administrator changes their passphrase (a key change) and signs out.
    void changeAdminPassphrase()
    {
        auto session = unlock();
        ASSERT_TRUE(session.ok());
        ASSERT_TRUE((*session)
                        ->accounts()
                        .changeOwnPassphrase(test::TestSession::adminPassphrase(),
                                             QStringLiteral("after the leak, a new one"))
                        .ok());
    }
    QString dir() const { return store.dir.path(); }
    StorePaths paths() const { return StorePaths(store.dir.path()); }

    test::TestSession store;
};

TEST_F(RollbackTest, OlderCopyOfTheStoreIsRefusedEveryTimeAndNothingIsWritten)
{
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    makeChanges(3);
    restoreFile(dir(), old, QStringLiteral("confer.store"));
    const Error refusal = expectRefusedTwiceWithNoChange();
    EXPECT_EQ(refusal.code, ErrorCode::AuditChainBroken);
    EXPECT_TRUE(refusal.message.contains(QLatin1String("older"))) << refusal.message.toStdString();
}

TEST_F(RollbackTest, AnchorFileEditedOrDeletedIsRefused)
{
    store.sessionPtr().reset();
    makeChanges(1);
    const auto good = snapshotFolder(dir());
    // The reviewer's edit: the anchor set back to nothing.
    QJsonObject anchor = QJsonDocument::fromJson(good.at(QStringLiteral("confer.anchor"))).object();
    anchor.insert(QStringLiteral("sequence"), 0);
    anchor.insert(QStringLiteral("hash"), QString());
    QFile file(paths().anchorFile());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(anchor).toJson());
    file.close();
    EXPECT_EQ(expectRefusedTwiceWithNoChange().code, ErrorCode::AuditChainBroken);

    ASSERT_TRUE(QFile::remove(paths().anchorFile()));
    const Error missing = expectRefusedTwiceWithNoChange();
    EXPECT_TRUE(missing.message.contains(QLatin1String("missing"))) << missing.message.toStdString();

    restore(dir(), good);
    EXPECT_TRUE(unlock().ok());
}

TEST_F(RollbackTest, OlderStoreWithItsOwnOlderAnchorIsCaughtByTheKeyFile)
{
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    {
        // A key change records the audit head in the key file, so an older store and anchor are behind it.
        auto session = unlock();
        ASSERT_TRUE(session.ok());
        ASSERT_TRUE((*session)
                        ->accounts()
                        .addUser({QStringLiteral("chair.one"), QStringLiteral("Chris Chair"), Role::Chair,
                                  QStringLiteral("chairs the Easington panel")})
                        .ok());
    }
    restoreFile(dir(), old, QStringLiteral("confer.store"));
    restoreFile(dir(), old, QStringLiteral("confer.anchor"));
    EXPECT_EQ(expectRefusedTwiceWithNoChange().code, ErrorCode::AuditChainBroken);
}

TEST_F(RollbackTest, StoreFarAheadOfAnOlderAnchorIsRefusedButOneCommitAheadIsAccepted)
{
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    makeChanges(5);
    const auto current = snapshotFolder(dir());
    restoreFile(dir(), old, QStringLiteral("confer.anchor"));
    const Error refusal = expectRefusedTwiceWithNoChange();
    EXPECT_EQ(refusal.code, ErrorCode::AuditChainBroken);
    EXPECT_TRUE(refusal.message.contains(QLatin1String("more than one change")))
        << refusal.message.toStdString();

    // One commit ahead is what a crash between commit and anchor write leaves: accepted and caught up.
    restore(dir(), current);
    {
        auto session = unlock();
        ASSERT_TRUE(session.ok());
        const auto beforeChange = snapshotFolder(dir());
        ASSERT_TRUE((*session)->setAutoLockMinutes(42).ok());
        (*session)->abandon(); // no lock event: exactly one commit after the old anchor
        restoreFile(dir(), beforeChange, QStringLiteral("confer.anchor"));
    }
    auto session = unlock();
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    EXPECT_EQ((*session)->autoLockMinutes(), 42);
    EXPECT_TRUE((*session)->verify().ok());
}

TEST_F(RollbackTest, WholeFolderRolledBackIsCaughtByTheKeychainCopyOnABoundStore)
{
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    makeChanges(2);
    restore(dir(), old); // every file, together: only the keychain's copy of the head remembers
    const Error refusal = expectRefusedTwiceWithNoChange();
    EXPECT_EQ(refusal.code, ErrorCode::AuditChainBroken);
    EXPECT_TRUE(refusal.message.contains(QLatin1String("keychain"))) << refusal.message.toStdString();

    // An administrator who restored the backup on purpose accepts it with the recovery key.
    StoreOpener opener = store.opener();
    auto accepted =
        opener.recover(store.recoveryKeyText(), Admin, QStringLiteral("restored from Friday's backup"));
    ASSERT_TRUE(accepted.ok()) << accepted.error().message.toStdString();
    auto page = (*accepted)->audit().page(std::numeric_limits<qint64>::max(), 20);
    ASSERT_TRUE(page.ok());
    bool isRecorded = false;
    for (const AuditEvent& event : *page)
        isRecorded = isRecorded || event.action == QLatin1String("store.restore.accepted");
    EXPECT_TRUE(isRecorded);
    EXPECT_TRUE((*accepted)->verify().ok());
    accepted->reset();
    EXPECT_TRUE(unlock(QStringLiteral("restored from Friday's backup")).ok());
}

TEST_F(RollbackTest, EditingTheBindingInTheKeyFileFailsClosed)
{
    store.sessionPtr().reset();
    const KeySlotCopies copies(paths().keySlotFile(), paths().keySlotSecondCopy());
    auto file = KeySlotFile::load(paths().keySlotFile());
    ASSERT_TRUE(file.ok());
    // The downgrade: the file says unbound, so recovery would seal new slots without the device secret.
    file->isDeviceBound = false;
    file->deviceSecretId.clear();
    for (KeySlot& slot : file->userSlots)
        slot.deviceSecretId.clear();
    ASSERT_TRUE(copies.writeBoth(*file).ok());
    const auto before = snapshotFolder(dir());
    StoreOpener opener = store.opener();
    auto recovered =
        opener.recover(store.recoveryKeyText(), Admin, QStringLiteral("a new passphrase for alex"));
    ASSERT_FALSE(recovered.ok());
    EXPECT_EQ(recovered.error().code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(recovered.error().message.contains(QLatin1String("altered")))
        << recovered.error().message.toStdString();
    EXPECT_EQ(snapshotFolder(dir()), before);
}

TEST_F(RollbackTest, OlderKeyFileCannotBringBackAChangedPassphrase)
{
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    changeAdminPassphrase();
    restoreFile(dir(), old, QStringLiteral("confer.keyslots"));
    restoreFile(dir(), old, QStringLiteral("confer.keyslots.2"));
    const Error refusal = expectRefusedTwiceWithNoChange();
    EXPECT_TRUE(refusal.message.contains(QLatin1String("older copy"))) << refusal.message.toStdString();
}

TEST_F(RollbackTest, OneDamagedOrMissingKeyFileCopyFallsBackToTheOtherAndIsMended)
{
    store.sessionPtr().reset();
    const auto good = snapshotFolder(dir());
    for (const QString& broken : {paths().keySlotFile(), paths().keySlotSecondCopy()}) {
        for (const QByteArray& content : {QByteArray(), QByteArray("{ not json")}) {
            QFile file(broken);
            ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(content);
            file.close();
            auto session = unlock();
            ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
            EXPECT_FALSE((*session)->notices().isEmpty());
            session->reset();
            EXPECT_EQ(snapshotFolder(dir()).at(QFileInfo(broken).fileName()),
                      snapshotFolder(dir()).at(QStringLiteral("confer.keyslots")));
        }
        ASSERT_TRUE(QFile::remove(broken));
        EXPECT_TRUE(unlock().ok());
        EXPECT_TRUE(QFile::exists(broken));
    }
    Q_UNUSED(good);
}

TEST_F(RollbackTest, KeyChangeInterruptedBeforeItsCommitIsUndoneAtTheNextUnlock)
{
    // What a crash between writing the first copy and the store's commit leaves: the first copy one
    // generation ahead of the store, holding a change nobody was told about and no audit event.
    auto chair =
        store.session().accounts().addUser({QStringLiteral("chair.one"), QStringLiteral("Chris Chair"),
                                            Role::Chair, QStringLiteral("chairs the Easington panel")});
    ASSERT_TRUE(chair.ok());
    const QString unaudited = QStringLiteral("a passphrase nobody audited");
    QByteArray firstCopyAtCrash;
    {
        Transaction outer(store.session().database());
        ASSERT_TRUE(outer.isActive());
        ASSERT_TRUE(store.session().accounts().resetPassphrase(chair->id, unaudited).ok());
        QFile first(paths().keySlotFile());
        ASSERT_TRUE(first.open(QIODevice::ReadOnly));
        firstCopyAtCrash = first.readAll();
        // The outer transaction never commits: the store stays where it was.
    }
    store.session().abandon(); // the crash: no lock event after it
    store.sessionPtr().reset();
    QFile first(paths().keySlotFile());
    ASSERT_TRUE(first.open(QIODevice::WriteOnly | QIODevice::Truncate));
    first.write(firstCopyAtCrash);
    first.close();

    StoreOpener opener = store.opener();
    EXPECT_FALSE(opener.unlock(QStringLiteral("chair.one"), unaudited).ok());
    auto session = opener.unlock(QStringLiteral("chair.one"), QStringLiteral("chairs the Easington panel"));
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    EXPECT_FALSE((*session)->notices().isEmpty());
    session->reset();
    auto mended = KeySlotFile::load(paths().keySlotFile());
    auto second = KeySlotFile::load(paths().keySlotSecondCopy());
    ASSERT_TRUE(mended.ok() && second.ok());
    EXPECT_EQ(mended->toJson(), second->toJson());
    EXPECT_FALSE(opener.unlock(QStringLiteral("chair.one"), unaudited).ok());
}

TEST_F(RollbackTest, FullDiskDuringAKeyChangeLeavesBothKeyFilesAndTheStoreAsTheyWere)
{
    auto chair =
        store.session().accounts().addUser({QStringLiteral("chair.one"), QStringLiteral("Chris Chair"),
                                            Role::Chair, QStringLiteral("chairs the Easington panel")});
    ASSERT_TRUE(chair.ok());
    for (const SafeFileFaults::Step step : {SafeFileFaults::Step::Open, SafeFileFaults::Step::Write,
                                            SafeFileFaults::Step::Sync, SafeFileFaults::Step::Rename}) {
        const auto before = snapshotFolder(dir());
        SafeFileFaults::setHook(
            [&](SafeFileFaults::Step at, const QString&) { return at == step ? ENOSPC : 0; });
        Status reset =
            store.session().accounts().resetPassphrase(chair->id, QStringLiteral("reset on a full disk"));
        SafeFileFaults::setHook({});
        ASSERT_FALSE(reset.ok());
        EXPECT_EQ(reset.error().code, ErrorCode::DiskFull);
        EXPECT_TRUE(reset.error().message.contains(QLatin1String("disk space")))
            << reset.error().message.toStdString();
        const auto after = snapshotFolder(dir());
        EXPECT_EQ(after.at(QStringLiteral("confer.keyslots")), before.at(QStringLiteral("confer.keyslots")));
        EXPECT_EQ(after.at(QStringLiteral("confer.keyslots.2")),
                  before.at(QStringLiteral("confer.keyslots.2")));
        EXPECT_EQ(after.at(QStringLiteral("confer.anchor")), before.at(QStringLiteral("confer.anchor")));
    }
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    EXPECT_TRUE(
        opener.unlock(QStringLiteral("chair.one"), QStringLiteral("chairs the Easington panel")).ok());
}

TEST_F(RollbackTest, FailedAnchorWritePausesChangesUntilItCanBeWritten)
{
    SafeFileFaults::setHook([&](SafeFileFaults::Step step, const QString& path) {
        return step == SafeFileFaults::Step::Write && path.endsWith(QLatin1String("confer.anchor")) ? ENOSPC
                                                                                                    : 0;
    });
    Status saved = store.session().setAutoLockMinutes(20);
    ASSERT_FALSE(saved.ok());
    EXPECT_TRUE(saved.error().message.contains(QLatin1String("was saved")))
        << saved.error().message.toStdString();
    EXPECT_EQ(store.session().autoLockMinutes(), 20); // durable: the commit happened
    Status next = store.session().setAutoLockMinutes(25);
    ASSERT_FALSE(next.ok());
    EXPECT_TRUE(next.error().message.contains(QLatin1String("not saved")))
        << next.error().message.toStdString();
    EXPECT_EQ(store.session().autoLockMinutes(), 20);
    SafeFileFaults::setHook({});
    ASSERT_TRUE(store.session().setAutoLockMinutes(25).ok());
    EXPECT_TRUE(store.session().verify().ok());
    store.sessionPtr().reset();
    EXPECT_TRUE(unlock().ok());
}

TEST_F(RollbackTest, SymlinkedKeyFileIsRefused)
{
    store.sessionPtr().reset();
    const QString elsewhere = dir() + QStringLiteral("/elsewhere");
    ASSERT_TRUE(QFile::rename(paths().keySlotFile(), elsewhere));
    ASSERT_TRUE(QFile::link(elsewhere, paths().keySlotFile()));
    const QByteArray target = [&] {
        QFile f(elsewhere);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    // Unlock does not read through the link (it uses the second copy) and mending does not write through it.
    auto session = unlock();
    if (session.ok())
        session->reset();
    QFile f(elsewhere);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), target);
    EXPECT_TRUE(QFileInfo(paths().keySlotFile()).isSymLink());
}

TEST_F(RollbackTest, RecoveryNeverOverwritesADeviceSecretThatIsOnlyLocked)
{
    const QString secret = store.deviceSecretName();
    auto original = store.deviceSecrets.read(secret);
    ASSERT_TRUE(original.ok());
    store.sessionPtr().reset();
    // A locked keyring reads as "not found": hide the entry, recover, then "unlock the keyring" again.
    ASSERT_TRUE(store.deviceSecrets.remove(secret).ok());
    StoreOpener opener = store.opener();
    auto recovered =
        opener.recover(store.recoveryKeyText(), Admin, QStringLiteral("new laptop, same panel, 2026"));
    ASSERT_TRUE(recovered.ok()) << recovered.error().message.toStdString();
    recovered->reset();
    EXPECT_NE(store.deviceSecretName(), secret); // a new entry, not the old one overwritten
    EXPECT_FALSE(store.deviceSecrets.read(secret).ok());
    ASSERT_TRUE(store.deviceSecrets.write(secret, *original).ok());
    auto back = store.deviceSecrets.read(secret);
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back->equals(*original));
}

TEST_F(RollbackTest, FailedRecoveryAttemptsAreAuditedAtTheNextSignIn)
{
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    const RecoveryKey wrong = RecoveryKey::generate();
    ASSERT_FALSE(
        opener.recover(wrong.displayText(), Admin, QStringLiteral("a new passphrase for alex")).ok());
    auto session = opener.unlock(Admin, test::TestSession::adminPassphrase());
    ASSERT_TRUE(session.ok());
    auto page = (*session)->audit().page(std::numeric_limits<qint64>::max(), 5);
    ASSERT_TRUE(page.ok());
    bool isAudited = false;
    for (const AuditEvent& event : *page)
        isAudited = isAudited || event.action == QLatin1String("recovery.failure");
    EXPECT_TRUE(isAudited);
}

TEST_F(RollbackTest, AStoreSwappedForOneWhoseKeyWasSealedToTheUsersPublicKeyIsRefused)
{
    // The attack: keep the user's sealed slot, seal the attacker's own store key to the user's (public)
    // key, re-sign the key file with the attacker's audit key, and put the attacker's store in place.
    // The user's real passphrase would then open a store the attacker can read.
    store.sessionPtr().reset();
    auto file = KeySlotFile::load(paths().keySlotFile());
    ASSERT_TRUE(file.ok());
    const SecureBytes attackerKey = SecureBytes::random(32);
    const SecureBytes attackerAuditKey = SecureBytes::random(32);
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(paths().storeFile() + suffix);
    {
        Database::Options options;
        options.create = true;
        auto fake = Database::open(paths().storeFile(), attackerKey, options);
        ASSERT_TRUE(fake.ok());
        ASSERT_TRUE(SchemaMigrator::migrate(**fake, SchemaMigrator::productMigrations()).ok());
        auto info = (*fake)->prepare(QStringLiteral(
            "INSERT INTO store_info (id, store_id, created_utc, is_device_bound, keyslot_generation) "
            "VALUES (1, :id, '2026-01-01T00:00:00.000Z', 1, :generation)"));
        ASSERT_TRUE(info.ok());
        info->bind(":id", file->storeId).bind(":generation", file->generation);
        ASSERT_TRUE(info->run().ok());
        ASSERT_TRUE(AuditLog::storeNewKey(**fake, attackerAuditKey).ok());
    }
    for (KeySlot& slot : file->userSlots) {
        auto box = KeySlotCrypto::sealStoreKeyBox(attackerKey, slot.publicKey, file->storeId);
        ASSERT_TRUE(box.ok());
        slot.storeKeyBox = *box;
    }
    auto recoveryBox = KeySlotCrypto::sealStoreKeyBox(attackerKey, file->recovery->publicKey, file->storeId);
    ASSERT_TRUE(recoveryBox.ok());
    file->recovery->storeKeyBox = *recoveryBox;
    file->sign(attackerAuditKey);
    ASSERT_TRUE(KeySlotCopies(paths().keySlotFile(), paths().keySlotSecondCopy()).writeBoth(*file).ok());
    QFile::remove(paths().anchorFile());

    const Error refusal = expectRefusedTwiceWithNoChange();
    EXPECT_EQ(refusal.code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(refusal.message.contains(QLatin1String("not the store"))) << refusal.message.toStdString();
    StoreOpener opener = store.opener();
    auto recovered =
        opener.recover(store.recoveryKeyText(), Admin, QStringLiteral("a new passphrase for alex"));
    ASSERT_FALSE(recovered.ok());
    EXPECT_TRUE(recovered.error().message.contains(QLatin1String("not the store")))
        << recovered.error().message.toStdString();
}

TEST_F(RollbackTest, AnOlderKeyFilePlusOneSplicedPageOfTheStoreCannotBringBackAChangedPassphrase)
{
    // SQLCipher authenticates a page and its number, not its version: a page of an older copy of the same
    // store reads back fine. The page that records the key-slot generation, put back together with the
    // older key files, must still not let the old passphrase in: the anchor carries the generation too.
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    changeAdminPassphrase();
    const auto current = snapshotFolder(dir());
    const QByteArray oldStore = old.at(QStringLiteral("confer.store"));
    const QByteArray newStore = current.at(QStringLiteral("confer.store"));
    constexpr qsizetype PageSize = 4096;
    int splicesTried = 0;
    for (qsizetype at = 0; at + PageSize <= std::min(oldStore.size(), newStore.size()); at += PageSize) {
        if (oldStore.mid(at, PageSize) == newStore.mid(at, PageSize))
            continue;
        QByteArray spliced = newStore;
        spliced.replace(at, PageSize, oldStore.mid(at, PageSize));
        test::putBack(dir(), current);
        ASSERT_TRUE(test::writeFile(paths().storeFile(), spliced));
        test::putBack(dir(), old, {QStringLiteral("confer.keyslots"), QStringLiteral("confer.keyslots.2")});
        ++splicesTried;
        auto withOld = unlock();
        EXPECT_FALSE(withOld.ok()) << "page " << at / PageSize + 1 << " put back let the old passphrase in";
    }
    EXPECT_GT(splicesTried, 0);
    std::cout << "pages of the older store tried one at a time: " << splicesTried << "\n";
}

TEST_F(RollbackTest, AGenuineNewerSecondCopyIsEvidenceAndIsNeverOverwritten)
{
    // The second copy is only ever written after the store commits, so it is never legitimately ahead.
    store.sessionPtr().reset();
    const auto old = snapshotFolder(dir());
    changeAdminPassphrase();
    const QByteArray newerSecond = test::readFile(paths().keySlotSecondCopy());
    test::putBack(
        dir(), old,
        {QStringLiteral("confer.store"), QStringLiteral("confer.keyslots"), QStringLiteral("confer.anchor")});
    const Error refusal = expectRefusedTwiceWithNoChange();
    EXPECT_EQ(refusal.code, ErrorCode::AuditChainBroken);
    EXPECT_EQ(test::readFile(paths().keySlotSecondCopy()), newerSecond);
}

TEST_F(RollbackTest, ADamagedSlotInTheFirstCopyDoesNotLockAnyoneOutWhileTheSecondIsIntact)
{
    store.sessionPtr().reset();
    auto file = KeySlotFile::load(paths().keySlotFile());
    ASSERT_TRUE(file.ok());
    file->userSlots.front().salt[0] = static_cast<char>(file->userSlots.front().salt[0] ^ 0x01);
    ASSERT_TRUE(file->save(paths().keySlotFile()));
    auto session = unlock();
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    EXPECT_FALSE((*session)->notices().isEmpty());
}

} // namespace
