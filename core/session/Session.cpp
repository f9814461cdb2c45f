#include "session/Session.h"

#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "audit/RollbackCheck.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "session/StoreLock.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

namespace {

constexpr int DefaultAutoLockMinutes = 5;
const char* const AutoLockKey = "auto_lock_minutes";

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Session)
};

} // namespace

Session::Session(Parts parts, const Clock& clock, KdfPolicy policy)
    : m_paths(std::move(parts.paths))
    , m_lock(std::move(parts.lock))
    , m_slotFile(std::move(parts.slotFile))
    , m_storeKey(std::move(parts.storeKey))
    , m_deviceSecret(std::move(parts.deviceSecret))
    , m_db(std::move(parts.db))
    , m_keychain(m_slotFile.isDeviceBound ? parts.keychain : nullptr)
    , m_clock(clock)
    , m_policy(policy)
{
    m_audit = std::make_unique<AuditLog>(*m_db, std::move(parts.auditKey), m_clock,
                                         [this](const AuditHead& head) { return writeAnchor(head); });
    m_db->setTransactionListener([this](bool isCommitted) { return transactionEnded(isCommitted); });
    m_accounts = std::make_unique<AccountService>(*this);
}

Status Session::transactionEnded(bool isCommitted)
{
    Status anchored = m_audit ? m_audit->transactionEnded(isCommitted) : Status{};
    if (!m_slotFileAtCommit || m_db->isInTransaction())
        return anchored;
    // A key change made inside a larger transaction: its first copy was written before, the second
    // follows the commit; after a rollback the first copy is put back.
    KeySlotFile next = std::move(*m_slotFileAtCommit);
    m_slotFileAtCommit.reset();
    const KeySlotCopies copies = keySlotCopies();
    if (!isCommitted) {
        (void)copies.write(0, m_slotFile); // if this fails too, unlock refuses that copy as ahead
        return anchored;
    }
    m_slotFile = std::move(next);
    if (Status second = copies.write(1, m_slotFile); !second.ok() && anchored.ok()) {
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
    auto records = RollbackCheck::gather(m_paths.anchorFile(), m_slotFile.storeId, m_audit->key(),
                                         m_slotFile.auditHead, m_keychain, m_slotFile.generation);
    if (!records.ok())
        return records.error();
    return RollbackCheck::check(*m_db, *records);
}

void Session::lock(const QString& reason)
{
    if (!m_db)
        return;
    if (m_audit) {
        (void)m_audit->append(m_user.login, AuditAction::SessionLock, {}, reason);
        writeWitness();
    }
    abandon();
}

void Session::abandon()
{
    m_accounts.reset();
    m_audit.reset();
    m_db.reset();
    m_storeKey.wipe();
    m_deviceSecret.wipe();
    m_lock.reset();
}

Result<int> Session::reopen(std::vector<SecureBytes> keys)
{
    // The same Database object opens the file again, so the audit log, the services and every model
    // that holds a reference to them stay valid.
    std::optional<Error> firstError;
    for (std::size_t index = 0; index < keys.size(); ++index) {
        Status reopened = m_db->reopen(keys[index]);
        if (!reopened.ok()) {
            if (!firstError)
                firstError = reopened.error();
            continue;
        }
        m_storeKey = std::move(keys[index]);
        return static_cast<int>(index);
    }
    // Neither key opens the store: the session cannot go on, and says so.
    abandon();
    return *firstError;
}

Status Session::writeAnchor(const AuditHead& head)
{
    // Inside a key change the anchor already carries the generation that change commits.
    const qint64 generation = m_slotFileAtCommit ? m_slotFileAtCommit->generation : m_slotFile.generation;
    return AuditAnchorFile::save(m_paths.anchorFile(), m_slotFile.storeId, head, m_audit->key(), false,
                                 generation);
}

void Session::writeWitness()
{
    // Best effort: a keychain that does not answer weakens the rollback check, it does not stop work.
    if (m_keychain && m_audit && !m_audit->isAnchorOverdue())
        (void)m_keychain->writeWitness(m_slotFile.storeId,
                                       AuditAnchorFile::encode(m_slotFile.storeId, m_audit->head(),
                                                               m_audit->key(), m_slotFile.generation));
}

KeySlotCopies Session::keySlotCopies() const
{
    return KeySlotCopies(m_paths.keySlotFile(), m_paths.keySlotSecondCopy());
}

Status Session::commitKeyChange(const std::function<Status(KeySlotFile&)>& change)
{
    // Nested in a larger transaction (the demo fill adds accounts), the change rides on its commit.
    Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    KeySlotFile next = m_slotFileAtCommit ? *m_slotFileAtCommit : m_slotFile;
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
