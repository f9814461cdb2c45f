#pragma once

#include "common/Result.h"

namespace confer {

class Database;

// BEGIN IMMEDIATE on construction; rolls back in its destructor unless commit() succeeded,
// so a failure anywhere in a change leaves the store as it was.
class [[nodiscard]] Transaction final {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    Database& m_db;
    Status m_begin;
    bool m_active = false;
};

} // namespace confer
