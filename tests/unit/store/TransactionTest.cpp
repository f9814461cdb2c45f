#include "store/Transaction.h"

#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace confer {
namespace {

using test::creating;
using test::describe;
using test::mustExec;
using test::mustOpen;
using test::queryInt;
using test::TestStoreDir;

class TransactionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = mustOpen(path(), m_key, creating());
        ASSERT_NE(m_db, nullptr);
        mustExec(*m_db, QStringLiteral("CREATE TABLE people (name TEXT UNIQUE)"));
        m_db->setTransactionListener([this](bool isCommitted) {
            m_endings.push_back(isCommitted);
            return Status{};
        });
    }

    Database& db() { return *m_db; }
    QString path() const { return m_dir.file(QStringLiteral("store.db")); }
    qint64 people() { return queryInt(*m_db, QStringLiteral("SELECT count(*) FROM people")); }
    Status insert(const QString& name)
    {
        auto statement = m_db->prepare(QStringLiteral("INSERT INTO people (name) VALUES (:name)"));
        if (!statement.ok())
            return statement.error();
        statement->bind(":name", name);
        return statement->run();
    }

    TestStoreDir m_dir;
    SecureBytes m_key = SecureBytes::random(32);
    std::unique_ptr<Database> m_db;
    std::vector<bool> m_endings; // what the listener heard: true = committed, false = rolled back
};

TEST_F(TransactionTest, RollsBackWhenDestroyedWithoutCommit)
{
    {
        Transaction transaction(db());
        ASSERT_TRUE(transaction.isActive()) << describe(transaction.beginStatus().error());
        EXPECT_TRUE(db().isInTransaction());
        ASSERT_TRUE(insert(QStringLiteral("Ann")).ok());
        EXPECT_EQ(people(), 1);
    }
    EXPECT_FALSE(db().isInTransaction());
    EXPECT_EQ(people(), 0);
    EXPECT_EQ(m_endings, std::vector<bool>{false});
}

TEST_F(TransactionTest, FailingStatementLeavesNothingOfTheChangeBehind)
{
    {
        Transaction transaction(db());
        ASSERT_TRUE(transaction.isActive());
        ASSERT_TRUE(insert(QStringLiteral("Ann")).ok());
        ASSERT_TRUE(insert(QStringLiteral("Bob")).ok());
        const Status duplicate = insert(QStringLiteral("Ann"));
        ASSERT_FALSE(duplicate.ok());
        // The caller gives up on the change, as services do when a step fails.
    }
    EXPECT_EQ(people(), 0);
    EXPECT_FALSE(db().isInTransaction());
}

TEST_F(TransactionTest, CommitKeepsTheChangeAndTellsTheListener)
{
    {
        Transaction transaction(db());
        ASSERT_TRUE(insert(QStringLiteral("Ann")).ok());
        EXPECT_TRUE(m_endings.empty());
        const Status committed = transaction.commit();
        ASSERT_TRUE(committed.ok()) << describe(committed.error());
        EXPECT_FALSE(transaction.isActive());
        EXPECT_EQ(m_endings, std::vector<bool>{true});
    }
    EXPECT_EQ(m_endings, std::vector<bool>{true}) << "a committed transaction must not roll back later";
    m_db.reset();
    auto reopened = mustOpen(path(), m_key);
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(queryInt(*reopened, QStringLiteral("SELECT count(*) FROM people")), 1);
}

TEST_F(TransactionTest, SecondCommitIsRefused)
{
    Transaction transaction(db());
    ASSERT_TRUE(transaction.commit().ok());
    const Status again = transaction.commit();
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(m_endings, std::vector<bool>{true});
}

TEST_F(TransactionTest, NestedTransactionCommitsOnlyWithTheOuterOne)
{
    Transaction outer(db());
    ASSERT_TRUE(outer.isActive());
    ASSERT_TRUE(insert(QStringLiteral("Ann")).ok());
    {
        Transaction inner(db());
        ASSERT_TRUE(inner.isActive());
        ASSERT_TRUE(insert(QStringLiteral("Bea")).ok());
        ASSERT_TRUE(inner.commit().ok());
    }
    EXPECT_TRUE(db().isInTransaction());
    EXPECT_TRUE(m_endings.empty()); // releasing a savepoint is not a commit
    ASSERT_TRUE(outer.commit().ok());
    EXPECT_EQ(people(), 2);
    EXPECT_EQ(m_endings, std::vector<bool>{true});
}

TEST_F(TransactionTest, FailedNestedTransactionUndoesOnlyItsOwnChange)
{
    Transaction outer(db());
    ASSERT_TRUE(insert(QStringLiteral("Ann")).ok());
    {
        Transaction inner(db());
        ASSERT_TRUE(inner.isActive());
        ASSERT_TRUE(insert(QStringLiteral("Bea")).ok());
    } // not committed: rolled back to its savepoint
    EXPECT_TRUE(db().isInTransaction());
    ASSERT_TRUE(outer.commit().ok());
    EXPECT_EQ(people(), 1);
}

TEST_F(TransactionTest, OuterRollbackUndoesACommittedNestedTransaction)
{
    {
        Transaction outer(db());
        {
            Transaction inner(db());
            ASSERT_TRUE(insert(QStringLiteral("Bea")).ok());
            ASSERT_TRUE(inner.commit().ok());
        }
    }
    EXPECT_EQ(people(), 0);
}

} // namespace
} // namespace confer
