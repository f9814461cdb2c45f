#include "store/SchemaMigrator.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace confer {

namespace {

// Keeps the underlying code (a damaged page stays StoreCorrupt) with a sentence about the upgrade.
Error upgradeFailed(ErrorCode code, const QString& detail)
{
    return makeError(code,
                     QCoreApplication::translate("confer::SchemaMigrator",
                                                 "The store could not be upgraded to this version of Confer; "
                                                 "it has been left as it was."),
                     detail);
}

} // namespace

std::vector<Migration> SchemaMigrator::productMigrations()
{
    return gatheredFrom(QStringLiteral(":/schema"));
}

std::vector<Migration> SchemaMigrator::gatheredFrom(const QString& root)
{
    std::vector<Migration> migrations;
    const QDir dir(root);
    for (const QString& domain : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const std::vector<Migration> own = migrationsFrom(dir.filePath(domain));
        migrations.insert(migrations.end(), own.begin(), own.end());
    }
    std::stable_sort(migrations.begin(), migrations.end(),
                     [](const Migration& a, const Migration& b) { return a.version < b.version; });
    // A store records only the last number it applied, so a step missing from the middle of the list
    // would never run on it: refuse the list rather than open a store with a gap in its schema.
    std::vector<Migration> gaps;
    int expected = 1;
    for (const Migration& migration : migrations) {
        for (; expected < migration.version; ++expected)
            gaps.push_back({0, QString(), QStringLiteral("no step %1 in %2").arg(expected).arg(root)});
        expected = std::max(expected, migration.version + 1);
    }
    migrations.insert(migrations.begin(), gaps.begin(), gaps.end());
    return migrations;
}

std::vector<Migration> SchemaMigrator::migrationsFrom(const QString& directory)
{
    static const QRegularExpression numbered(QStringLiteral("^(\\d+)_[^/]+\\.sql$"));
    std::vector<Migration> migrations;
    const QStringList names = QDir(directory).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = numbered.match(name);
        QFile file(QDir(directory).filePath(name));
        // Version 0 makes migrate() refuse the set: a step that cannot be read must not be skipped.
        if (!match.hasMatch() || !file.open(QIODevice::ReadOnly)) {
            migrations.push_back({0, QString(), file.fileName()});
            continue;
        }
        migrations.push_back({match.captured(1).toInt(), QString::fromUtf8(file.readAll()), file.fileName()});
    }
    std::stable_sort(migrations.begin(), migrations.end(),
                     [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return migrations;
}

Result<int> SchemaMigrator::currentVersion(Database& db)
{
    auto query = db.prepare(QStringLiteral("PRAGMA user_version"));
    if (!query.ok())
        return query.error();
    auto hasRow = query->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow ? static_cast<int>(query->columnInt(0)) : 0;
}

Status SchemaMigrator::migrate(Database& db, const std::vector<Migration>& migrations)
{
    int previous = 0;
    for (const Migration& migration : migrations) {
        if (migration.version <= previous) {
            return upgradeFailed(
                ErrorCode::InvalidInput,
                QStringLiteral("migration numbers must be positive and increasing (%1 after %2: %3)")
                    .arg(migration.version)
                    .arg(previous)
                    .arg(migration.origin));
        }
        previous = migration.version;
    }

    const auto current = currentVersion(db);
    if (!current.ok())
        return current.error();
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (*current > newest) {
        return makeError(
            ErrorCode::StoreMisconfigured,
            QCoreApplication::translate("confer::SchemaMigrator",
                                        "This store was made by a newer version of Confer. Update "
                                        "Confer to open it."),
            QStringLiteral("store schema %1, newest known %2").arg(*current).arg(newest));
    }
    if (*current == newest)
        return {};

    // All pending steps and the new version number commit together, or none of them does.
    Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.beginStatus();
    for (const Migration& migration : migrations) {
        if (migration.version <= *current)
            continue;
        if (Status applied = db.exec(migration.sql); !applied.ok()) {
            return upgradeFailed(applied.error().code, QStringLiteral("step %1 (%2): %3")
                                                           .arg(migration.version)
                                                           .arg(migration.origin, applied.error().detail));
        }
        // A step that ends the transaction itself would break the all-or-nothing promise.
        if (!db.isInTransaction())
            return upgradeFailed(ErrorCode::InvalidInput,
                                 QStringLiteral("step %1 ended the transaction").arg(migration.version));
    }
    if (Status stamped = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(newest)); !stamped.ok())
        return upgradeFailed(stamped.error().code, stamped.error().detail);
    if (Status committed = transaction.commit(); !committed.ok())
        return upgradeFailed(committed.error().code, committed.error().detail);
    return {};
}

} // namespace confer
