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
    QString origin = {}; // the file it was read from, for the detail of an error
};

class SchemaMigrator final {
public:
    // The product's migrations: every domain's, in one list ordered by number. Each domain keeps its
    // steps beside the services that own the tables (core/<domain>/schema/NNNN_name.sql) and registers
    // them with confer_domain_schema() in its CMakeLists.txt, which puts them at :/schema/<domain>/.
    static std::vector<Migration> productMigrations();
    // The migrations of every folder under `root`, ordered by number. The numbers are one sequence
    // shared by every folder, 1, 2, 3, ...: a number missing (a domain whose steps are not in this
    // program) becomes a version-0 step, which migrate() refuses, as it refuses a number used twice.
    static std::vector<Migration> gatheredFrom(const QString& root);
    // The migrations in one directory (files NNNN_name.sql), sorted by number. A .sql file without a
    // number gets version 0, which migrate() refuses: a misnamed step must not be skipped silently.
    static std::vector<Migration> migrationsFrom(const QString& directory);
    // Applies pending migrations in one transaction; a failing step leaves the schema untouched.
    static Status migrate(Database& db, const std::vector<Migration>& migrations);
    static Result<int> currentVersion(Database& db);
};

} // namespace confer
