#pragma once

#include "common/Result.h"

#include <QString>

#include <vector>

namespace confer {

class Database;

// One numbered schema step. Steps run in order, all pending ones in a single transaction,
// and PRAGMA user_version records the last applied number.
struct Migration {
    int version;
    QString sql;
};

class SchemaMigrator final {
public:
    // The product's migrations, read from resources/schema/NNNN_name.sql (in the Qt resource).
    static std::vector<Migration> productMigrations();
    // The migrations in one directory (files NNNN_name.sql), sorted by number. A .sql file without a
    // number gets version 0, which migrate() refuses: a misnamed step must not be skipped silently.
    static std::vector<Migration> migrationsFrom(const QString& directory);
    // Applies pending migrations in one transaction; a failing step leaves the schema untouched.
    static Status migrate(Database& db, const std::vector<Migration>& migrations);
    static Result<int> currentVersion(Database& db);
};

} // namespace confer
