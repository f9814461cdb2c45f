#pragma once

#include "accounts/User.h"
#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"
#include "session/StorePaths.h"

#include <memory>

namespace confer {

class AccountService;
class AuditLog;
class Clock;
class Database;
class DeviceSecretStore;

// An unlocked store for one signed-in user. Destroying it (or lock()) closes the database and
// wipes the store key; nothing of the store's contents outlives it.
class Session final {
public:
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const User& currentUser() const { return m_user; }
    bool isAdministrator() const { return m_user.role == Role::Administrator; }
    bool isDeviceBound() const { return m_slotFile.isDeviceBound; }
    const StorePaths& paths() const { return m_paths; }
    const Clock& clock() const { return m_clock; }

    Database& database() { return *m_db; }
    AuditLog& audit() { return *m_audit; }
    AccountService& accounts() { return *m_accounts; }

    // Settings kept inside the store (administrator-only writes, audited).
    int autoLockMinutes() const;
    Status setAutoLockMinutes(int minutes); // 1..60

    // Checks database integrity and the audit chain against its anchor.
    Status verify();

    // Records why, wipes the key and closes the store. Idempotent; the destructor calls it.
    void lock(const QString& reason = QStringLiteral("manual"));
    bool isLocked() const { return !m_db; }

    // --- for AccountService and StoreOpener only ---
    KeySlotFile& keySlots() { return m_slotFile; }
    Status saveKeySlots();
    const SecureBytes& storeKey() const { return m_storeKey; }
    Result<SecureBytes> deviceSecret();
    const KdfPolicy& kdfPolicy() const { return m_policy; }
    void refreshCurrentUser(const User& user) { m_user = user; }

private:
    friend class StoreOpener;
    Session(StorePaths paths, KeySlotFile slotFile, SecureBytes storeKey, std::unique_ptr<Database> db,
            DeviceSecretStore& deviceSecrets, const Clock& clock, KdfPolicy policy);
    Status start(const QString& login);

    StorePaths m_paths;
    KeySlotFile m_slotFile;
    SecureBytes m_storeKey;
    std::unique_ptr<Database> m_db;
    DeviceSecretStore& m_deviceSecrets;
    const Clock& m_clock;
    KdfPolicy m_policy;
    User m_user;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccountService> m_accounts;
};

} // namespace confer
