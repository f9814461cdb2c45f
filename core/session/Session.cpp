#include "session/Session.h"

#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "audit/RollbackCheck.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "session/LongWork.h"
#include "keys/KeySlotCrypto.h"
#include "session/StoreKeyRotation.h"
#include "session/StoreLock.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace confer {

namespace {

constexpr int DefaultAutoLockMinutes = 5;
const char* const AutoLockKey = "auto_lock_minutes";

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Session)
};

} // namespace

// What a session shares with its workers' sessions, one per connection to the store. Everything but the
// gate itself and the count is read and written under the gate.
struct Session::Shared {
    explicit Shared(KeySlotFile file)
        : slotFile(std::move(file))
    {}
    std::recursive_mutex commitGate; // Database::shareCommitGate
    AuditAnchorState anchor;
    KeySlotFile slotFile;        // as last read or written by any of the connections
    std::atomic<int> workers{0}; // worker sessions alive
};

Session::Session(Parts parts, const Clock& clock, KdfPolicy policy, std::shared_ptr<Shared> shared)
    : m_paths(std::move(parts.paths))
    , m_lock(std::move(parts.lock))
    , m_shared(shared ? std::move(shared) : std::make_shared<Shared>(std::move(parts.slotFile)))
    , m_storeKey(std::move(parts.storeKey))
    , m_deviceSecret(std::move(parts.deviceSecret))
    , m_db(std::move(parts.db))
    , m_keychain(parts.keychain)
    , m_clock(clock)
    , m_policy(policy)
{
    if (!isDeviceBound())
        m_keychain = nullptr;
    if (m_db) {
        // The first connection: the anchor is where the opener checked or wrote it.
        auto head = AuditLog::readHead(*m_db);
        m_shared->anchor.anchored = head.ok() ? *head : AuditHead{};
        connectServices(std::move(parts.auditKey));
    } else {
        m_workerAuditKey = std::move(parts.auditKey); // a worker's: openWorkerConnection() opens it
    }
}

void Session::connectServices(SecureBytes auditKey)
{
    m_db->shareCommitGate(std::shared_ptr<std::recursive_mutex>(m_shared, &m_shared->commitGate));
    m_audit = std::make_unique<AuditLog>(
        *m_db, std::move(auditKey), m_clock, [this](const AuditHead& head) { return writeAnchor(head); },
        std::shared_ptr<AuditAnchorState>(m_shared, &m_shared->anchor));
    m_db->setTransactionListener([this](bool isCommitted) { return transactionEnded(isCommitted); });
    m_accounts = std::make_unique<AccountService>(static_cast<AccountSession&>(*this));
}

bool Session::isDeviceBound() const
{
    const std::lock_guard gate(m_shared->commitGate);
    return m_shared->slotFile.isDeviceBound;
}

KeySlotFile Session::keySlots() const
{
    const std::lock_guard gate(m_shared->commitGate);
    return m_shared->slotFile;
}

Status Session::transactionEnded(bool isCommitted)
{
    // Held already by the Transaction that ended; taken again here because the key file is shared.
    const std::lock_guard gate(m_shared->commitGate);
    Status anchored = m_audit ? m_audit->transactionEnded(isCommitted) : Status{};
    if (!m_slotFileAtCommit || m_db->isInTransaction())
        return anchored;
    // A key change made inside a larger transaction: its first copy was written before, the second
    // follows the commit; after a rollback the first copy is put back.
    KeySlotFile next = std::move(*m_slotFileAtCommit);
    m_slotFileAtCommit.reset();
    const KeySlotCopies copies = keySlotCopies();
    if (!isCommitted) {
        (void)copies.write(0, m_shared->slotFile); // if this fails too, unlock refuses that copy as ahead
        return anchored;
    }
    m_shared->slotFile = std::move(next);
    if (Status second = copies.write(1, m_shared->slotFile); !second.ok() && anchored.ok()) {
        return makeError(second.error().code,
                         Tr::tr("The change was saved, but the second copy of the key file could not be "
                                "written. Confer mends it at the next sign-in; check the disk."),
                         second.error().detail);
    }
    return anchored;
}

Session::~Session()
{
    lock();
    if (m_isWorker)
        --m_shared->workers;
}

Status Session::start(const QString& login)
{
    const Error refused =
        makeError(ErrorCode::WrongCredentials, Tr::tr("The user name or passphrase is not correct."));
    auto user = m_accounts->userByLogin(login);
    if (!user.ok())
        return user.error().code == ErrorCode::NotFound ? refused : user.error();
    m_user = *user;
    // The opener checked this on its read-only look already; a refusal writes nothing.
    if (m_user.isDisabled)
        return refused;
    return {};
}

int Session::autoLockMinutes() const
{
    auto row = m_db->prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    if (!row.ok())
        return DefaultAutoLockMinutes;
    row->bind(":key", QString::fromLatin1(AutoLockKey));
    auto hasRow = row->step();
    if (!hasRow.ok() || !*hasRow)
        return DefaultAutoLockMinutes;
    bool isNumber = false;
    const int minutes = row->columnText(0).toInt(&isNumber);
    return isNumber && minutes >= 1 && minutes <= 60 ? minutes : DefaultAutoLockMinutes;
}

Status Session::setAutoLockMinutes(int minutes)
{
    if (!isAdministrator()) {
        (void)m_audit->append(m_user.login, AuditAction::AccessDenied, QStringLiteral("setting:auto-lock"));
        return makeError(ErrorCode::AccessDenied,
                         Tr::tr("Only an administrator can change the auto-lock time."));
    }
    if (minutes < 1 || minutes > 60)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Choose an auto-lock time from 1 to 60 minutes."));
    Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    // INSERT OR REPLACE: SQLite 3.15 has no UPSERT.
    auto write =
        m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (:key, :value)"));
    if (!write.ok())
        return write.error();
    write->bind(":key", QString::fromLatin1(AutoLockKey)).bind(":value", QString::number(minutes));
    if (Status run = write->run(); !run.ok())
        return run;
    if (Status audited =
            m_audit->append(m_user.login, AuditAction::SettingChange, QStringLiteral("setting:auto-lock"),
                            QStringLiteral("minutes=%1").arg(minutes));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status Session::verify()
{
    if (Status integrity = m_db->checkIntegrity(); !integrity.ok())
        return integrity;
    auto chain = m_audit->verifyChain();
    if (!chain.ok())
        return chain.error();
    if (!chain->isIntact)
        return makeError(ErrorCode::AuditChainBroken, chain->problem);
    // A commit whose anchor write failed leaves the store one commit ahead: catch up before comparing.
    if (m_audit->isAnchorOverdue()) {
        if (Status anchored = m_audit->anchorNow(); !anchored.ok())
            return anchored;
    }
    const KeySlotFile slotFile = keySlots();
    auto records = RollbackCheck::gather(m_paths.anchorFile(), slotFile.storeId, m_audit->key(),
                                         slotFile.auditHead, m_keychain, slotFile.generation);
    if (!records.ok())
        return records.error();
    return RollbackCheck::check(*m_db, *records);
}

void Session::lock(const QString& reason)
{
    // Long work first: cancelled, rolled back and its connection closed before any key is wiped.
    stopLongWork();
    if (!m_db)
        return;
    if (m_isWorker) { // a worker's connection closes; the session it works for is still open
        abandon();
        return;
    }
    if (m_audit) {
        (void)m_audit->append(m_user.login, AuditAction::SessionLock, {}, reason);
        writeWitness();
    }
    abandon();
}

void Session::abandon()
{
    stopLongWork();
    m_accounts.reset();
    m_audit.reset();
    m_db.reset();
    m_storeKey.wipe();
    m_deviceSecret.wipe();
    m_workerAuditKey.wipe();
    m_lock.reset();
}

Result<std::unique_ptr<Session>> Session::makeWorker()
{
    if (!m_db || m_isWorker)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Confer could not start this operation: the store is locked."),
                         QStringLiteral("a worker needs an open session that is not a worker itself"));
    // Copies in guarded memory, wiped when the worker closes; nothing here touches the store.
    Parts parts{
        m_paths, m_lock, {}, m_storeKey.clone(), m_deviceSecret.clone(), nullptr, m_audit->key().clone(),
        nullptr};
    std::unique_ptr<Session> worker(new Session(std::move(parts), m_clock, m_policy, m_shared));
    worker->m_isWorker = true;
    worker->m_user = m_user;
    ++m_shared->workers;
    return worker;
}

Status Session::openWorkerConnection()
{
    if (!m_isWorker || m_db || m_workerAuditKey.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Confer could not start this operation: the store is locked."),
                         QStringLiteral("openWorkerConnection on a session that is not a fresh worker"));
    // The schema is current: the session's own connection ran the migrations at unlock.
    auto db = Database::open(m_paths.storeFile(), m_storeKey);
    if (!db.ok())
        return db.error();
    m_db = std::move(*db);
    connectServices(std::move(m_workerAuditKey));
    return {};
}

bool Session::hasWorkers() const
{
    return m_shared->workers.load() > 0;
}

void Session::detachLongWork(LongWork* work)
{
    m_longWork.erase(std::remove(m_longWork.begin(), m_longWork.end(), work), m_longWork.end());
}

void Session::stopLongWork()
{
    for (LongWork* work : std::exchange(m_longWork, {}))
        work->stopForLock();
}

Result<bool> Session::reopen(SecureBytes next)
{
    // The same Database object opens the file again, so the audit log, the services and every model
    // that holds a reference to them stay valid.
    Status reopened = m_db->reopen(next);
    if (reopened.ok()) {
        m_storeKey = std::move(next);
        return true;
    }
    if (m_db->reopen(m_storeKey).ok())
        return false;
    // Neither key opens the store: the session cannot go on, and says so.
    abandon();
    return reopened.error();
}

Status Session::writeAnchor(const AuditHead& head)
{
    const std::lock_guard gate(m_shared->commitGate); // held already by the commit being anchored
    const KeySlotFile& file = m_shared->slotFile;
    // Inside a key change the anchor already carries the generation that change commits.
    const qint64 generation = m_slotFileAtCommit ? m_slotFileAtCommit->generation : file.generation;
    return AuditAnchorFile::save(m_paths.anchorFile(), file.storeId, head, m_audit->key(), false, generation);
}

void Session::writeWitness()
{
    // Best effort: a keychain that does not answer weakens the rollback check, it does not stop work.
    if (!m_keychain || !m_audit || m_audit->isAnchorOverdue())
        return;
    const KeySlotFile file = keySlots();
    (void)m_keychain->writeWitness(file.storeId, AuditAnchorFile::encode(file.storeId, m_audit->head(),
                                                                         m_audit->key(), file.generation));
}

Result<KeySlot> Session::sealSlot(const QString& login, const QString& passphrase) const
{
    const KeySlotFile file = keySlots();
    return KeySlotCrypto::seal(m_storeKey, file.storeId, file.isDeviceBound, login, passphrase, deviceSecret(),
                               file.deviceSecretId, file.defaultKdf, m_policy,
                               KeySlotCrypto::storeCommitment(file.storeId, m_audit->key()));
}

bool Session::opensSlot(const KeySlot& slot, const QString& passphrase) const
{
    const KeySlotFile file = keySlots();
    return KeySlotCrypto::open(slot, file.storeId, file.isDeviceBound, passphrase, deviceSecret()).ok();
}

Status Session::commitKeyChangeWithNewStoreKey(const KeyChange& change)
{
    return StoreKeyRotation::rotate(*this, change);
}

KeySlotCopies Session::keySlotCopies() const
{
    return KeySlotCopies(m_paths.keySlotFile(), m_paths.keySlotSecondCopy());
}

Status Session::commitKeyChange(const KeyChange& change)
{
    // Nested in a larger transaction (the demo fill adds accounts), the change rides on its commit.
    Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    KeySlotFile next = m_slotFileAtCommit ? *m_slotFileAtCommit : keySlots();
    if (Status changed = change(next); !changed.ok())
        return changed;
    auto generation = m_db->prepare(QStringLiteral("SELECT keyslot_generation FROM store_info WHERE id = 1"));
    if (!generation.ok())
        return generation.error();
    auto hasRow = generation->step();
    if (!hasRow.ok())
        return hasRow.error();
    next.generation = std::max(*hasRow ? generation->columnInt(0) : 0, next.generation) + 1;
    auto record = m_db->prepare(QStringLiteral("UPDATE store_info SET keyslot_generation = :generation"));
    if (!record.ok())
        return record.error();
    record->bind(":generation", next.generation);
    if (Status run = record->run(); !run.ok())
        return run;
    next.auditHead = m_audit->head(); // includes this change's own event, committed below
    next.sign(m_audit->key());

    // The first copy goes ahead of the commit: if the commit never happens, unlock refuses it as ahead
    // of the store and uses the second.
    if (Status first = keySlotCopies().write(0, next); !first.ok())
        return first;
    m_slotFileAtCommit = std::move(next);
    // The outermost commit runs transactionEnded(): the second copy, or the first put back.
    return tx.commit();
}

} // namespace confer
