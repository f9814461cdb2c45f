#pragma once

#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <gtest/gtest.h>

#include <memory>
#include <string>

// Small helpers shared by the store tests: open a store, read one value, read and write raw files.
namespace confer::test {

inline std::string describe(const Error& error)
{
    return QString(error.message + QStringLiteral(" | ") + error.detail).toStdString();
}

inline Database::Options creating()
{
    Database::Options options;
    options.create = true;
    return options;
}

// Opens (or creates) a store; a refusal fails the current test and gives nullptr.
inline std::unique_ptr<Database> mustOpen(const QString& path, const SecureBytes& key,
                                          const Database::Options& options = {})
{
    auto db = Database::open(path, key, options);
    EXPECT_TRUE(db.ok()) << (db.ok() ? std::string() : describe(db.error()));
    return db.ok() ? std::move(*db) : nullptr;
}

inline void mustExec(Database& db, const QString& sql)
{
    const Status status = db.exec(sql);
    ASSERT_TRUE(status.ok()) << describe(status.error());
}

// The first column of the first row as text; a failure fails the test and gives a null string.
inline QString queryText(Database& db, const QString& sql)
{
    auto statement = db.prepare(sql);
    EXPECT_TRUE(statement.ok()) << (statement.ok() ? std::string() : describe(statement.error()));
    if (!statement.ok())
        return {};
    auto hasRow = statement->step();
    EXPECT_TRUE(hasRow.ok()) << (hasRow.ok() ? std::string() : describe(hasRow.error()));
    return hasRow.ok() && *hasRow ? statement->columnText(0) : QString();
}

inline qint64 queryInt(Database& db, const QString& sql)
{
    return queryText(db, sql).toLongLong();
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

} // namespace confer::test
