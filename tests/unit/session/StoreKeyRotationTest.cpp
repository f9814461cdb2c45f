// Removing a person, or resetting a passphrase that may be known, gives the store a new key: their old
// slot, or someone who learnt the old passphrase, opens no later copy of the store.
#include "TestSession.h"
#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "files/SafeFile.h"
#include "keys/KeySlotCopies.h"
#include "store/Database.h"

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString ChairLogin = QStringLiteral("chair.one");
const QString ChairPassphrase = QStringLiteral("chairs the Easington panel");
const QString MemberLogin = QStringLiteral("member.one");
const QString MemberPassphrase = QStringLiteral("member of the panel, housing");

class StoreKeyRotationTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto chair = store.session().accounts().addUser(
            {ChairLogin, QStringLiteral("Chris Chair"), Role::Chair, ChairPassphrase});
        ASSERT_TRUE(chair.ok());
        chairId = chair->id;
        ASSERT_TRUE(
            store.session()
                .accounts()
                .addUser({MemberLogin, QStringLiteral("Morgan Member"), Role::Member, MemberPassphrase})
                .ok());
    }
    bool opensWith(const SecureBytes& key)
    {
        Database::Options options;
        options.readOnly = true;
        return Database::open(StorePaths(store.dir.path()).storeFile(), key, options).ok();
    }
    QStringList actions()
    {
        QStringList result;
        auto page = store.session().audit().page(std::numeric_limits<qint64>::max(), 200);
        for (const AuditEvent& event : *page)
            result.prepend(event.action + QLatin1Char(':') + event.detail);
        return result;
    }
    Result<std::unique_ptr<Session>> unlock(const QString& login, const QString& passphrase)
    {
        StoreOpener opener = store.opener();
        return opener.unlock(login, passphrase);
    }

    test::TestSession store;
    UserId chairId;
};

TEST_F(StoreKeyRotationTest, DisablingSomeoneGivesTheStoreANewKeyThatTheyNeverHad)
{
    const SecureBytes oldKey = store.adminStoreKey();
    ASSERT_FALSE(oldKey.isEmpty());
    ASSERT_TRUE(store.session().accounts().setDisabled(chairId, true).ok());
    EXPECT_FALSE(store.adminStoreKey().equals(oldKey));
    EXPECT_TRUE(opensWith(store.adminStoreKey()));
    EXPECT_TRUE(actions().contains(QStringLiteral("store.key.rotate:done")));
    EXPECT_FALSE(store.session().keySlots().hasPendingKey());
    EXPECT_TRUE(store.session().verify().ok());
    const QString recoveryKey = store.recoveryKeyText();
    store.sessionPtr().reset();

    EXPECT_FALSE(opensWith(oldKey)) << "a copy of the removed person's old slot would still open the store";
    EXPECT_FALSE(unlock(ChairLogin, ChairPassphrase).ok());
    EXPECT_TRUE(unlock(MemberLogin, MemberPassphrase).ok()); // resealed without knowing their passphrase
    auto admin =
        unlock(QString::fromLatin1(test::TestSession::AdminLogin), test::TestSession::adminPassphrase());
    ASSERT_TRUE(admin.ok());
    EXPECT_TRUE((*admin)->verify().ok()); // every earlier event still verifies: the audit key never rotates
    admin->reset();
    StoreOpener opener = store.opener();
    EXPECT_TRUE(opener.recover(recoveryKey, MemberLogin, QStringLiteral("recovered by the member")).ok());
}

TEST_F(StoreKeyRotationTest, ResetBecauseThePassphraseMayBeKnownRotatesButAForgottenOneDoesNot)
{
    const SecureBytes firstKey = store.adminStoreKey();
    ASSERT_FALSE(firstKey.isEmpty());
    ASSERT_TRUE(store.session()
                    .accounts()
                    .resetPassphrase(chairId, QStringLiteral("forgot it over the summer"))
                    .ok());
    EXPECT_TRUE(store.adminStoreKey().equals(firstKey));
    EXPECT_TRUE(opensWith(firstKey));
    ASSERT_TRUE(store.session()
                    .accounts()
                    .resetPassphrase(chairId, QStringLiteral("written on a sticky note, replaced"),
                                     AccountService::ResetReason::MayBeKnown)
                    .ok());
    EXPECT_FALSE(store.adminStoreKey().equals(firstKey));
    EXPECT_TRUE(actions().contains(QStringLiteral("account.reset:may be known")));
    store.sessionPtr().reset();
    EXPECT_FALSE(opensWith(firstKey));
    EXPECT_TRUE(unlock(ChairLogin, QStringLiteral("written on a sticky note, replaced")).ok());
}

// A failure at any write of a rotation (disk full at each step of each file) leaves a store that opens,
// verifies, and holds every change that was acknowledged.
TEST_F(StoreKeyRotationTest, AFailureAtAnyFileWriteOfARotationLeavesAStoreThatOpens)
{
    store.sessionPtr().reset();
    int faultsTried = 0;
    for (int failAt = 1; failAt < 200; ++failAt) {
        auto session =
            unlock(QString::fromLatin1(test::TestSession::AdminLogin), test::TestSession::adminPassphrase());
        ASSERT_TRUE(session.ok()) << "before fault " << failAt << ": "
                                  << session.error().message.toStdString();
        ASSERT_TRUE((*session)->verify().ok());
        auto chair = (*session)->accounts().userByLogin(ChairLogin);
        ASSERT_TRUE(chair.ok());
        int step = 0;
        SafeFileFaults::setHook(
            [&](SafeFileFaults::Step, const QString&) { return ++step == failAt ? ENOSPC : 0; });
        Status rotated = (*session)->accounts().resetPassphrase(
            chair->id, QStringLiteral("fault sweep passphrase %1").arg(failAt),
            AccountService::ResetReason::MayBeKnown);
        SafeFileFaults::setHook({});
        session->reset();
        if (step < failAt) {
            ASSERT_TRUE(rotated.ok()) << rotated.error().message.toStdString();
            break; // the whole rotation ran without reaching the fault: every point was tried
        }
        ++faultsTried;
        EXPECT_FALSE(rotated.ok()) << "fault " << failAt << " was not reported";
        if (!rotated.ok())
            EXPECT_FALSE(rotated.error().message.isEmpty());
        // The chair's new passphrase works exactly when the rotation said it had saved the reset, or the
        // reset reached the store before the fault; never a half state that opens for nobody.
        auto after =
            unlock(QString::fromLatin1(test::TestSession::AdminLogin), test::TestSession::adminPassphrase());
        ASSERT_TRUE(after.ok()) << "after fault " << failAt << ": " << after.error().message.toStdString();
        EXPECT_TRUE((*after)->verify().ok()) << "after fault " << failAt;
        EXPECT_FALSE((*after)->keySlots().hasPendingKey()) << "after fault " << failAt;
    }
    EXPECT_GT(faultsTried, 5);
    std::cout << "rotation: " << faultsTried << " file-write fault points tried, store opened after each\n";
}

} // namespace
