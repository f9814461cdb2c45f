#include "session/StoreOpener.h"

#include "accounts/AccountService.h"
#include "accounts/PassphrasePolicy.h"
#include "audit/AuditAction.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotFile.h"
#include "session/OpenerErrors.h"
#include "session/PassphraseUnlock.h"
#include "session/RecoveryUnlock.h"
#include "session/StoreKeyRotation.h"
#include "session/StoreLock.h"
#include "session/StoreSetup.h"
#include "store/Database.h"
#include "store/SchemaMigrator.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QFile>

namespace confer {

namespace {

constexpr int TunedKdfTargetMs = 750;

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreOpener)
};

KeySlotCopies copiesOf(const StorePaths& paths)
{
    return KeySlotCopies(paths.keySlotFile(), paths.keySlotSecondCopy());
}

Error noStore(const StorePaths& paths)
{
    return makeError(ErrorCode::NotFound, Tr::tr("There is no Confer store in this folder."),
                     paths.directory());
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

// Mends what a crash or a damaged copy left: both key-slot copies hold the generation the store
// records, and the anchor names the head (a store one commit ahead of it, after a crash, is caught up).
// Whether a key-slot copy was mended, for the user to be told.
Result<bool> mendFiles(const StorePaths& paths, const OpenedStore& opened, Database& db)
{
    const KeySlotCopies copies = copiesOf(paths);
    bool isMended = false;
    for (int index = 0; index < 2; ++index) {
        auto onDisk = KeySlotFile::load(copies.path(index));
        if (!onDisk.ok() || onDisk->toJson() != opened.file.toJson()) {
            if (Status mended = copies.write(index, opened.file); !mended.ok())
                return mended.error();
            isMended = true;
        }
    }
    auto head = AuditLog::readHead(db);
    if (!head.ok())
        return head.error();
    if (!(*head == opened.anchor)) {
        if (Status anchored =
                AuditAnchorFile::save(paths.anchorFile(), opened.file.storeId, *head, opened.auditKey,
                                      opened.isRestoreAccepted, opened.file.generation);
            !anchored.ok())
            return anchored.error();
    }
    return isMended;
}

} // namespace

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

Result<KdfParams> StoreOpener::kdfFor(const SetupRequest& request) const
{
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
    return params;
}

Result<StoreOpener::SetupOutcome> StoreOpener::create(const SetupRequest& request)
{
    if (m_paths.exists() || QFile::exists(m_paths.storeFile()) || copiesOf(m_paths).anyExists())
        return makeError(ErrorCode::Conflict,
                         Tr::tr("A store already exists here; Confer will not overwrite it."));
    if (Status valid = AccountService::checkFirstAdministrator(request.adminLogin, request.adminDisplayName,
                                                               request.passphrase);
        !valid.ok())
        return valid.error();
    auto params = kdfFor(request);
    if (!params.ok())
        return params.error();
    if (Status prepared = StoreSetup::prepareDirectory(m_paths); !prepared.ok())
        return prepared.error();
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();

    KeySlotFile slotFile;
    slotFile.storeId = KeySlotFile::randomId();
    slotFile.isDeviceBound = request.bindToDevice;
    slotFile.defaultKdf = *params;
    slotFile.generation = 1;
    SecureBytes deviceSecret;
    if (request.bindToDevice) {
        deviceSecret = SecureBytes::random(32);
        slotFile.deviceSecretId = KeySlotFile::randomId();
        if (Status stored = m_deviceSecrets.write(
                DeviceSecretStore::secretName(slotFile.storeId, slotFile.deviceSecretId), deviceSecret);
            !stored.ok())
            return OpenerErrors::deviceSecretProblem(stored.error());
    }

    // From here on a failure removes everything it made: files and the keychain entry.
    auto undo = [&](Error error) -> Result<SetupOutcome> {
        StoreSetup::removeStoreFiles(m_paths);
        if (request.bindToDevice)
            (void)m_deviceSecrets.remove(
                DeviceSecretStore::secretName(slotFile.storeId, slotFile.deviceSecretId));
        return error;
    };

    SecureBytes storeKey = SecureBytes::random(32);
    SecureBytes auditKey = SecureBytes::random(32);
    RecoveryKey recoveryKey = RecoveryKey::generate();
    const StoreSetup::FirstKeys keys{
        storeKey, auditKey, recoveryKey, request.bindToDevice ? &deviceSecret : nullptr, *params, m_policy};
    if (Status sealed = StoreSetup::sealFirstSlots(slotFile, request, keys); !sealed.ok())
        return undo(sealed.error());
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
    Status initialised = StoreSetup::initialise(*session, request, m_clock);
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
        return noStore(m_paths);
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();
    auto copies = copiesOf(m_paths).readable();
    if (!copies.ok())
        return copies.error();

    // Every check runs read-only first: a refused unlock writes nothing.
    PassphraseUnlock search(m_paths, m_deviceSecrets, *copies);
    auto found = search.find(login, passphrase);
    if (!found.ok())
        return search.isFailedAttempt() ? failed(found.error(), login, AuditAction::SignInFailure)
                                        : found.error();
    found->lock = *lock;
    const QString slotLogin = found->file.slotFor(login)->login;
    return openSession(std::move(*found), slotLogin, QStringLiteral("passphrase"));
}

Result<std::unique_ptr<Session>> StoreOpener::recover(const QString& recoveryKeyText, const QString& login,
                                                      const QString& newPassphrase)
{
    if (!m_paths.exists())
        return noStore(m_paths);
    auto recoveryKey = RecoveryKey::parse(recoveryKeyText);
    if (!recoveryKey.ok())
        return recoveryKey.error();
    if (Status strong = PassphrasePolicy::check(newPassphrase, login); !strong.ok())
        return strong.error();
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();
    auto copies = copiesOf(m_paths).readable();
    if (!copies.ok())
        return copies.error();

    RecoveryUnlock search(m_paths, m_deviceSecrets, *copies, *recoveryKey, m_policy);
    auto found = search.find(login);
    if (!found.ok())
        return search.isFailedAttempt() ? failed(found.error(), login, AuditAction::RecoveryFailure)
                                        : found.error();
    found->opened.lock = *lock;
    auto resealed = search.reseal(found->opened, login, newPassphrase);
    if (!resealed.ok())
        return resealed.error();
    found->events.append({AuditAction::RecoveryUsed, resealed->isNewSecret
                                                         ? QStringLiteral("device re-bound")
                                                         : QStringLiteral("passphrase reset")});
    // The session starts from the key-slot file as it is on disk.
    const QString storeId = found->opened.file.storeId;
    auto session =
        openSession(std::move(found->opened), login, QStringLiteral("recovery key"), found->events);
    if (!session.ok()) {
        if (resealed->isNewSecret)
            (void)m_deviceSecrets.remove(DeviceSecretStore::secretName(storeId, resealed->deviceSecretId));
        return session.error();
    }
    // The new slot goes in as a key change of its own once the store is open (generation, both copies,
    // audited); until then the files hold what they held.
    Session& open = **session;
    Status rebound = open.commitKeyChange([&](KeySlotFile& next) -> Status {
        next.deviceSecretId = resealed->deviceSecretId;
        next.upsertSlot(resealed->slot);
        return open.audit().append(open.currentUser().login, AuditAction::AccountReset,
                                   AuditRecord::ofUser(open.currentUser().id),
                                   QStringLiteral("recovery key"));
    });
    if (!rebound.ok())
        return rebound.error();
    return session;
}

Result<std::unique_ptr<Session>>
StoreOpener::openSession(OpenedStore opened, const QString& login, const QString& how,
                         const QList<std::pair<AuditAction, QString>>& events)
{
    auto db = openStore(m_paths, opened.storeKey, false);
    if (!db.ok())
        return db.error();
    auto isMended = mendFiles(m_paths, opened, **db);
    if (!isMended.ok())
        return isMended.error();

    std::unique_ptr<Session> session(
        new Session(Session::Parts{m_paths, opened.lock, std::move(opened.file), std::move(opened.storeKey),
                                   std::move(opened.deviceSecret), std::move(*db), std::move(opened.auditKey),
                                   &m_deviceSecrets},
                    m_clock, m_policy));
    if (Status started = session->start(login); !started.ok())
        return started.error();
    if (*isMended)
        session->m_notices.append(Tr::tr("One copy of the key file beside the store was missing, damaged or "
                                         "left behind by an interrupted change. Confer used the other copy "
                                         "and has repaired it."));
    if (Status audited = auditSignIn(*session, how, events); !audited.ok())
        return audited.error();
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

Status StoreOpener::auditSignIn(Session& session, const QString& how,
                                const QList<std::pair<AuditAction, QString>>& events)
{
    // Failures cannot be written while the store is locked; they are recorded at the next sign-in.
    AuditLog& audit = session.audit();
    const User& user = session.currentUser();
    const QString record = AuditRecord::ofUser(user.id);
    Transaction tx(session.database());
    if (!tx.isActive())
        return tx.beginStatus();
    for (const FailedAttempt& attempt : std::as_const(m_failedAttempts)) {
        if (Status audited = audit.append(attempt.login, attempt.action, {},
                                          QStringLiteral("at %1").arg(attempt.atUtc.toString(Qt::ISODate)));
            !audited.ok())
            return audited;
    }
    for (const auto& [action, detail] : events) {
        if (Status audited = audit.append(user.login, action, record, detail); !audited.ok())
            return audited;
    }
    if (Status audited = audit.append(user.login, AuditAction::SignInSuccess, record, how); !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
