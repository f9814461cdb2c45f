#include "accounts/AccountService.h"

#include "TestSession.h"
#include "audit/AuditLog.h"
#include "keys/KeySlotFile.h"

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString ChairPassphrase = QStringLiteral("chairs the Easington panel");

class AccountServiceTest : public ::testing::Test {
protected:
    AccountService& accounts() { return store.session().accounts(); }
    QString lastAction()
    {
        auto page = store.session().audit().page(std::numeric_limits<qint64>::max(), 1);
        return page.ok() && !page->empty() ? page->front().action : QString();
    }
    QStringList recentActions(int count)
    {
        QStringList actions;
        auto page = store.session().audit().page(std::numeric_limits<qint64>::max(), count);
        for (const AuditEvent& event : *page)
            actions.prepend(event.action);
        return actions;
    }
    User addChair()
    {
        auto added = accounts().addUser(
            {QStringLiteral("chair.one"), QStringLiteral("Chris Chair"), Role::Chair, ChairPassphrase});
        EXPECT_TRUE(added.ok()) << (added.ok() ? "" : added.error().message.toStdString());
        return added.ok() ? *added : User{};
    }
    Result<std::unique_ptr<Session>> signIn(const QString& login, const QString& passphrase)
    {
        store.sessionPtr().reset();
        m_opener = std::make_unique<StoreOpener>(store.opener());
        return m_opener->unlock(login, passphrase);
    }

    test::TestSession store;

private:
    std::unique_ptr<StoreOpener> m_opener;
};

} // namespace

TEST_F(AccountServiceTest, AdministratorAddsUserWhoCanSignIn)
{
    const User chair = addChair();
    EXPECT_EQ(chair.role, Role::Chair);
    EXPECT_EQ(lastAction(), QStringLiteral("account.create"));
    EXPECT_TRUE(store.session().keySlots().slotFor(QStringLiteral("chair.one")));
    auto session = signIn(QStringLiteral("chair.one"), ChairPassphrase);
    ASSERT_TRUE(session.ok());
    EXPECT_EQ((*session)->currentUser().displayName, QStringLiteral("Chris Chair"));
    EXPECT_FALSE((*session)->isAdministrator());
}

TEST_F(AccountServiceTest, DuplicateOrInvalidUsersAreRefusedAndChangeNothing)
{
    addChair();
    const int slotsBefore = store.session().keySlots().userSlots.size();
    auto duplicate = accounts().addUser({QStringLiteral("CHAIR.ONE"), QStringLiteral("Someone"), Role::Member,
                                         QStringLiteral("another fine passphrase")});
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::Conflict);
    EXPECT_FALSE(accounts()
                     .addUser({QStringLiteral("x"), QStringLiteral("X"), Role::Member,
                               QStringLiteral("another fine passphrase")})
                     .ok());
    EXPECT_FALSE(accounts()
                     .addUser({QStringLiteral("new.one"), QStringLiteral("  "), Role::Member,
                               QStringLiteral("another fine passphrase")})
                     .ok());
    EXPECT_FALSE(accounts()
                     .addUser({QStringLiteral("new.one"), QStringLiteral("New"), Role::Member,
                               QStringLiteral("password1234")})
                     .ok());
    EXPECT_EQ(store.session().keySlots().userSlots.size(), slotsBefore);
    EXPECT_EQ(accounts().users()->size(), 2u);
}

TEST_F(AccountServiceTest, DisabledUserCannotSignInAndLosesTheirSlot)
{
    const User chair = addChair();
    ASSERT_TRUE(accounts().setDisabled(chair.id, true).ok());
    // Disabling also rotates the store key, so a copy of the old slot opens nothing made from now on.
    EXPECT_EQ(recentActions(3),
              (QStringList{QStringLiteral("account.disable"), QStringLiteral("store.key.rotate"),
                           QStringLiteral("store.key.rotate")}));
    EXPECT_FALSE(store.session().keySlots().slotFor(QStringLiteral("chair.one")));
    EXPECT_FALSE(signIn(QStringLiteral("chair.one"), ChairPassphrase).ok());
}

TEST_F(AccountServiceTest, EnablingNeedsANewPassphrase)
{
    const User chair = addChair();
    ASSERT_TRUE(accounts().setDisabled(chair.id, true).ok());
    EXPECT_FALSE(accounts().setDisabled(chair.id, false, QStringLiteral("short")).ok());
    ASSERT_TRUE(accounts().setDisabled(chair.id, false, QStringLiteral("back on the panel again")).ok());
    EXPECT_TRUE(signIn(QStringLiteral("chair.one"), QStringLiteral("back on the panel again")).ok());
}

TEST_F(AccountServiceTest, LastAdministratorCannotBeDisabledOrDemoted)
{
    const UserId adminId = store.session().currentUser().id;
    EXPECT_FALSE(accounts().setDisabled(adminId, true).ok());
    EXPECT_FALSE(accounts().changeRole(adminId, Role::Member).ok());
    EXPECT_TRUE(store.session().isAdministrator());
}

TEST_F(AccountServiceTest, ResetPassphraseReplacesOnlyThatSlot)
{
    const User chair = addChair();
    const QByteArray adminSealed =
        store.session().keySlots().slotFor(QStringLiteral("admin"))->userSecretKey.ciphertext;
    ASSERT_TRUE(accounts().resetPassphrase(chair.id, QStringLiteral("reset by the administrator")).ok());
    EXPECT_EQ(store.session().keySlots().slotFor(QStringLiteral("admin"))->userSecretKey.ciphertext,
              adminSealed);
    EXPECT_FALSE(signIn(QStringLiteral("chair.one"), ChairPassphrase).ok());
    EXPECT_TRUE(signIn(QStringLiteral("chair.one"), QStringLiteral("reset by the administrator")).ok());
}

TEST_F(AccountServiceTest, UserChangesOwnPassphraseResealingOnlyTheirSlot)
{
    addChair();
    auto session = signIn(QStringLiteral("chair.one"), ChairPassphrase);
    ASSERT_TRUE(session.ok());
    AccountService& mine = (*session)->accounts();
    const QByteArray adminSealed =
        (*session)->keySlots().slotFor(QStringLiteral("admin"))->userSecretKey.ciphertext;
    Status wrongCurrent =
        mine.changeOwnPassphrase(QStringLiteral("not my passphrase"), QStringLiteral("a brand new one here"));
    ASSERT_FALSE(wrongCurrent.ok());
    EXPECT_EQ(wrongCurrent.error().code, ErrorCode::WrongCredentials);
    ASSERT_TRUE(mine.changeOwnPassphrase(ChairPassphrase, QStringLiteral("a brand new one here")).ok());
    EXPECT_EQ((*session)->keySlots().slotFor(QStringLiteral("admin"))->userSecretKey.ciphertext, adminSealed);
    session->reset();
    EXPECT_FALSE(signIn(QStringLiteral("chair.one"), ChairPassphrase).ok());
    EXPECT_TRUE(signIn(QStringLiteral("chair.one"), QStringLiteral("a brand new one here")).ok());
}

TEST_F(AccountServiceTest, NonAdministratorIsDeniedAndTheDenialIsAudited)
{
    addChair();
    auto session = signIn(QStringLiteral("chair.one"), ChairPassphrase);
    ASSERT_TRUE(session.ok());
    auto attempt = (*session)->accounts().addUser({QStringLiteral("sneaky"), QStringLiteral("Sneaky"),
                                                   Role::Administrator, QStringLiteral("let me in please")});
    ASSERT_FALSE(attempt.ok());
    EXPECT_EQ(attempt.error().code, ErrorCode::AccessDenied);
    auto page = (*session)->audit().page(std::numeric_limits<qint64>::max(), 1);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->front().action, QStringLiteral("access.denied"));
    EXPECT_FALSE((*session)->keySlots().slotFor(QStringLiteral("sneaky")));
}

TEST_F(AccountServiceTest, RoleChangeIsAudited)
{
    const User chair = addChair();
    ASSERT_TRUE(accounts().changeRole(chair.id, Role::Coordinator).ok());
    EXPECT_EQ(accounts().user(chair.id)->role, Role::Coordinator);
    auto page = store.session().audit().page(std::numeric_limits<qint64>::max(), 1);
    EXPECT_EQ(page->front().detail, QStringLiteral("chair->coordinator"));
}

TEST_F(AccountServiceTest, AnOrphanSlotDoesNotBlockAddingThatLogin)
{
    // A slot left behind by an interrupted change (no user row) must not reserve the login forever.
    ASSERT_TRUE(store.session()
                    .commitKeyChange([](KeySlotFile& file) {
                        KeySlot orphan = file.userSlots.front();
                        orphan.login = QStringLiteral("chair.one");
                        orphan.slotId = KeySlotFile::randomId();
                        file.upsertSlot(orphan);
                        return Status{};
                    })
                    .ok());
    addChair();
    EXPECT_TRUE(signIn(QStringLiteral("chair.one"), ChairPassphrase).ok());
}

namespace {

// The code of a refusal; a success is a failure of the test.
std::optional<ErrorCode> refusalCode(const Status& status)
{
    EXPECT_FALSE(status.ok()) << "expected a refusal";
    return status.ok() ? std::nullopt : std::optional<ErrorCode>(status.error().code);
}

} // namespace

TEST_F(AccountServiceTest, TheFirstAdministratorIsMadeOnlyInAStoreWithNoAccount)
{
    const auto before = accounts().users()->size();
    auto second =
        accounts().createFirstAdministrator(QStringLiteral("second.admin"), QStringLiteral("Sam Second"));
    EXPECT_EQ(refusalCode(second), ErrorCode::Conflict);
    EXPECT_EQ(accounts().users()->size(), before);
    EXPECT_FALSE(accounts().userByLogin(QStringLiteral("second.admin")).ok());
}

TEST_F(AccountServiceTest, TheSetupRequestIsCheckedBeforeAnyFileIsMade)
{
    const QString login = QStringLiteral("admin");
    const QString name = QStringLiteral("Alex Admin");
    const QString passphrase = test::TestSession::adminPassphrase();
    EXPECT_TRUE(AccountService::checkFirstAdministrator(login, name, passphrase).ok());
    EXPECT_EQ(refusalCode(AccountService::checkFirstAdministrator(QStringLiteral("a"), name, passphrase)),
              ErrorCode::InvalidInput);
    EXPECT_EQ(refusalCode(AccountService::checkFirstAdministrator(login, QStringLiteral("  "), passphrase)),
              ErrorCode::InvalidInput);
    EXPECT_EQ(refusalCode(AccountService::checkFirstAdministrator(login, name, QStringLiteral("short"))),
              ErrorCode::InvalidInput);
}

TEST_F(AccountServiceTest, AgencyChangeChecksTheAdministratorAndTheAccountBeforeTheAgency)
{
    const User chair = addChair();
    int agencyChecks = 0;
    const auto noSuchAgency = [&]() -> Status {
        ++agencyChecks;
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agency"));
    };
    // An unknown account is refused before the agency is looked at; nothing is written.
    EXPECT_EQ(refusalCode(accounts().setAgency(UserId(9999), AgencyId(1), noSuchAgency)),
              ErrorCode::NotFound);
    EXPECT_EQ(agencyChecks, 0);
    // The partnership's check comes last, and its refusal stands.
    EXPECT_EQ(refusalCode(accounts().setAgency(chair.id, AgencyId(1), noSuchAgency)), ErrorCode::NotFound);
    EXPECT_EQ(agencyChecks, 1);
    EXPECT_EQ(lastAction(), QStringLiteral("account.create"));
    // Someone who is not an administrator is refused first, and the refusal is audited.
    auto chairSession = signIn(QStringLiteral("chair.one"), ChairPassphrase);
    ASSERT_TRUE(chairSession.ok());
    EXPECT_EQ(refusalCode((*chairSession)->accounts().setAgency(chair.id, std::nullopt, noSuchAgency)),
              ErrorCode::AccessDenied);
    EXPECT_EQ(agencyChecks, 1);
    auto page = (*chairSession)->audit().page(std::numeric_limits<qint64>::max(), 1);
    ASSERT_TRUE(page.ok() && !page->empty());
    EXPECT_EQ(page->front().action, QStringLiteral("access.denied"));
    EXPECT_EQ(page->front().detail, QStringLiteral("user.agency"));
}
