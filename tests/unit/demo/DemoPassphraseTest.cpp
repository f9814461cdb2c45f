// DemoPassphrase: drawn fresh by libsodium for each `confer demo --with-demo-accounts`, never published.
#include "demo/DemoPassphrase.h"

#include "accounts/PassphrasePolicy.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <set>

using namespace confer;

TEST(DemoPassphrase, IsFiveGroupsOfFourLettersThatThePolicyAccepts)
{
    static const QRegularExpression shape(QStringLiteral("^[a-km-z]{4}(-[a-km-z]{4}){4}$"));
    for (int i = 0; i < 50; ++i) {
        auto drawn = DemoPassphrase::generate();
        ASSERT_TRUE(drawn.ok());
        EXPECT_TRUE(shape.match(*drawn).hasMatch()) << drawn->toStdString();
        EXPECT_TRUE(PassphrasePolicy::check(*drawn).ok()) << drawn->toStdString();
    }
}

TEST(DemoPassphrase, IsNewEveryTime)
{
    std::set<QString> seen;
    for (int i = 0; i < 200; ++i)
        seen.insert(DemoPassphrase::generate().value());
    EXPECT_EQ(seen.size(), 200u);
}
