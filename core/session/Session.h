#pragma once

#include "accounts/AccountSession.h"
#include "accounts/User.h"
#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotFile.h"
#include "session/StorePaths.h"

#include <functional>
#include <memory>
#include <optional>

namespace confer {

class AccountService;
class AuditLog;
class Clock;
class DeviceSecretStore;
class Database;
class LongWork;
class StoreLock;

// An unlocked store for one signed-in user. Destroying it (or lock()) closes the database and
// wipes the store key; nothing of the store's contents outlives it. A long operation runs on a worker
// session of its own (makeWorker, LongWork), over a second connection that lock() closes first.
//
// The store key and the device secret never leave this class: AccountService reaches them only
// through the AccountSession interface (a slot sealed with them), which Session implements privately,
// so no service or widget holding a Session can call it; StoreOpener, StoreKeyRotation and LongWork,
// the session's own machinery, are its only friends.
class Session final : private AccountSession {
public:
    ~Session() override;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const User& currentUser() const override { return m_user; }
    bool isAdministrator() const { return m_user.role == Role::Administrator; }
    bool isDeviceBound() const;
    const StorePaths& paths() const { return m_paths; }
    const Clock& clock() const override { return m_clock; }

    Database& database() override { return *m_db; }
    AuditLog& audit() override { return *m_audit; }
    AccountService& accounts() { return *m_accounts; }

    // Settings kept inside the store (administrator-only writes, audited).
    int autoLockMinutes() const;
    Status setAutoLockMinutes(int minutes); // 1..60

    // What the opener mended on the way in (a damaged copy of the key file, ...), for the user to read.
    const QStringList& notices() const { return m_notices; }

    // Checks database integrity, the whole audit chain, and that the store is as new as every head
    // recorded outside it (anchor file, key-slot file, keychain).
    Status verify();

    // Records why, wipes the key and closes the store. Idempotent; the destructor calls it.
    void lock(const QString& reason = QStringLiteral("manual"));
    bool isLocked() const { return !m_db; }
    // Closes without recording anything: for a session that never signed anyone in.
    void abandon();

    // --- long work (LongWork) ---
    // A session of the same user for one long operation on a worker thread, made here on this session's
    // thread from copies of its keys, without a store call; the worker thread then calls
    // openWorkerConnection(). It shares this session's key-slot file, audit anchor and commit gate, so the
    // changes of both connections make one linear audit chain and one key file. Destroying it closes its
    // connection and records nothing. Refused while locked, and for a worker itself.
    Result<std::unique_ptr<Session>> makeWorker();
    // On the worker thread, once: opens the worker's own connection to the store.
    Status openWorkerConnection();
    // True while a worker session of this store exists (this one included): the store key is not rotated
    // then, because the other connection would be left on the old key.
    bool hasWorkers() const;

    // The key-slot file as this session (or one of its workers) last read or wrote it (what lies beside
    // the store: sealed slots, public keys, no key in the clear); a copy, because another connection of
    // the session may change it meanwhile.
    KeySlotFile keySlots() const override;
    // A key change, whole or not at all: in one store transaction `change` edits the store (with its
    // audit event) and the key-slot file; the store records the file's next generation; the first
    // copy is written before the commit and the second after it. A failure before the commit leaves
    // the store and both copies as they were (a first copy written ahead is refused at unlock).
    Status commitKeyChange(const KeyChange& change) override;

private:
    friend class StoreOpener;
    friend class StoreKeyRotation;
    friend class LongWork;
    struct Shared;

    // AccountSession: what only AccountService may ask of the session.
    void currentUserChanged(const User& user) override { m_user = user; }
    Result<KeySlot> sealSlot(const QString& login, const QString& passphrase) const override;
    bool opensSlot(const KeySlot& slot, const QString& passphrase) const override;
    Status commitKeyChangeWithNewStoreKey(const KeyChange& change) override;
    // The device secret, read from the keychain once at unlock and kept in guarded memory for the
    // session (no keychain round trip inside a transaction); nullptr for a store not bound to a device.
    const SecureBytes* deviceSecret() const { return isDeviceBound() ? &m_deviceSecret : nullptr; }
    KeySlotCopies keySlotCopies() const;

    struct Parts {
        StorePaths paths;
        std::shared_ptr<StoreLock> lock;
        KeySlotFile slotFile;
        SecureBytes storeKey;
        SecureBytes deviceSecret;
        std::unique_ptr<Database> db;
        SecureBytes auditKey;
        DeviceSecretStore* keychain = nullptr; // for the audit witness of a device-bound store
    };
    Session(Parts parts, const Clock& clock, KdfPolicy policy, std::shared_ptr<Shared> shared = {});
    // The audit log, the transaction listener and the accounts over m_db.
    void connectServices(SecureBytes auditKey);
    Status start(const QString& login);
    // LongWork attaches itself while it runs, so that lock() can stop it before any key goes.
    void attachLongWork(LongWork* work) { m_longWork.push_back(work); }
    void detachLongWork(LongWork* work);
    // Cancels every attached long operation and waits until its connection is closed.
    void stopLongWork();
    // The anchor file, then (bound stores) the keychain's copy; at sign-in and at lock.
    void writeWitness();
    Status writeAnchor(const AuditHead& head);
    Status transactionEnded(bool isCommitted);
    // Closes the connection and opens the store again with `next`, else with the key it had; whether
    // `next` opened it, or an error when neither does (the session is then abandoned).
    Result<bool> reopen(SecureBytes next);

    StorePaths m_paths;
    std::shared_ptr<StoreLock> m_lock;
    std::shared_ptr<Shared> m_shared;              // with the workers: key-slot file, anchor, commit gate
    std::optional<KeySlotFile> m_slotFileAtCommit; // a key change waiting for the outermost commit
    SecureBytes m_storeKey;
    SecureBytes m_deviceSecret;
    std::unique_ptr<Database> m_db;
    DeviceSecretStore* m_keychain = nullptr;
    const Clock& m_clock;
    KdfPolicy m_policy;
    User m_user;
    QStringList m_notices;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccountService> m_accounts;
    bool m_isWorker = false;
    SecureBytes m_workerAuditKey;      // a worker's, until its connection opens
    std::vector<LongWork*> m_longWork; // running on workers of this session
};

} // namespace confer
