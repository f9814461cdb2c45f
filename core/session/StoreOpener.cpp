#include "session/StoreOpener.h"

#include "accounts/AccountService.h"
#include "accounts/PassphrasePolicy.h"
#include "audit/AuditAction.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "audit/RollbackCheck.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotCrypto.h"
#include "keys/KeySlotFile.h"
#include "session/StoreKeyRotation.h"
#include "session/StoreLock.h"
#include "session/StoreProbe.h"
#include "store/Database.h"
#include "store/SchemaMigrator.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace confer {

namespace {

constexpr int TunedKdfTargetMs = 750;

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreOpener)
};

// One message for every way an unlock can fail that could help a guesser: unknown login, wrong
// passphrase, damaged slot file, a store file that is not ours.
Error genericFailure()
{
    return makeError(ErrorCode::WrongCredentials, Tr::tr("The user name or passphrase is not correct."));
}

QString isoNow(const Clock& clock)
{
    return clock.nowUtc().toString(Qt::ISODateWithMs);
}

Error deviceSecretProblem(const Error& error)
{
    if (error.code == ErrorCode::KeychainUnavailable) {
        return makeError(
            ErrorCode::KeychainUnavailable,
            Tr::tr("The system keychain did not answer, so this store cannot be unlocked. Unlock "
                   "the desktop keychain and try again, or use the recovery key."),
            error.detail);
    }
    return makeError(
        ErrorCode::DeviceSecretMissing,
        Tr::tr("This store is bound to a secret kept in this computer's keychain, and that secret "
               "cannot be found. If the store was moved to a new computer or the keychain was reset, "
               "unlock it with the recovery key."),
        error.detail);
}

// The right passphrase (the slot opened) but a store file the key does not open.
Error storeDamaged(const Error& error)
{
    return makeError(ErrorCode::StoreCorrupt,
                     Tr::tr("Your passphrase is right, but the store file is damaged or is not this store's "
                            "file. Restore the store folder from a backup."),
                     error.detail);
}

// The key opened a store, but not the one the slot was made for: someone put another store in its place.
Error notThisStore()
{
    return makeError(ErrorCode::StoreCorrupt,
                     Tr::tr("The store file is not the store this key file belongs to: it may have been "
                            "replaced. Confer will not open it. Restore the store folder from a backup."),
                     QStringLiteral("store commitment differs"));
}

KeySlotCopies copiesOf(const StorePaths& paths)
{
    return KeySlotCopies(paths.keySlotFile(), paths.keySlotSecondCopy());
}

// Removes what a failed setup created, so a second attempt starts clean.
void removeStoreFiles(const StorePaths& paths)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(paths.storeFile() + suffix);
    QFile::remove(paths.keySlotFile());
    QFile::remove(paths.keySlotSecondCopy());
    QFile::remove(paths.anchorFile());
}

Result<std::unique_ptr<Database>> openStore(const StorePaths& paths, const SecureBytes& key, bool create)
{
    Database::Options options;
    options.create = create;
    auto db = Database::open(paths.storeFile(), key, options);
    if (!db.ok())
        return db.error();
    if (Status migrated = SchemaMigrator::migrate(**db, SchemaMigrator::productMigrations()); !migrated.ok())
        return migrated.error();
    return std::move(*db);
}

// The first rows of a new store and the audit events of its creation, in one transaction; its
// commit writes the first anchor.
Status initialiseStore(Session& session, const StoreOpener::SetupRequest& request, const Clock& clock)
{
    Database& store = session.database();
    Transaction tx(store);
    if (!tx.isActive())
        return tx.beginStatus();
    auto info = store.prepare(QStringLiteral(
        "INSERT INTO store_info (id, store_id, created_utc, is_device_bound, keyslot_generation) "
        "VALUES (1, :store, :at, :bound, :generation)"));
    if (!info.ok())
        return info.error();
    info->bind(":store", session.keySlots().storeId)
        .bind(":at", isoNow(clock))
        .bind(":bound", request.bindToDevice)
        .bind(":generation", session.keySlots().generation);
    if (Status run = info->run(); !run.ok())
        return run;
    if (Status stored = AuditLog::storeNewKey(store, session.audit().key()); !stored.ok())
        return stored;
    auto admin = store.prepare(QStringLiteral("INSERT INTO users (login, display_name, role, created_utc) "
                                              "VALUES (:login, :name, 'administrator', :at)"));
    if (!admin.ok())
        return admin.error();
    admin->bind(":login", request.adminLogin)
        .bind(":name", request.adminDisplayName.trimmed())
        .bind(":at", isoNow(clock));
    if (Status run = admin->run(); !run.ok())
        return run;
    const QString userRecord = AuditRecord::ofUser(store.lastInsertRowId());
    const QString binding =
        request.bindToDevice ? QStringLiteral("device-bound") : QStringLiteral("not device-bound");
    AuditLog& audit = session.audit();
    const std::tuple<AuditAction, QString, QString> events[] = {
        {AuditAction::StoreCreate, QString(), binding},
        {AuditAction::AccountCreate, userRecord, QStringLiteral("role=administrator")},
        {AuditAction::RecoveryIssue, QString(), QString()},
        {AuditAction::SignInSuccess, userRecord, QStringLiteral("setup")},
    };
    for (const auto& [action, record, detail] : events) {
        if (Status audited = audit.append(request.adminLogin, action, record, detail); !audited.ok())
            return audited;
    }
    return tx.commit();
}

// A new store goes only into a folder that is new or empty: Confer never takes over, or changes the
// permissions of, a folder that holds other things.
Status prepareDirectory(const StorePaths& paths)
{
    QDir dir(paths.directory());
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        return makeError(ErrorCode::Conflict,
                         Tr::tr("The folder %1 is not empty. Choose a new or empty folder for the store.")
                             .arg(QDir::toNativeSeparators(paths.directory())));
    }
    if (!QDir().mkpath(paths.directory()))
        return makeError(ErrorCode::Io, Tr::tr("The store folder could not be created."), paths.directory());
    if (!QFile::setPermissions(paths.directory(),
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return makeError(ErrorCode::Io, Tr::tr("The store folder could not be made private to you."),
                         paths.directory());
    }
    return {};
}

// The store keys a slot (or the recovery slot) offers: during a key rotation the pending one first.
QList<QByteArray> boxesOf(const QByteArray& current, const QByteArray& pending)
{
    QList<QByteArray> boxes;
    if (!pending.isEmpty())
        boxes.append(pending);
    boxes.append(current);
    return boxes;
}

// The checks a key-slot copy must pass against the store's own record, read-only. A copy that fails
// them is not used; the caller may try the other copy.
bool mayBeInterrupted(const std::vector<KeySlotCopies::Copy>& copies, const KeySlotCopies::Copy& copy)
{
    return copy.index == 0 &&
           std::any_of(copies.begin(), copies.end(), [&](const KeySlotCopies::Copy& other) {
               return other.index == 1 && other.file.generation < copy.file.generation;
           });
}

Error olderThanKeyFile(qint64 fileGeneration, qint64 storeGeneration)
{
    return makeError(
        ErrorCode::AuditChainBroken,
        Tr::tr("This store is older than its key file: an older copy of the store was put back. If "
               "you restored a backup on purpose, an administrator can accept it with the recovery "
               "key."),
        QStringLiteral("key-slot generation %1 ahead of store's %2")
            .arg(fileGeneration)
            .arg(storeGeneration));
}

// mayBeInterrupted: this is the first copy and the other copy is older (as a change that never
// committed leaves them).
Status checkCopyAgainstStore(const KeySlotFile& file, bool mayBeInterrupted, StoreProbe& probe)
{
    if (probe.storeId() != file.storeId)
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The key file beside the store belongs to a different store."),
                         QStringLiteral("store id differs"));
    if (!file.verifyMac(probe.auditKey()))
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The key file beside the store has been altered, so Confer will not use it. "
                                "Restore the store folder from a backup, or use the recovery key."),
                         QStringLiteral("key-slot MAC does not verify"));
    // The binding is authenticated twice: in each slot's sealed data and here, against the store.
    if (probe.isDeviceBound() != file.isDeviceBound)
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The key file's device binding does not match the store's own record: the "
                                "key file has been altered. Confer will not open the store with it."),
                         QStringLiteral("binding differs"));
    // The first copy ahead is what a change interrupted before its commit leaves (or whose commit failed
    // and whose first copy could not be put back): the other copy is used. The second copy is written
    // only after the commit, so the second copy ahead means the store is older.
    if (file.generation > probe.keySlotGeneration()) {
        if (mayBeInterrupted)
            return makeError(ErrorCode::StoreCorrupt,
                             Tr::tr("The key file holds a key change the store never saved (Confer stopped "
                                    "during the change). The other copy of the key file is needed."),
                             QStringLiteral("first copy one uncommitted change ahead"));
        return olderThanKeyFile(file.generation, probe.keySlotGeneration());
    }
    if (file.generation < probe.keySlotGeneration())
        return makeError(ErrorCode::AuditChainBroken,
                         Tr::tr("The key file is an older copy than the store expects: it could bring back "
                                "passphrases that were changed. Restore the current key file, or use the "
                                "recovery key."),
                         QStringLiteral("key-slot generation %1 behind store's %2")
                             .arg(file.generation)
                             .arg(probe.keySlotGeneration()));
    return {};
}

} // namespace

struct StoreOpener::Opened {
    std::shared_ptr<StoreLock> lock;
    KeySlotFile file;
    SecureBytes storeKey;
    SecureBytes deviceSecret; // the file's current device secret (bound stores)
    SecureBytes auditKey;
    AuditHead anchor; // as the anchor file has it (re-written when the store is ahead)
    bool isRestoreAccepted = false;
    bool isOnPendingKey = false; // a key rotation was under way and its new key opened the store
};

StoreOpener::StoreOpener(StorePaths paths, DeviceSecretStore& deviceSecrets, const Clock& clock,
                         KdfPolicy policy)
    : m_paths(std::move(paths))
    , m_deviceSecrets(deviceSecrets)
    , m_clock(clock)
    , m_policy(policy)
{}

QStringList StoreOpener::logins() const
{
    auto copies = copiesOf(m_paths).readable();
    return copies.ok() ? copies->front().file.logins() : QStringList();
}

bool StoreOpener::isDeviceBound() const
{
    auto copies = copiesOf(m_paths).readable();
    return !copies.ok() || copies->front().file.isDeviceBound;
}

Error StoreOpener::failed(const Error& error, const QString& login, AuditAction action)
{
    m_failedAttempts.append(FailedAttempt{login, m_clock.nowUtc(), action});
    return error;
}

Result<StoreOpener::SetupOutcome> StoreOpener::create(const SetupRequest& request)
{
    if (m_paths.exists() || QFile::exists(m_paths.storeFile()) || copiesOf(m_paths).anyExists())
        return makeError(ErrorCode::Conflict,
                         Tr::tr("A store already exists here; Confer will not overwrite it."));
    if (Status valid = validateLogin(request.adminLogin); !valid.ok())
        return valid.error();
    if (request.adminDisplayName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the administrator's full name."));
    if (Status strong = PassphrasePolicy::check(request.passphrase, request.adminLogin); !strong.ok())
        return strong.error();

    KdfParams params;
    if (request.kdf) {
        params = *request.kdf;
    } else {
        // Tuning measures this machine, so it reads the real clock, never an injected one.
        auto tuned = PassphraseKdf::tune(m_policy, TunedKdfTargetMs, SystemClock::instance());
        if (!tuned.ok())
            return tuned.error();
        params = *tuned;
    }
    if (!m_policy.allows(params))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The key derivation settings are below Confer's minimum."));
    if (Status prepared = prepareDirectory(m_paths); !prepared.ok())
        return prepared.error();
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();

    KeySlotFile slotFile;
    slotFile.storeId = KeySlotFile::randomId();
    slotFile.isDeviceBound = request.bindToDevice;
    slotFile.defaultKdf = params;
    slotFile.generation = 1;
    SecureBytes deviceSecret;
    if (request.bindToDevice) {
        deviceSecret = SecureBytes::random(32);
        slotFile.deviceSecretId = KeySlotFile::randomId();
        if (Status stored = m_deviceSecrets.write(
                DeviceSecretStore::secretName(slotFile.storeId, slotFile.deviceSecretId), deviceSecret);
            !stored.ok())
            return deviceSecretProblem(stored.error());
    }

    // From here on a failure removes everything it made: files and the keychain entry.
    auto undo = [&](Error error) -> Result<SetupOutcome> {
        removeStoreFiles(m_paths);
        if (request.bindToDevice)
            (void)m_deviceSecrets.remove(
                DeviceSecretStore::secretName(slotFile.storeId, slotFile.deviceSecretId));
        return error;
    };

    SecureBytes storeKey = SecureBytes::random(32);
    SecureBytes auditKey = SecureBytes::random(32);
    RecoveryKey recoveryKey = RecoveryKey::generate();
    const QByteArray commitment = KeySlotCrypto::storeCommitment(slotFile.storeId, auditKey);
    auto adminSlot =
        KeySlotCrypto::seal(storeKey, slotFile.storeId, slotFile.isDeviceBound, request.adminLogin,
                            request.passphrase, request.bindToDevice ? &deviceSecret : nullptr,
                            slotFile.deviceSecretId, params, m_policy, commitment);
    if (!adminSlot.ok())
        return undo(adminSlot.error());
    slotFile.userSlots.append(*adminSlot);
    auto recoverySlot =
        KeySlotCrypto::sealRecovery(storeKey, slotFile.storeId, recoveryKey.bytes(), commitment);
    if (!recoverySlot.ok())
        return undo(recoverySlot.error());
    slotFile.recovery = *recoverySlot;
    slotFile.sign(auditKey);
    // The slots exist before the store does, so there is never a store nobody can open.
    if (Status saved = copiesOf(m_paths).writeBoth(slotFile); !saved.ok())
        return undo(saved.error());

    auto db = openStore(m_paths, storeKey, true);
    if (!db.ok())
        return undo(db.error());
    std::unique_ptr<Session> session(
        new Session(Session::Parts{m_paths, *lock, slotFile, std::move(storeKey), std::move(deviceSecret),
                                   std::move(*db), std::move(auditKey), &m_deviceSecrets},
                    m_clock, m_policy));
    Status initialised = initialiseStore(*session, request, m_clock);
    if (initialised.ok())
        initialised = session->start(request.adminLogin);
    if (!initialised.ok()) {
        session->abandon(); // closes the database before its files go
        session.reset();
        return undo(initialised.error());
    }
    session->writeWitness();
    return SetupOutcome{std::move(session), std::move(recoveryKey)};
}

Result<std::unique_ptr<Session>> StoreOpener::unlock(const QString& login, const QString& passphrase)
{
    if (!m_paths.exists())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no Confer store in this folder."),
                         m_paths.directory());
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();
    auto copies = copiesOf(m_paths).readable();
    if (!copies.ok())
        return copies.error();

    std::optional<Error> refusal; // why a copy that opened was not used
    // Slots the passphrase did not open, by their whole content: the identical slot in the other copy
    // will not open either, but a damaged one must not stop the intact copy from being tried.
    QSet<QByteArray> wrongForSlots;
    bool hasSlot = false;
    for (KeySlotCopies::Copy& copy : *copies) {
        const KeySlotFile& file = copy.file;
        const KeySlot* slot = file.slotFor(login);
        if (!slot)
            continue;
        hasSlot = true;
        SecureBytes currentSecret;
        SecureBytes slotSecret;
        if (file.isDeviceBound) {
            auto secret =
                m_deviceSecrets.read(DeviceSecretStore::secretName(file.storeId, file.deviceSecretId));
            if (!secret.ok()) {
                // Maybe only this copy names a secret this keychain lacks: the other copy may still open.
                if (!refusal)
                    refusal = deviceSecretProblem(secret.error());
                continue;
            }
            currentSecret = std::move(*secret);
            if (slot->deviceSecretId == file.deviceSecretId) {
                slotSecret = currentSecret.clone();
            } else {
                // Sealed under the secret of an earlier binding, which this keychain may still hold.
                auto older =
                    m_deviceSecrets.read(DeviceSecretStore::secretName(file.storeId, slot->deviceSecretId));
                if (!older.ok()) {
                    if (!refusal)
                        refusal = makeError(
                            ErrorCode::AccessDenied,
                            Tr::tr("This store was recovered on a new computer since you last signed "
                                   "in. Ask an administrator to reset your passphrase."));
                    continue;
                }
                slotSecret = std::move(*older);
            }
        }
        const QByteArray slotContent =
            slot->slotId.toUtf8() + slot->salt + slot->userSecretKey.nonce + slot->userSecretKey.ciphertext +
            slot->publicKey + slot->storeKeyBox + slot->pendingStoreKeyBox + slot->storeCommitment +
            slot->deviceSecretId.toUtf8() + QByteArray::number(qulonglong(slot->kdf.opsLimit)) +
            QByteArray::number(qulonglong(slot->kdf.memLimitBytes)) +
            QByteArray(1, file.isDeviceBound ? '1' : '0');
        if (wrongForSlots.contains(slotContent))
            continue;
        auto userKey = KeySlotCrypto::openUserKey(*slot, file.storeId, file.isDeviceBound, passphrase,
                                                  file.isDeviceBound ? &slotSecret : nullptr);
        if (!userKey.ok()) {
            if (userKey.error().code != ErrorCode::WrongCredentials)
                return userKey.error();
            wrongForSlots.insert(slotContent);
            continue;
        }
        std::optional<Error> openError;
        const QList<QByteArray> boxes = boxesOf(slot->storeKeyBox, slot->pendingStoreKeyBox);
        for (const QByteArray& box : boxes) {
            auto storeKey = KeySlotCrypto::openStoreKeyBox(box, slot->publicKey, *userKey, file.storeId);
            if (!storeKey.ok())
                continue;
            auto probe = StoreProbe::open(m_paths, *storeKey);
            if (!probe.ok()) {
                openError = probe.error();
                continue; // during a rotation only one of the two keys opens the store
            }
            // Anyone can seal some key to a public key: the slot itself says which store it belongs to.
            if (!KeySlotCrypto::belongsToStore(
                    *slot, KeySlotCrypto::storeCommitment(file.storeId, (*probe)->auditKey()))) {
                openError = notThisStore();
                break;
            }
            if (Status checked = checkCopyAgainstStore(file, mayBeInterrupted(*copies, copy), **probe);
                !checked.ok()) {
                // An older copy, or a store older than its key file, is evidence: no other copy is tried.
                if (checked.error().code == ErrorCode::AuditChainBroken)
                    return checked.error();
                openError = checked.error();
                break;
            }
            // A genuine second copy newer than the one chosen is evidence of a rollback too (the first copy
            // may be ahead after a change that never committed).
            for (const KeySlotCopies::Copy& other : *copies) {
                if (&other == &copy || other.file.generation <= file.generation ||
                    !other.file.verifyMac((*probe)->auditKey()))
                    continue;
                if (other.index != 0)
                    return olderThanKeyFile(other.file.generation, (*probe)->keySlotGeneration());
            }
            auto enabled = (*probe)->hasEnabledAccount(slot->login);
            if (!enabled.ok())
                return enabled.error();
            if (!*enabled)
                return failed(genericFailure(), login, AuditAction::SignInFailure);
            auto records = RollbackCheck::gather(
                m_paths.anchorFile(), file.storeId, (*probe)->auditKey(), file.auditHead,
                file.isDeviceBound ? &m_deviceSecrets : nullptr, file.generation);
            if (!records.ok())
                return records.error();
            if (Status fresh = RollbackCheck::check((*probe)->database(), *records); !fresh.ok())
                return fresh.error();
            Opened opened{*lock,
                          std::move(copy.file),
                          std::move(*storeKey),
                          std::move(currentSecret),
                          (*probe)->auditKey().clone(),
                          records->anchor,
                          false,
                          boxes.size() > 1 && &box == &boxes.front()};
            const QString slotLogin = opened.file.slotFor(login)->login;
            probe->reset(); // the read-only connection closes before the store is opened for writing
            return openSession(std::move(opened), slotLogin, QStringLiteral("passphrase"));
        }
        if (openError) {
            // The slot opened, so the passphrase is right: say what is wrong with the files.
            if (openError->code == ErrorCode::WrongCredentials)
                openError = storeDamaged(*openError);
            if (!refusal)
                refusal = openError;
        }
    }
    if (refusal)
        return *refusal;
    if (!hasSlot) {
        // Spend the same effort as a real attempt, so timing does not tell which logins exist.
        (void)PassphraseKdf::derive(SecureBytes::fromPassphrase(passphrase),
                                    QByteArray(PassphraseKdf::SaltSize, '\0'),
                                    copies->front().file.defaultKdf);
    }
    return failed(genericFailure(), login, AuditAction::SignInFailure);
}

Result<std::unique_ptr<Session>>
StoreOpener::openSession(Opened opened, const QString& login, const QString& how,
                         const QList<std::pair<AuditAction, QString>>& events)
{
    auto db = openStore(m_paths, opened.storeKey, false);
    if (!db.ok())
        return db.error();

    // Mend: both key-slot copies hold the generation the store records, and the anchor names the head
    // (a store one commit ahead of it, after a crash, is caught up here).
    const KeySlotCopies copies = copiesOf(m_paths);
    bool isMended = false;
    for (int index = 0; index < 2; ++index) {
        auto onDisk = KeySlotFile::load(copies.path(index));
        if (!onDisk.ok() || onDisk->toJson() != opened.file.toJson()) {
            if (Status mended = copies.write(index, opened.file); !mended.ok())
                return mended.error();
            isMended = true;
        }
    }
    auto head = AuditLog::readHead(**db);
    if (!head.ok())
        return head.error();
    if (!(*head == opened.anchor)) {
        if (Status anchored =
                AuditAnchorFile::save(m_paths.anchorFile(), opened.file.storeId, *head, opened.auditKey,
                                      opened.isRestoreAccepted, opened.file.generation);
            !anchored.ok())
            return anchored.error();
    }

    std::unique_ptr<Session> session(
        new Session(Session::Parts{m_paths, opened.lock, std::move(opened.file), std::move(opened.storeKey),
                                   std::move(opened.deviceSecret), std::move(*db), std::move(opened.auditKey),
                                   &m_deviceSecrets},
                    m_clock, m_policy));
    if (Status started = session->start(login); !started.ok())
        return started.error();
    if (isMended)
        session->m_notices.append(Tr::tr("One copy of the key file beside the store was missing, damaged or "
                                         "left behind by an interrupted change. Confer used the other copy "
                                         "and has repaired it."));

    // Failures cannot be written while the store is locked; they are recorded at the next sign-in.
    AuditLog& audit = session->audit();
    const User& user = session->currentUser();
    const QString record = AuditRecord::ofUser(user.id);
    {
        Transaction tx(session->database());
        if (!tx.isActive())
            return tx.beginStatus().error();
        for (const FailedAttempt& attempt : std::as_const(m_failedAttempts)) {
            if (Status audited =
                    audit.append(attempt.login, attempt.action, {},
                                 QStringLiteral("at %1").arg(attempt.atUtc.toString(Qt::ISODate)));
                !audited.ok())
                return audited.error();
        }
        for (const auto& [action, detail] : events) {
            if (Status audited = audit.append(user.login, action, record, detail); !audited.ok())
                return audited.error();
        }
        if (Status audited = audit.append(user.login, AuditAction::SignInSuccess, record, how); !audited.ok())
            return audited.error();
        if (Status committed = tx.commit(); !committed.ok())
            return committed.error();
    }
    m_failedAttempts.clear();
    // A key rotation that a crash interrupted is settled now, before anyone works: kept when its new key
    // opened the store, else dropped and done again in full (the store records that it is owed).
    if (session->keySlots().hasPendingKey()) {
        if (Status settled = StoreKeyRotation::settle(*session, opened.isOnPendingKey); !settled.ok())
            return settled.error();
    }
    if (Status owed = StoreKeyRotation::finishOwed(*session); !owed.ok())
        session->m_notices.append(owed.error().message);
    session->writeWitness();
    return session;
}

Result<std::unique_ptr<Session>> StoreOpener::recover(const QString& recoveryKeyText, const QString& login,
                                                      const QString& newPassphrase)
{
    if (!m_paths.exists())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no Confer store in this folder."),
                         m_paths.directory());
    auto recoveryKey = RecoveryKey::parse(recoveryKeyText);
    if (!recoveryKey.ok())
        return recoveryKey.error();
    if (Status strong = PassphrasePolicy::check(newPassphrase, login); !strong.ok())
        return strong.error();
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();
    const Error refused = makeError(ErrorCode::WrongCredentials,
                                    Tr::tr("The store could not be opened with this recovery key."));
    auto copies = copiesOf(m_paths).readable();
    if (!copies.ok())
        return copies.error();

    // The copy the store expects first (a copy left ahead by a change that never committed is not
    // adopted while the right one is there), else the newest that opens: the recovery key's holder may
    // accept an older key file, as they may accept an older store.
    std::optional<Error> refusal;
    for (const bool isMatchRequired : {true, false})
        for (KeySlotCopies::Copy& copy : *copies) {
            KeySlotFile& file = copy.file;
            if (!file.recovery)
                continue;
            auto secretKey = KeySlotCrypto::openRecoverySecretKey(*file.recovery, recoveryKey->bytes());
            if (!secretKey.ok())
                continue;
            const QList<QByteArray> boxes =
                boxesOf(file.recovery->storeKeyBox, file.recovery->pendingStoreKeyBox);
            for (const QByteArray& box : boxes) {
                auto storeKey =
                    KeySlotCrypto::openStoreKeyBox(box, file.recovery->publicKey, *secretKey, file.storeId);
                if (!storeKey.ok())
                    continue;
                auto probe = StoreProbe::open(m_paths, *storeKey);
                if (!probe.ok()) {
                    if (!refusal)
                        refusal = probe.error().code == ErrorCode::WrongCredentials
                                      ? storeDamaged(probe.error())
                                      : probe.error();
                    continue;
                }
                if (!KeySlotCrypto::recoveryBelongsToStore(
                        *file.recovery, recoveryKey->bytes(),
                        KeySlotCrypto::storeCommitment(file.storeId, (*probe)->auditKey()))) {
                    if (!refusal)
                        refusal = notThisStore();
                    break;
                }
                if (isMatchRequired && file.generation != (*probe)->keySlotGeneration())
                    break;
                if (Status checked = checkCopyAgainstStore(file, mayBeInterrupted(*copies, copy), **probe);
                    !checked.ok() && checked.error().code != ErrorCode::AuditChainBroken) {
                    if (!refusal)
                        refusal = checked.error();
                    break;
                }
                auto enabled = (*probe)->hasEnabledAccount(login);
                if (!enabled.ok())
                    return enabled.error();
                if (!*enabled)
                    return makeError(ErrorCode::InvalidInput,
                                     Tr::tr("There is no enabled account with that user name."));

                // An older store (or key file) than the records outside it is accepted here, on purpose.
                QList<std::pair<AuditAction, QString>> events;
                Opened opened{*lock,
                              file,
                              std::move(*storeKey),
                              SecureBytes(),
                              (*probe)->auditKey().clone(),
                              AuditHead{},
                              false,
                              boxes.size() > 1 && &box == &boxes.front()};
                auto records =
                    RollbackCheck::gather(m_paths.anchorFile(), file.storeId, opened.auditKey, file.auditHead,
                                          file.isDeviceBound ? &m_deviceSecrets : nullptr, file.generation);
                Status fresh = records.ok() ? RollbackCheck::check((*probe)->database(), *records)
                                            : Status(records.error());
                if (records.ok())
                    opened.anchor = records->anchor;
                if (!fresh.ok() || file.generation != (*probe)->keySlotGeneration()) {
                    opened.isRestoreAccepted = true;
                    events.append({AuditAction::StoreRestoreAccepted,
                                   QStringLiteral("store at event %1").arg((*probe)->head().sequence)});
                }
                probe->reset();

                // Keep the device secret this computer already has; make a new one only when it cannot be
                // read, under a new entry, so a secret that is only locked is never overwritten.
                bool isNewSecret = false;
                if (file.isDeviceBound) {
                    auto existing = m_deviceSecrets.read(
                        DeviceSecretStore::secretName(file.storeId, file.deviceSecretId));
                    if (existing.ok()) {
                        opened.deviceSecret = std::move(*existing);
                    } else if (existing.error().code == ErrorCode::DeviceSecretMissing) {
                        opened.deviceSecret = SecureBytes::random(32);
                        opened.file.deviceSecretId = KeySlotFile::randomId();
                        isNewSecret = true;
                    } else {
                        return deviceSecretProblem(existing.error());
                    }
                }
                auto slot = KeySlotCrypto::seal(
                    opened.storeKey, opened.file.storeId, opened.file.isDeviceBound, login, newPassphrase,
                    opened.file.isDeviceBound ? &opened.deviceSecret : nullptr, opened.file.deviceSecretId,
                    opened.file.defaultKdf, m_policy,
                    KeySlotCrypto::storeCommitment(opened.file.storeId, opened.auditKey));
                if (!slot.ok())
                    return slot.error();
                if (isNewSecret) {
                    if (Status stored = m_deviceSecrets.write(
                            DeviceSecretStore::secretName(opened.file.storeId, opened.file.deviceSecretId),
                            opened.deviceSecret);
                        !stored.ok())
                        return deviceSecretProblem(stored.error());
                }
                // The new slot goes in as a key change of its own once the store is open (generation, both
                // copies, audited); until then the files hold what they held.
                const KeySlot newSlot = *slot;
                const QString newSecretId = opened.file.deviceSecretId;
                KeySlotFile previous = file;
                opened.file = previous; // the session starts from the copy as it is on disk
                events.append({AuditAction::RecoveryUsed, isNewSecret ? QStringLiteral("device re-bound")
                                                                      : QStringLiteral("passphrase reset")});
                auto session = openSession(std::move(opened), login, QStringLiteral("recovery key"), events);
                if (!session.ok()) {
                    if (isNewSecret)
                        (void)m_deviceSecrets.remove(
                            DeviceSecretStore::secretName(previous.storeId, newSecretId));
                    return session.error();
                }
                Session& open = **session;
                Status rebound = open.commitKeyChange([&](KeySlotFile& next) -> Status {
                    next.deviceSecretId = newSecretId;
                    next.upsertSlot(newSlot);
                    return open.audit().append(open.currentUser().login, AuditAction::AccountReset,
                                               AuditRecord::ofUser(open.currentUser().id),
                                               QStringLiteral("recovery key"));
                });
                if (!rebound.ok())
                    return rebound.error();
                return session;
            }
        }
    if (refusal)
        return *refusal;
    return failed(refused, login, AuditAction::RecoveryFailure);
}

} // namespace confer
