#pragma once

#include "common/Result.h"

#include <QString>

namespace confer {

class Database;

// BEGIN IMMEDIATE on construction; rolls back in its destructor unless commit() succeeded,
// so a failure anywhere in a change leaves the store as it was. Inside another transaction it
// becomes a SAVEPOINT, so services compose: an inner failure undoes only the inner change, and
// nothing is durable until the outermost transaction commits.
class [[nodiscard]] Transaction final {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    // True once COMMIT succeeded, even if what runs after it (the audit anchor) then failed.
    bool isCommitted() const { return m_isCommitted; }
    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    Database& m_db;
    QString m_savepoint; // empty for the outermost transaction
    Status m_begin;
    bool m_active = false;
    bool m_isCommitted = false;
};

} // namespace confer
