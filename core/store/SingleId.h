#pragma once

#include "common/Result.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <optional>

namespace confer {

// The one id a single-row query with one :id parameter reads: nullopt when there is no row or the column
// is NULL. For lookups that decide something (whose case a note is, which agency a user belongs to)
// before anything else of the row is read.
template <typename IdType, typename KeyId>
Result<std::optional<IdType>> singleId(Database& db, const QString& sql, KeyId id)
{
    auto row = db.prepare(sql);
    if (!row.ok())
        return row.error();
    row->bind(":id", id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return std::optional<IdType>{};
    return row->columnOptionalId<IdType>(0);
}

} // namespace confer
