#pragma once

#include "common/Id.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>
#include <vector>

struct sqlite3_stmt;

namespace confer {

class Database;

// A prepared statement: bind by name (":name"), step, read by column index. Finalised on destruction.
class Statement final {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(const char* name, qint64 value);
    Statement& bind(const char* name, int value) { return bind(name, static_cast<qint64>(value)); }
    Statement& bind(const char* name, double value);
    Statement& bind(const char* name, const QString& value);    // a null QString binds NULL
    Statement& bind(const char* name, const QByteArray& value); // as BLOB; a null array binds NULL
    Statement& bind(const char* name, bool value) { return bind(name, static_cast<qint64>(value ? 1 : 0)); }
    Statement& bindNull(const char* name);
    // Entity ids go in as the integers the store keeps; std::nullopt ("none") binds NULL.
    template <typename Tag>
    Statement& bind(const char* name, Id<Tag> id)
    {
        return bind(name, id.value());
    }
    template <typename Tag>
    Statement& bind(const char* name, std::optional<Id<Tag>> id)
    {
        return id ? bind(name, id->value()) : bindNull(name);
    }
    // A string literal would silently pick bind(bool); say QStringLiteral(...) instead.
    Statement& bind(const char* name, const char* value) = delete;

    // Steps once. Result is true while a row is available, false when done.
    Result<bool> step();
    // Steps to completion for statements with no result rows.
    Status run();
    void reset(); // ready to step again, keeping bindings

    // Steps to the end, turning each row into a T with read(const Statement&).
    template <typename T, typename Read>
    Result<std::vector<T>> collect(Read read)
    {
        std::vector<T> rows;
        while (true) {
            auto hasRow = step();
            if (!hasRow.ok())
                return hasRow.error();
            if (!*hasRow)
                return rows;
            rows.push_back(read(*this));
        }
    }

    qint64 columnInt(int index) const;
    double columnDouble(int index) const;
    QString columnText(int index) const;
    QByteArray columnBlob(int index) const;
    bool isNull(int index) const;
    // The column as an entity id; NULL reads as std::nullopt in columnOptionalId.
    template <typename IdType>
    IdType columnId(int index) const
    {
        return IdType(columnInt(index));
    }
    template <typename IdType>
    std::optional<IdType> columnOptionalId(int index) const
    {
        if (isNull(index))
            return std::nullopt;
        return IdType(columnInt(index));
    }

private:
    friend class Database;
    Statement(Database* db, sqlite3_stmt* stmt);
    int indexOf(const char* name);
    void recordBindResult(const char* name, int rc);

    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_bindFailed = false;
    QString m_bindError;
};

} // namespace confer
