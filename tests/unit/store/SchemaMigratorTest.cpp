#include "store/SchemaMigrator.h"

#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"

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

std::vector<int> versionsOf(const std::vector<Migration>& migrations)
{
    std::vector<int> versions;
    for (const Migration& migration : migrations)
        versions.push_back(migration.version);
    return versions;
}

class SchemaMigratorTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = mustOpen(m_dir.file(QStringLiteral("store.db")), SecureBytes::random(32), creating());
        ASSERT_NE(m_db, nullptr);
        m_db->setTransactionListener([this](bool isCommitted) {
            m_endings.push_back(isCommitted);
            return Status{};
        });
    }

    Database& db() { return *m_db; }
    int userVersion() { return static_cast<int>(queryInt(*m_db, QStringLiteral("PRAGMA user_version"))); }
    qint64 schemaObjects() { return queryInt(*m_db, QStringLiteral("SELECT count(*) FROM sqlite_master")); }

    TestStoreDir m_dir;
    std::unique_ptr<Database> m_db;
    std::vector<bool> m_endings;
};

TEST_F(SchemaMigratorTest, ReadsNumberedFilesSortedByNumber)
{
    const auto migrations = SchemaMigrator::migrationsFrom(QStringLiteral(":/test-migrations/ordered"));
    EXPECT_EQ(versionsOf(migrations), (std::vector<int>{1, 2, 10}));
    for (const Migration& migration : migrations)
        EXPECT_TRUE(migration.sql.contains(QStringLiteral("CREATE"))) << migration.version;
}

TEST_F(SchemaMigratorTest, AppliesAllPendingStepsInOrderInOneTransaction)
{
    const Status migrated = SchemaMigrator::migrate(
        db(), SchemaMigrator::migrationsFrom(QStringLiteral(":/test-migrations/ordered")));
    ASSERT_TRUE(migrated.ok()) << describe(migrated.error());
    EXPECT_EQ(userVersion(), 10);
    EXPECT_EQ(SchemaMigrator::currentVersion(db()).value(), 10);
    EXPECT_EQ(queryInt(db(), QStringLiteral("SELECT count(*) FROM notes")), 1);
    EXPECT_EQ(
        queryInt(db(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'notes_by_person'")),
        1);
    EXPECT_EQ(m_endings, std::vector<bool>{true}) << "three steps, one commit";
}

TEST_F(SchemaMigratorTest, RunsOnlyTheStepsNewerThanTheStore)
{
    auto migrations = SchemaMigrator::migrationsFrom(QStringLiteral(":/test-migrations/ordered"));
    ASSERT_EQ(migrations.size(), 3u);
    const std::vector<Migration> firstTwo(migrations.begin(), migrations.begin() + 2);
    ASSERT_TRUE(SchemaMigrator::migrate(db(), firstTwo).ok());
    EXPECT_EQ(userVersion(), 2);

    // Step 1 creates a table, so running it again would fail the whole migration.
    const Status migrated = SchemaMigrator::migrate(db(), migrations);
    ASSERT_TRUE(migrated.ok()) << describe(migrated.error());
    EXPECT_EQ(userVersion(), 10);
    EXPECT_EQ(queryInt(db(), QStringLiteral("SELECT count(*) FROM people")), 1);

    m_endings.clear();
    ASSERT_TRUE(SchemaMigrator::migrate(db(), migrations).ok());
    EXPECT_TRUE(m_endings.empty()) << "an up-to-date store is not touched";
}

TEST_F(SchemaMigratorTest, FailingStepLeavesVersionAndSchemaUntouched)
{
    const std::vector<Migration> first = {
        {1, QStringLiteral("CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);")},
    };
    ASSERT_TRUE(SchemaMigrator::migrate(db(), first).ok());
    const qint64 objectsBefore = schemaObjects();

    const std::vector<Migration> broken = {
        first[0],
        {2, QStringLiteral("CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);")},
        {3, QStringLiteral("CREATE TABLE c (z INTEGER); INSERT INTO no_such_table VALUES (3);")},
    };
    const Status migrated = SchemaMigrator::migrate(db(), broken);
    ASSERT_FALSE(migrated.ok());
    EXPECT_FALSE(migrated.error().message.isEmpty());
    EXPECT_EQ(userVersion(), 1);
    EXPECT_EQ(schemaObjects(), objectsBefore) << "tables b and c must not exist";
    EXPECT_EQ(queryInt(db(), QStringLiteral("SELECT count(*) FROM a")), 1);
    EXPECT_FALSE(db().isInTransaction());
}

TEST_F(SchemaMigratorTest, StoreMadeByANewerConferIsRefused)
{
    mustExec(db(), QStringLiteral("PRAGMA user_version = 11"));
    const Status migrated = SchemaMigrator::migrate(
        db(), SchemaMigrator::migrationsFrom(QStringLiteral(":/test-migrations/ordered")));
    ASSERT_FALSE(migrated.ok());
    EXPECT_TRUE(migrated.error().message.contains(QStringLiteral("newer version of Confer")));
    EXPECT_EQ(userVersion(), 11);
    EXPECT_EQ(schemaObjects(), 0);
}

TEST_F(SchemaMigratorTest, MisnumberedStepsAreRefusedBeforeAnythingRuns)
{
    const auto misnamed = SchemaMigrator::migrationsFrom(QStringLiteral(":/test-migrations/misnamed"));
    EXPECT_EQ(versionsOf(misnamed), (std::vector<int>{0, 1}));
    const std::vector<Migration> duplicate = {
        {1, QStringLiteral("CREATE TABLE a (x)")},
        {1, QStringLiteral("CREATE TABLE b (x)")},
    };
    const std::vector<Migration> descending = {
        {2, QStringLiteral("CREATE TABLE a (x)")},
        {1, QStringLiteral("CREATE TABLE b (x)")},
    };
    for (const auto& migrations : {misnamed, duplicate, descending}) {
        const Status migrated = SchemaMigrator::migrate(db(), migrations);
        EXPECT_FALSE(migrated.ok());
        EXPECT_EQ(userVersion(), 0);
        EXPECT_EQ(schemaObjects(), 0);
    }
}

TEST_F(SchemaMigratorTest, StepsOfSeveralDomainsRunAsOneListInNumberOrder)
{
    const auto migrations = SchemaMigrator::gatheredFrom(QStringLiteral(":/test-migrations/domains"));
    EXPECT_EQ(versionsOf(migrations), (std::vector<int>{1, 2, 3}));
    EXPECT_TRUE(migrations[1].origin.endsWith(QStringLiteral("notes/0002_notes.sql")))
        << migrations[1].origin.toStdString();

    const Status migrated = SchemaMigrator::migrate(db(), migrations);
    ASSERT_TRUE(migrated.ok()) << describe(migrated.error());
    EXPECT_EQ(userVersion(), 3);
    EXPECT_EQ(queryInt(db(), QStringLiteral("SELECT count(*) FROM notes")), 1);
    EXPECT_EQ(m_endings, std::vector<bool>{true}) << "three steps from two domains, one commit";
}

TEST_F(SchemaMigratorTest, ADomainsStepMissingFromTheListIsRefusedNotSkipped)
{
    // Step 2 is not in the program (its domain is not linked): a store stamped 3 would never get it.
    const auto withGap = SchemaMigrator::gatheredFrom(QStringLiteral(":/test-migrations/gap"));
    EXPECT_EQ(versionsOf(withGap), (std::vector<int>{0, 1, 3}));
    // Two domains that took the same number.
    const auto twice = SchemaMigrator::gatheredFrom(QStringLiteral(":/test-migrations/twice"));
    EXPECT_EQ(versionsOf(twice), (std::vector<int>{1, 1}));
    for (const auto& migrations : {withGap, twice}) {
        const Status migrated = SchemaMigrator::migrate(db(), migrations);
        EXPECT_FALSE(migrated.ok());
        EXPECT_EQ(userVersion(), 0);
        EXPECT_EQ(schemaObjects(), 0);
    }
}

} // namespace
} // namespace confer
