#include "store/Statement.h"

#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"

#include <gtest/gtest.h>

#include <limits>
#include <memory>

namespace confer {
namespace {

using test::creating;
using test::describe;
using test::mustExec;
using test::mustOpen;
using test::queryInt;
using test::TestStoreDir;

class StatementTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = mustOpen(m_dir.file(QStringLiteral("store.db")), SecureBytes::random(32), creating());
        ASSERT_NE(m_db, nullptr);
        mustExec(*m_db, QStringLiteral("CREATE TABLE v (i INTEGER, d REAL, t TEXT, b BLOB)"));
    }

    Database& db() { return *m_db; }

private:
    TestStoreDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(StatementTest, ValuesRoundTripByType)
{
    const QString text = QStringLiteral("Cyfarfod ŵŷ – Zoë 😀 “quoted”");
    const QByteArray blob("\x00\x01\xff binary\x00", 11);
    auto insert = db().prepare(QStringLiteral("INSERT INTO v (i, d, t, b) VALUES (:i, :d, :t, :b)"));
    ASSERT_TRUE(insert.ok()) << describe(insert.error());
    insert->bind(":i", std::numeric_limits<qint64>::min()).bind(":d", 0.1).bind(":t", text).bind(":b", blob);
    ASSERT_TRUE(insert->run().ok());
    insert->bind(":i", true).bind(":d", -2.5e300).bind(":t", QStringLiteral("")).bind(":b", QByteArray(""));
    ASSERT_TRUE(insert->run().ok());

    auto select =
        db().prepare(QStringLiteral("SELECT i, d, t, b, typeof(t), typeof(b) FROM v ORDER BY rowid"));
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->columnInt(0), std::numeric_limits<qint64>::min());
    EXPECT_DOUBLE_EQ(select->columnDouble(1), 0.1);
    EXPECT_EQ(select->columnText(2), text);
    EXPECT_EQ(select->columnBlob(3), blob);
    EXPECT_EQ(select->columnText(4), QStringLiteral("text"));
    EXPECT_EQ(select->columnText(5), QStringLiteral("blob"));

    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->columnInt(0), 1);
    EXPECT_DOUBLE_EQ(select->columnDouble(1), -2.5e300);
    EXPECT_TRUE(select->columnText(2).isEmpty());
    EXPECT_FALSE(select->columnText(2).isNull());
    EXPECT_FALSE(select->isNull(2)) << "an empty string is not NULL";
    EXPECT_TRUE(select->columnBlob(3).isEmpty());
    EXPECT_FALSE(select->columnBlob(3).isNull());
    EXPECT_FALSE(select->isNull(3)) << "an empty array is not NULL";
    EXPECT_EQ(select->columnText(5), QStringLiteral("blob"));
    EXPECT_FALSE(*select->step());
}

TEST_F(StatementTest, NullStringAndNullArrayBindNull)
{
    auto insert = db().prepare(QStringLiteral("INSERT INTO v (i, t, b) VALUES (:i, :t, :b)"));
    ASSERT_TRUE(insert.ok());
    insert->bindNull(":i").bind(":t", QString()).bind(":b", QByteArray());
    ASSERT_TRUE(insert->run().ok());

    auto select = db().prepare(QStringLiteral("SELECT i, t, b FROM v"));
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(*select->step());
    for (int column = 0; column < 3; ++column)
        EXPECT_TRUE(select->isNull(column)) << column;
    EXPECT_TRUE(select->columnText(1).isNull());
    EXPECT_TRUE(select->columnBlob(2).isNull());
}

TEST_F(StatementTest, UnknownParameterNameIsAnErrorNotACrash)
{
    auto insert = db().prepare(QStringLiteral("INSERT INTO v (i) VALUES (:i)"));
    ASSERT_TRUE(insert.ok());
    insert->bind(":typo", 7).bind(":i", 1);
    auto stepped = insert->step();
    ASSERT_FALSE(stepped.ok());
    EXPECT_EQ(stepped.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(stepped.error().detail.contains(QStringLiteral(":typo")));
    const Status run = insert->run();
    ASSERT_FALSE(run.ok());
    EXPECT_EQ(run.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(queryInt(db(), QStringLiteral("SELECT count(*) FROM v")), 0) << "nothing may run half-bound";
}

TEST_F(StatementTest, ResetKeepsTheBindings)
{
    mustExec(db(), QStringLiteral("INSERT INTO v (i, t) VALUES (1, 'one'), (2, 'two')"));
    auto select = db().prepare(QStringLiteral("SELECT t FROM v WHERE i = :i"));
    ASSERT_TRUE(select.ok());
    select->bind(":i", 2);
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->columnText(0), QStringLiteral("two"));
    select->reset();
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->columnText(0), QStringLiteral("two"));
    EXPECT_FALSE(*select->step());
}

TEST_F(StatementTest, ErrorsNeverContainBoundValues)
{
    const QString secret = QStringLiteral("Mrs Angharad Secret-Value of 12 Bryn Road");
    mustExec(db(), QStringLiteral("CREATE TABLE people (name TEXT UNIQUE, age INTEGER CHECK (age >= 0))"));
    auto insert = db().prepare(QStringLiteral("INSERT INTO people (name, age) VALUES (:name, :age)"));
    ASSERT_TRUE(insert.ok());
    insert->bind(":name", secret).bind(":age", 40);
    ASSERT_TRUE(insert->run().ok());

    const Status duplicate = insert->run(); // UNIQUE fails
    ASSERT_FALSE(duplicate.ok());
    insert->bind(":name", secret + QStringLiteral(" jr")).bind(":age", -987654);
    const Status negative = insert->run(); // CHECK fails
    ASSERT_FALSE(negative.ok());
    for (const Error& error : {duplicate.error(), negative.error()}) {
        EXPECT_EQ(error.code, ErrorCode::Database);
        for (const QString& text : {error.message, error.detail}) {
            EXPECT_FALSE(text.contains(QStringLiteral("Angharad"))) << text.toStdString();
            EXPECT_FALSE(text.contains(QStringLiteral("987654"))) << text.toStdString();
        }
    }
}

TEST_F(StatementTest, BadOrEmptySqlIsReportedWhenPrepared)
{
    auto bad = db().prepare(QStringLiteral("SELEC 1"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::Database);
    auto empty = db().prepare(QStringLiteral("  -- nothing here"));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidInput);
}

TEST_F(StatementTest, MovedStatementKeepsWorkingAndTheOldOneRefuses)
{
    mustExec(db(), QStringLiteral("INSERT INTO v (i) VALUES (5)"));
    auto prepared = db().prepare(QStringLiteral("SELECT i FROM v"));
    ASSERT_TRUE(prepared.ok());
    Statement moved = std::move(*prepared);
    ASSERT_TRUE(*moved.step());
    EXPECT_EQ(moved.columnInt(0), 5);
    EXPECT_FALSE(prepared->step().ok()); // NOLINT(bugprone-use-after-move): checking the moved-from state
}

} // namespace
} // namespace confer
