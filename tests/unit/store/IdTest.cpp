#include "common/Id.h"

#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QSet>

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <sstream>
#include <type_traits>
#include <unordered_set>

namespace confer {
namespace {

template <typename A, typename B>
concept Addable = requires(A a, B b)
{
    a + b;
};
template <typename A>
concept Incrementable = requires(A a)
{
    ++a;
};
template <typename A, typename B>
concept Comparable = requires(A a, B b)
{
    a == b;
};

// What the compiler refuses is the point of the type: each line fails to build if the rule is broken.
static_assert(!std::is_convertible_v<PanelId, UserId>, "a panel id is not a user id");
static_assert(!std::is_constructible_v<UserId, PanelId>, "not even explicitly");
static_assert(!std::is_convertible_v<CaseId, NoteId>);
static_assert(!std::is_convertible_v<qint64, UserId>, "no implicit id from an integer");
static_assert(!std::is_convertible_v<int, CaseId>);
static_assert(std::is_constructible_v<UserId, qint64>, "the store builds one explicitly");
static_assert(!std::is_convertible_v<UserId, qint64>, "no implicit integer from an id");
static_assert(!std::is_convertible_v<UserId, bool>, "no truth test: none is std::optional");
static_assert(!Addable<UserId, UserId> && !Addable<UserId, int>, "no arithmetic");
static_assert(!Incrementable<UserId>);
static_assert(Comparable<UserId, UserId>);
static_assert(!Comparable<UserId, PanelId>, "ids of two entities do not compare");
static_assert(!Comparable<UserId, int>, "nor with an integer sentinel");
static_assert(std::is_trivially_copyable_v<CaseId> && sizeof(CaseId) == sizeof(qint64));

TEST(IdTest, ComparesHashesAndPrintsAsTheStoreNumber)
{
    EXPECT_EQ(UserId(7), UserId(7));
    EXPECT_NE(UserId(7), UserId(8));
    EXPECT_LT(CaseId(2), CaseId(10));
    EXPECT_EQ(QSet<PanelId>({PanelId(1), PanelId(1), PanelId(2)}).size(), 2);
    EXPECT_EQ(std::unordered_set<AgencyId>({AgencyId(3), AgencyId(3)}).size(), 1u);
    std::ostringstream out;
    out << NoteId(42);
    EXPECT_EQ(out.str(), "42");
}

class IdStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db =
            test::mustOpen(m_dir.file(QStringLiteral("store.db")), SecureBytes::random(32), test::creating());
        ASSERT_NE(m_db, nullptr);
        test::mustExec(*m_db, QStringLiteral("CREATE TABLE v (id INTEGER PRIMARY KEY, user_id INTEGER)"));
    }

    Database& db() { return *m_db; }

private:
    test::TestStoreDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(IdStoreTest, IdsGoInAsIntegersAndNoneAsNull)
{
    auto insert = db().prepare(QStringLiteral("INSERT INTO v (user_id) VALUES (:user)"));
    ASSERT_TRUE(insert.ok());
    insert->bind(":user", UserId(7));
    ASSERT_TRUE(insert->run().ok());
    const auto first = db().lastInsertId<CaseId>();
    insert->bind(":user", std::optional<UserId>());
    ASSERT_TRUE(insert->run().ok());
    const auto second = db().lastInsertId<CaseId>();
    EXPECT_NE(first, second);

    auto select = db().prepare(QStringLiteral("SELECT id, user_id, typeof(user_id) FROM v ORDER BY id"));
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->columnId<CaseId>(0), first);
    EXPECT_EQ(select->columnOptionalId<UserId>(1), std::optional(UserId(7)));
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->columnId<CaseId>(0), second);
    EXPECT_EQ(select->columnOptionalId<UserId>(1), std::nullopt);
    EXPECT_EQ(select->columnText(2), QStringLiteral("null"));
}

} // namespace
} // namespace confer
