#include "TestSession.h"
#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "crypto/RecoveryKey.h"
#include "crypto/SecureBytes.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotFile.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <gtest/gtest.h>

using namespace confer;

namespace {

QString lastAuditAction(Session& session)
{
    auto page = session.audit().page(std::numeric_limits<qint64>::max(), 1);
    return page.ok() && !page->empty() ? page->front().action : QString();
}

QStringList auditActions(Session& session)
{
    QStringList actions;
    auto page = session.audit().page(std::numeric_limits<qint64>::max(), 1000);
    if (page.ok()) {
        for (const AuditEvent& event : *page)
            actions.prepend(event.action);
    }
    return actions;
}

} // namespace

TEST(StoreOpener, SetupCreatesStoreAndSignsInAdministrator)
{
    test::TestSession store;
    ASSERT_TRUE(store.sessionPtr());
    EXPECT_EQ(store.session().currentUser().login, QStringLiteral("admin"));
    EXPECT_TRUE(store.session().isAdministrator());
    EXPECT_TRUE(store.session().isDeviceBound());
    EXPECT_TRUE(store.opener().storeExists());
    EXPECT_EQ(store.opener().logins(), QStringList{QStringLiteral("admin")});
    EXPECT_TRUE(auditActions(store.session()).contains(QStringLiteral("store.create")));
}

TEST(StoreOpener, SetupRefusesToOverwriteAnExistingStore)
{
    test::TestSession store;
    StoreOpener::SetupRequest again{QStringLiteral("other"), QStringLiteral("Other"),
                                    QStringLiteral("another long passphrase"), true,
                                    KdfPolicy::cheapForTests().floor};
    auto outcome = store.opener().create(again);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().code, ErrorCode::Conflict) << outcome.error().message.toStdString();
}

TEST(StoreOpener, SetupWithBadInputCreatesNothing)
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    StoreOpener opener(StorePaths(dir.path() + QStringLiteral("/store")), secrets, clock,
                       KdfPolicy::cheapForTests());
    StoreOpener::SetupRequest weak{QStringLiteral("admin"), QStringLiteral("Alex"),
                                   QStringLiteral("password1234"), true, KdfPolicy::cheapForTests().floor};
    auto outcome = opener.create(weak);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().code, ErrorCode::InvalidInput);
    EXPECT_FALSE(QFile::exists(dir.path() + QStringLiteral("/store")));
    auto missing = secrets.read(QStringLiteral("anything"));
    EXPECT_FALSE(missing.ok());
}

TEST(StoreOpener, ProductPolicyRefusesSlotsBelowItsFloor)
{
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    StoreOpener opener(StorePaths(dir.path()), secrets, clock, KdfPolicy::product());
    StoreOpener::SetupRequest cheap{QStringLiteral("admin"), QStringLiteral("Alex"),
                                    test::TestSession::adminPassphrase(), true,
                                    KdfPolicy::cheapForTests().floor};
    auto outcome = opener.create(cheap);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().code, ErrorCode::InvalidInput);
    EXPECT_FALSE(opener.storeExists());
}

TEST(StoreOpener, UnlockWithRightPassphraseSignsIn)
{
    test::TestSession store;
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    EXPECT_EQ(lastAuditAction(**session), QStringLiteral("signin.success"));
}

TEST(StoreOpener, WrongPassphraseUnknownUserAndGarbageStoreGiveTheSameError)
{
    test::TestSession store;
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    auto wrong = opener.unlock(QStringLiteral("admin"), QStringLiteral("not the passphrase at all"));
    auto unknown = opener.unlock(QStringLiteral("nobody"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(wrong.ok());
    ASSERT_FALSE(unknown.ok());

    // Replace the store file with random bytes of the same size.
    QFile file(store.opener().paths().storeFile());
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    const SecureBytes noise = SecureBytes::random(static_cast<std::size_t>(size));
    file.seek(0);
    file.write(reinterpret_cast<const char*>(noise.data()), size);
    file.close();
    auto garbageWrong = opener.unlock(QStringLiteral("admin"), QStringLiteral("not the passphrase at all"));
    ASSERT_FALSE(garbageWrong.ok());

    for (const auto* failure : {&wrong, &unknown, &garbageWrong}) {
        EXPECT_EQ(failure->error().code, ErrorCode::WrongCredentials);
        EXPECT_EQ(failure->error().message, wrong.error().message);
    }
}

TEST(StoreOpener, RightPassphraseAndDamagedStoreSaysTheStoreIsDamaged)
{
    test::TestSession store;
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    for (const bool isEmpty : {false, true}) {
        QFile file(store.opener().paths().storeFile());
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        if (isEmpty) {
            ASSERT_TRUE(file.resize(0));
        } else {
            const SecureBytes noise = SecureBytes::random(static_cast<std::size_t>(file.size()));
            file.write(reinterpret_cast<const char*>(noise.data()), static_cast<qint64>(noise.size()));
        }
        file.close();
        auto damaged = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
        ASSERT_FALSE(damaged.ok());
        EXPECT_EQ(damaged.error().code, ErrorCode::StoreCorrupt);
        EXPECT_TRUE(damaged.error().message.contains(QLatin1String("damaged")))
            << damaged.error().message.toStdString();
        EXPECT_TRUE(damaged.error().message.contains(QLatin1String("backup")));
    }
}

TEST(StoreOpener, WrongPassphraseChangesNothingOnDisk)
{
    test::TestSession store;
    store.sessionPtr().reset();
    auto snapshot = [&] {
        QByteArray all;
        for (const QString& path :
             {store.opener().paths().storeFile(), store.opener().paths().keySlotFile()}) {
            QFile f(path);
            EXPECT_TRUE(f.open(QIODevice::ReadOnly));
            all += f.readAll();
        }
        return all;
    };
    const QByteArray before = snapshot();
    StoreOpener opener = store.opener();
    ASSERT_FALSE(opener.unlock(QStringLiteral("admin"), QStringLiteral("wrong wrong wrong wrong")).ok());
    EXPECT_EQ(snapshot(), before);
}

TEST(StoreOpener, FailedAttemptsAreAuditedAtTheNextSignIn)
{
    test::TestSession store;
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    ASSERT_FALSE(opener.unlock(QStringLiteral("admin"), QStringLiteral("wrong wrong wrong wrong")).ok());
    ASSERT_FALSE(opener.unlock(QStringLiteral("admin"), QStringLiteral("still wrong, sorry")).ok());
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_TRUE(session.ok());
    EXPECT_EQ(auditActions(**session).count(QStringLiteral("signin.failure")), 2);
}

TEST(StoreOpener, MissingDeviceSecretFailsClosedAndPointsToRecovery)
{
    test::TestSession store;
    const QString secretName = store.deviceSecretName();
    store.sessionPtr().reset();
    ASSERT_TRUE(store.deviceSecrets.remove(secretName).ok());
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(session.ok());
    EXPECT_EQ(session.error().code, ErrorCode::DeviceSecretMissing);
    EXPECT_TRUE(session.error().message.contains(QLatin1String("recovery key")));
    // It never makes a new secret on its own.
    EXPECT_FALSE(store.deviceSecrets.read(secretName).ok());
    EXPECT_FALSE(store.deviceSecrets.read(store.deviceSecretName()).ok());
}

TEST(StoreOpener, UnavailableKeychainFailsClosed)
{
    test::TestSession store;
    store.sessionPtr().reset();
    store.deviceSecrets.isUnavailable = true;
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(session.ok());
    EXPECT_EQ(session.error().code, ErrorCode::KeychainUnavailable);
}

TEST(StoreOpener, RecoveryKeyOpensWithoutDeviceSecretAndBindsThisDevice)
{
    test::TestSession store;
    const QString secretName = store.deviceSecretName();
    store.sessionPtr().reset();
    ASSERT_TRUE(store.deviceSecrets.remove(secretName).ok()); // a new machine: no secret here

    StoreOpener opener = store.opener();
    const QString newPassphrase = QStringLiteral("new laptop, same panel, 2026");
    auto recovered = opener.recover(store.recoveryKeyText(), QStringLiteral("admin"), newPassphrase);
    ASSERT_TRUE(recovered.ok()) << recovered.error().message.toStdString();
    EXPECT_TRUE(auditActions(**recovered).contains(QStringLiteral("recovery.used")));
    recovered->reset();

    EXPECT_NE(store.deviceSecretName(), secretName);
    EXPECT_TRUE(
        store.deviceSecrets.read(store.deviceSecretName()).ok()); // a new secret, bound to this device
    auto unlocked = opener.unlock(QStringLiteral("admin"), newPassphrase);
    ASSERT_TRUE(unlocked.ok()) << unlocked.error().message.toStdString();
    EXPECT_TRUE((*unlocked)->verify().ok());
}

TEST(StoreOpener, RecoveryLeavesOtherUsersNeedingAnAdministratorReset)
{
    test::TestSession store;
    AccountService::NewUser chair{QStringLiteral("chair.one"), QStringLiteral("Chris Chair"), Role::Chair,
                                  QStringLiteral("chairs the Easington panel")};
    auto added = store.session().accounts().addUser(chair);
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    const QString secretName = store.deviceSecretName();
    store.sessionPtr().reset();
    ASSERT_TRUE(store.deviceSecrets.remove(secretName).ok());

    StoreOpener opener = store.opener();
    const QString adminPassphrase = QStringLiteral("new laptop, same panel, 2026");
    auto recovered = opener.recover(store.recoveryKeyText(), QStringLiteral("admin"), adminPassphrase);
    ASSERT_TRUE(recovered.ok());
    recovered->reset();
    auto chairAttempt = opener.unlock(QStringLiteral("chair.one"), chair.initialPassphrase);
    ASSERT_FALSE(chairAttempt.ok());
    EXPECT_EQ(chairAttempt.error().code, ErrorCode::AccessDenied);
    EXPECT_TRUE(chairAttempt.error().message.contains(QLatin1String("administrator")));

    auto admin = opener.unlock(QStringLiteral("admin"), adminPassphrase);
    ASSERT_TRUE(admin.ok());
    ASSERT_TRUE(
        (*admin)->accounts().resetPassphrase(added->id, QStringLiteral("a fresh start for chris")).ok());
    admin->reset();
    EXPECT_TRUE(opener.unlock(QStringLiteral("chair.one"), QStringLiteral("a fresh start for chris")).ok());
}

TEST(StoreOpener, WrongOrMistypedRecoveryKeyIsRefused)
{
    test::TestSession store;
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    const RecoveryKey other = RecoveryKey::generate();
    auto wrong = opener.recover(other.displayText(), QStringLiteral("admin"),
                                QStringLiteral("new laptop, same panel"));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::WrongCredentials);
    auto malformed = opener.recover(QStringLiteral("ABCD-EFGH"), QStringLiteral("admin"),
                                    QStringLiteral("new laptop, same panel"));
    ASSERT_FALSE(malformed.ok());
    EXPECT_EQ(malformed.error().code, ErrorCode::InvalidInput);
}

TEST(StoreOpener, UnboundStoreRecordsTheChoiceAndNeedsNoKeychain)
{
    test::TestSession store(false);
    ASSERT_TRUE(store.sessionPtr());
    EXPECT_FALSE(store.session().isDeviceBound());
    {
        // Scoped: a live statement would hold the old connection's read lock after the session closes.
        auto row =
            store.session().database().prepare(QStringLiteral("SELECT is_device_bound FROM store_info"));
        ASSERT_TRUE(row.ok());
        ASSERT_TRUE(*row->step());
        EXPECT_EQ(row->columnInt(0), 0);
    }
    store.sessionPtr().reset();
    store.deviceSecrets.isUnavailable = true;
    StoreOpener opener = store.opener();
    EXPECT_FALSE(opener.isDeviceBound());
    EXPECT_TRUE(opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase()).ok());
}

TEST(StoreOpener, SlotOfUnboundStoreDoesNotOpenIfMarkedBound)
{
    // Flipping the binding flag in the key-slot file must not turn a slot into something else.
    test::TestSession store(false);
    store.sessionPtr().reset();
    auto slotFile = KeySlotFile::load(store.opener().paths().keySlotFile());
    ASSERT_TRUE(slotFile.ok());
    // A consistent-looking edit: bound, with a secret id, and a secret for it in the keychain.
    slotFile->isDeviceBound = true;
    slotFile->deviceSecretId = KeySlotFile::randomId();
    for (KeySlot& slot : slotFile->userSlots)
        slot.deviceSecretId = slotFile->deviceSecretId;
    ASSERT_TRUE(
        KeySlotCopies(store.opener().paths().keySlotFile(), store.opener().paths().keySlotSecondCopy())
            .writeBoth(*slotFile)
            .ok());
    ASSERT_TRUE(store.deviceSecrets
                    .write(DeviceSecretStore::secretName(slotFile->storeId, slotFile->deviceSecretId),
                           SecureBytes::random(32))
                    .ok());
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(session.ok());
    EXPECT_EQ(session.error().code, ErrorCode::WrongCredentials);
}

TEST(Session, LockWipesTheKeyAndClosesTheStore)
{
    const int before = SecureBytes::liveCount();
    {
        test::TestSession store;
        ASSERT_GT(SecureBytes::liveCount(), before);
        store.session().lock(QStringLiteral("test"));
        EXPECT_TRUE(store.session().isLocked());
        EXPECT_EQ(SecureBytes::liveCount(), before);
    }
    EXPECT_EQ(SecureBytes::liveCount(), before);
}

TEST(Session, LockAndUnlockAreAudited)
{
    test::TestSession store;
    store.session().lock(QStringLiteral("idle"));
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_TRUE(session.ok());
    const QStringList actions = auditActions(**session);
    EXPECT_TRUE(actions.contains(QStringLiteral("session.lock")));
    EXPECT_EQ(actions.last(), QStringLiteral("signin.success"));
}

TEST(Session, AutoLockDefaultsToFiveMinutesAndOnlyAdministratorsChangeIt)
{
    test::TestSession store;
    EXPECT_EQ(store.session().autoLockMinutes(), 5);
    EXPECT_FALSE(store.session().setAutoLockMinutes(0).ok());
    EXPECT_FALSE(store.session().setAutoLockMinutes(61).ok());
    EXPECT_EQ(store.session().autoLockMinutes(), 5);
    ASSERT_TRUE(store.session().setAutoLockMinutes(12).ok());
    EXPECT_EQ(store.session().autoLockMinutes(), 12);

    auto member =
        store.session().accounts().addUser({QStringLiteral("member.one"), QStringLiteral("Morgan Member"),
                                            Role::Member, QStringLiteral("member of the panel")});
    ASSERT_TRUE(member.ok());
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("member.one"), QStringLiteral("member of the panel"));
    ASSERT_TRUE(session.ok());
    Status denied = (*session)->setAutoLockMinutes(30);
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ((*session)->autoLockMinutes(), 12);
    EXPECT_EQ(lastAuditAction(**session), QStringLiteral("access.denied"));
}

TEST(StoreOpener, OlderCopyOfTheStoreIsRefusedAtUnlock)
{
    test::TestSession store;
    const QString file = store.session().paths().storeFile();
    store.session().lock();
    ASSERT_TRUE(QFile::copy(file, store.dir.file(QStringLiteral("old-copy"))));

    StoreOpener opener = store.opener();
    {
        auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
        ASSERT_TRUE(session.ok());
        ASSERT_TRUE((*session)->setAutoLockMinutes(9).ok()); // a change the old copy does not have
    }
    // Put the older copy back, as someone rolling the store back to hide what was done would.
    ASSERT_TRUE(QFile::remove(file));
    ASSERT_TRUE(QFile::rename(store.dir.file(QStringLiteral("old-copy")), file));

    auto rolledBack = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(rolledBack.ok());
    EXPECT_EQ(rolledBack.error().code, ErrorCode::AuditChainBroken);
    EXPECT_TRUE(rolledBack.error().message.contains(QLatin1String("older copy")))
        << rolledBack.error().message.toStdString();
}

TEST(StoreOpener, StoreOpenInAnotherProcessIsRefused)
{
    test::TestSession store;
    store.sessionPtr().reset();
    // A lock file held by a live process that is not one of this process's sessions.
    QLockFile other(store.dir.file(QStringLiteral("confer.lock")));
    ASSERT_TRUE(other.tryLock(0));
    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(session.ok());
    EXPECT_EQ(session.error().code, ErrorCode::Conflict);
    other.unlock();
    EXPECT_TRUE(opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase()).ok());
}

TEST(StoreOpener, RecoveryKeepsAReadableDeviceSecretSoOtherUsersStillSignIn)
{
    test::TestSession store;
    const QString chairPassphrase = QStringLiteral("chairs the Easington panel");
    ASSERT_TRUE(store.session()
                    .accounts()
                    .addUser({QStringLiteral("chair.one"), QStringLiteral("Chris Chair"), Role::Chair,
                              chairPassphrase})
                    .ok());
    store.sessionPtr().reset();
    StoreOpener opener = store.opener();
    // The administrator forgot their passphrase; the keychain is fine.
    auto recovered = opener.recover(store.recoveryKeyText(), QStringLiteral("admin"),
                                    QStringLiteral("remembered it this time, honest"));
    ASSERT_TRUE(recovered.ok()) << recovered.error().message.toStdString();
    recovered->reset();
    EXPECT_TRUE(opener.unlock(QStringLiteral("chair.one"), chairPassphrase).ok());
}

TEST(StoreOpener, SetupRefusesAFolderThatHoldsOtherThings)
{
    test::TestStoreDir dir;
    QFile existing(dir.file(QStringLiteral("minutes.odt")));
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.close();
    const auto before = QFileInfo(dir.path()).permissions();
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    StoreOpener opener(StorePaths(dir.path()), secrets, clock, KdfPolicy::cheapForTests());
    auto outcome =
        opener.create({QStringLiteral("admin"), QStringLiteral("Alex"), test::TestSession::adminPassphrase(),
                       true, KdfPolicy::cheapForTests().floor});
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().code, ErrorCode::Conflict);
    EXPECT_EQ(QFileInfo(dir.path()).permissions(), before);
    EXPECT_FALSE(opener.storeExists());
}

TEST(StoreOpener, ASecondSessionOnTheSameStoreIsRefused)
{
    test::TestSession store; // the administrator is signed in
    StoreOpener opener = store.opener();
    auto second = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
}
