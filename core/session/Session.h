#pragma once

#include "accounts/User.h"
#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"
#include "session/StorePaths.h"

#include <functional>
#include <memory>

namespace confer {

class AccountService;
class AuditLog;
class Clock;
class Database;
class StoreLock;

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
    // Closes without recording anything: for a session that never signed anyone in.
    void abandon();

    // --- for AccountService and StoreOpener only ---
    // The key-slot file as this session last read or wrote it.
    const KeySlotFile& keySlots() const { return m_slotFile; }
    // Read-modify-write of the key-slot file on disk, so a change never writes back a stale copy.
    Status updateKeySlots(const std::function<Status(KeySlotFile&)>& change);
    const SecureBytes& storeKey() const { return m_storeKey; }
    // The device secret, read from the keychain once at unlock and kept in guarded memory for the
    // session (no keychain round trip inside a transaction); nullptr for a store not bound to a device.
    const SecureBytes* deviceSecret() const { return m_slotFile.isDeviceBound ? &m_deviceSecret : nullptr; }
    const KdfPolicy& kdfPolicy() const { return m_policy; }
    void refreshCurrentUser(const User& user) { m_user = user; }

private:
    friend class StoreOpener;
    struct Parts {
        StorePaths paths;
        std::shared_ptr<StoreLock> lock;
        KeySlotFile slotFile;
        SecureBytes storeKey;
        SecureBytes deviceSecret;
        std::unique_ptr<Database> db;
    };
    Session(Parts parts, const Clock& clock, KdfPolicy policy);
    Status start(const QString& login);

    StorePaths m_paths;
    std::shared_ptr<StoreLock> m_lock;
    KeySlotFile m_slotFile;
    SecureBytes m_storeKey;
    SecureBytes m_deviceSecret;
    std::unique_ptr<Database> m_db;
    const Clock& m_clock;
    KdfPolicy m_policy;
    User m_user;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccountService> m_accounts;
};

} // namespace confer
