#include "DemoStoreFixture.h"

#include "accounts/AccountService.h"

namespace confer::test {

QString DemoStoreFixture::passphraseFor(const QString& login)
{
    return login.startsWith(QStringLiteral("demo.")) ? demoAccountsPassphrase() : memberPassphrase();
}

DemoStoreFixture::DemoStoreFixture()
{
    DemoPartnership::Options options;
    options.cases = DemoCases;
    options.accountPassphrase = demoAccountsPassphrase();
    auto filled = DemoPartnership::fill(store.session(), shippedPanelKinds(), options);
    EXPECT_TRUE(filled.ok()) << filled.error().message.toStdString();
    for (const auto& [login, role] :
         {std::pair{otherAdminLogin(), Role::Administrator}, std::pair{newcomerLogin(), Role::Member}}) {
        AccountService::NewUser person;
        person.login = login;
        person.displayName =
            login == newcomerLogin() ? QStringLiteral("Nia Newcomer") : QStringLiteral("Ash Second");
        person.role = role;
        person.initialPassphrase = memberPassphrase();
        auto added = store.session().accounts().addUser(person);
        EXPECT_TRUE(added.ok()) << added.error().message.toStdString();
    }
    store.sessionPtr().reset();
}

DemoStoreFixture::~DemoStoreFixture()
{
    signOut();
}

bool DemoStoreFixture::signIn(const QString& login)
{
    signOut();
    auto opened = store.opener().unlock(login, passphraseFor(login));
    if (!opened.ok()) {
        ADD_FAILURE() << login.toStdString() << ": " << opened.error().message.toStdString();
        return false;
    }
    session = std::move(opened.value());
    caseload = std::make_unique<Caseload>(*session, shippedPanelKinds());
    return true;
}

void DemoStoreFixture::signOut()
{
    caseload.reset();
    session.reset();
}

} // namespace confer::test
