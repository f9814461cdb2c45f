// The product's schema steps live beside the services that own their tables (core/<domain>/schema) and
// run as one ordered list. A store records only the number of the last step it applied, so a step once
// shipped keeps its number and its exact text: a store made by an earlier Confer opens meaning the same.
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/SchemaMigrator.h"
#include "store/Statement.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>

#include <iterator>

namespace confer {
namespace {

struct ShippedStep {
    int version;
    const char* origin; // where its domain registers it
    const char* sha256; // of the file as it shipped (in resources/schema/ before the domains took them)
};

// Every step released so far. A new step is added here when it ships; none is ever edited.
const ShippedStep Shipped[] = {
    {1, ":/schema/audit/0001_foundation.sql",
     "2bbece98ed5c0fc8db4a1c0e1f2fd0f903ed119d38908a28fff2f7fc0ffa75c5"},
    {2, ":/schema/caseload/0002_caseload.sql",
     "e1d8e3c5b3fc0d4a10334d8e7a98518dc3f4396d144d44e5194da0f108e4587e"},
    {3, ":/schema/caseload/0003_caseload_indexes.sql",
     "6a8b7040aedfb98e01fb4d6c25617c0d657082fcce0622a601b4a37c58165130"},
    {4, ":/schema/audit/0004_audit_anchor.sql",
     "efcb7e9498de115c33f779702da8be44d413b9d16e07d2c68452f5ef2795f9e7"},
    {5, ":/schema/demo/0005_demonstration.sql",
     "66634f0bbc3a8f0797f30862d0a36fd62bee0a38e42de0119ae44fbaa04cae3a"},
    {6, ":/schema/partnership/0006_partnership_roles.sql",
     "4d375427e00ee9a31fdfd291a56fd8da8cb36d4318cdde2bab51513c591cdbdd"},
    {7, ":/schema/meetings/0007_meetings.sql",
     "cb299c14605c84780d8390e02567744c2ab61638baad1787a16ed99564d80633"},
};

QByteArray sha256Hex(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex();
}

TEST(ProductSchema, TheListRunsOneTwoThreeWithNoGapAndNoNumberTwice)
{
    const auto migrations = SchemaMigrator::productMigrations();
    ASSERT_GE(migrations.size(), std::size(Shipped)) << "a domain's schema is not in the resource system";
    for (std::size_t i = 0; i < migrations.size(); ++i)
        EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1) << migrations[i].origin.toStdString();
}

TEST(ProductSchema, EveryShippedStepIsThereWithItsNumberAndItsExactText)
{
    const auto migrations = SchemaMigrator::productMigrations();
    ASSERT_GE(migrations.size(), std::size(Shipped));
    for (std::size_t i = 0; i < std::size(Shipped); ++i) {
        const Migration& step = migrations[i];
        EXPECT_EQ(step.version, Shipped[i].version);
        EXPECT_EQ(step.origin, QString::fromLatin1(Shipped[i].origin));
        EXPECT_EQ(sha256Hex(step.sql), QByteArray(Shipped[i].sha256))
            << step.origin.toStdString() << " differs from the step that shipped";
    }
}

TEST(ProductSchema, ANewStoreGetsEveryStepAndPassesItsIntegrityCheck)
{
    test::TestStoreDir dir;
    Database::Options options;
    options.create = true;
    auto db = Database::open(dir.file(QStringLiteral("schema.store")), SecureBytes::random(32), options);
    ASSERT_TRUE(db.ok()) << db.error().detail.toStdString();
    const auto migrations = SchemaMigrator::productMigrations();
    const Status migrated = SchemaMigrator::migrate(**db, migrations);
    ASSERT_TRUE(migrated.ok()) << migrated.error().detail.toStdString();
    EXPECT_EQ(SchemaMigrator::currentVersion(**db).value(), migrations.back().version);
    const Status integrity = (*db)->checkIntegrity();
    EXPECT_TRUE(integrity.ok()) << integrity.error().detail.toStdString();
    // Tables from each domain's steps are there.
    for (const char* table : {"users", "audit_events", "audit_key", "cases", "agencies"}) {
        auto row = (*db)->prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = :name"));
        ASSERT_TRUE(row.ok());
        row->bind(":name", QString::fromLatin1(table));
        ASSERT_TRUE(row->step().value());
        EXPECT_EQ(row->columnInt(0), 1) << table;
    }
}

} // namespace
} // namespace confer
