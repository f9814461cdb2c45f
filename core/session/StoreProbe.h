#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"
#include "session/StorePaths.h"

#include <memory>

namespace confer {

class Database;

// A read-only look into a store before anything is written: which store it is, the device binding
// and key-slot generation it records, its audit key and head. Every check an unlock makes runs on it,
// so a refused unlock leaves every file of the store as it was.
class StoreProbe final {
public:
    // WrongCredentials when the key does not open the file (a wrong key, a damaged or foreign file).
    static Result<std::unique_ptr<StoreProbe>> open(const StorePaths& paths, const SecureBytes& storeKey);
    ~StoreProbe();

    QString storeId() const { return m_storeId; }
    bool isDeviceBound() const { return m_isDeviceBound; }
    qint64 keySlotGeneration() const { return m_keySlotGeneration; }
    const SecureBytes& auditKey() const { return m_auditKey; }
    AuditHead head() const { return m_head; }
    Database& database() { return *m_db; }
    // Whether an enabled account has this login (the recovery key may only rebind one).
    Result<bool> hasEnabledAccount(const QString& login);

private:
    StoreProbe() = default;
    std::unique_ptr<Database> m_db;
    QString m_storeId;
    bool m_isDeviceBound = true;
    qint64 m_keySlotGeneration = 0;
    SecureBytes m_auditKey;
    AuditHead m_head;
};

} // namespace confer
