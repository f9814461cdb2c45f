#include "session/StoreOpener.h"

#include "accounts/AccountService.h"
#include "accounts/PassphrasePolicy.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotFile.h"
#include "session/StoreLock.h"
#include "store/Database.h"
#include "store/SchemaMigrator.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <tuple>

namespace confer {

namespace {

constexpr int TunedKdfTargetMs = 750;

QString trOpener(const char* text)
{
    return QCoreApplication::translate("confer::StoreOpener", text);
}

// One message for every way an unlock can fail that could help a guesser: unknown login, wrong
// passphrase, damaged slot file, a store file that is not ours.
Error genericFailure()
{
    return makeError(ErrorCode::WrongCredentials, trOpener("The user name or passphrase is not correct."));
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
            trOpener("The system keychain did not answer, so this store cannot be unlocked. Unlock "
                     "the desktop keychain and try again, or use the recovery key."),
            error.detail);
    }
    return makeError(
        ErrorCode::DeviceSecretMissing,
        trOpener("This store is bound to a secret kept in this computer's keychain, and that secret "
                 "cannot be found. If the store was moved to a new computer or the keychain was reset, "
                 "unlock it with the recovery key."),
        error.detail);
}

// Removes what a failed setup created, so a second attempt starts clean.
void removeStoreFiles(const StorePaths& paths)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(paths.storeFile() + suffix);
    QFile::remove(paths.keySlotFile());
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
// commit anchors the audit head in the key-slot file, which already exists.
Status initialiseStore(Session& session, const StoreOpener::SetupRequest& request, const Clock& clock)
{
    Database& store = session.database();
    Transaction tx(store);
    if (!tx.isActive())
        return tx.beginStatus();
    auto info =
        store.prepare(QStringLiteral("INSERT INTO store_info (id, store_id, created_utc, is_device_bound) "
                                     "VALUES (1, :store, :at, :bound)"));
    if (!info.ok())
        return info.error();
    info->bind(":store", session.keySlots().storeId)
        .bind(":at", isoNow(clock))
        .bind(":bound", request.bindToDevice);
    if (Status run = info->run(); !run.ok())
        return run;
    auto admin = store.prepare(QStringLiteral("INSERT INTO users (login, display_name, role, created_utc) "
                                              "VALUES (:login, :name, 'administrator', :at)"));
    if (!admin.ok())
        return admin.error();
    admin->bind(":login", request.adminLogin)
        .bind(":name", request.adminDisplayName.trimmed())
        .bind(":at", isoNow(clock));
    if (Status run = admin->run(); !run.ok())
        return run;
    const QString userRecord = QStringLiteral("user:%1").arg(store.lastInsertRowId());
    const QString binding =
        request.bindToDevice ? QStringLiteral("device-bound") : QStringLiteral("not device-bound");
    AuditLog& audit = session.audit();
    const std::tuple<QString, QString, QString> events[] = {
        {QStringLiteral("store.create"), QString(), binding},
        {QStringLiteral("account.create"), userRecord, QStringLiteral("role=administrator")},
        {QStringLiteral("recovery.issue"), QString(), QString()},
        {QStringLiteral("signin.success"), userRecord, QStringLiteral("setup")},
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
                         trOpener("The folder %1 is not empty. Choose a new or empty folder for the store.")
                             .arg(QDir::toNativeSeparators(paths.directory())));
    }
    if (!QDir().mkpath(paths.directory()))
        return makeError(ErrorCode::Io, trOpener("The store folder could not be created."),
                         paths.directory());
    if (!QFile::setPermissions(paths.directory(),
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return makeError(ErrorCode::Io, trOpener("The store folder could not be made private to you."),
                         paths.directory());
    }
    return {};
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
    auto slotFile = KeySlotFile::load(m_paths.keySlotFile());
    return slotFile.ok() ? slotFile->logins() : QStringList();
}

bool StoreOpener::isDeviceBound() const
{
    auto slotFile = KeySlotFile::load(m_paths.keySlotFile());
    return !slotFile.ok() || slotFile->isDeviceBound;
}

Result<StoreOpener::SetupOutcome> StoreOpener::create(const SetupRequest& request)
{
    if (m_paths.exists() || QFile::exists(m_paths.storeFile()) || QFile::exists(m_paths.keySlotFile()))
        return makeError(ErrorCode::Conflict,
                         trOpener("A store already exists here; Confer will not overwrite it."));
    if (Status valid = validateLogin(request.adminLogin); !valid.ok())
        return valid.error();
    if (request.adminDisplayName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, trOpener("Enter the administrator's full name."));
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
                         trOpener("The key derivation settings are below Confer's minimum."));
    if (Status prepared = prepareDirectory(m_paths); !prepared.ok())
        return prepared.error();
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();

    KeySlotFile slotFile;
    slotFile.storeId = KeySlotFile::randomId();
    slotFile.isDeviceBound = request.bindToDevice;
    slotFile.defaultKdf = params;
    SecureBytes deviceSecret;
    if (request.bindToDevice) {
        deviceSecret = SecureBytes::random(32);
        slotFile.deviceSecretId = KeySlotFile::randomId();
        if (Status stored = m_deviceSecrets.write(slotFile.storeId, deviceSecret); !stored.ok())
            return deviceSecretProblem(stored.error());
    }

    // From here on a failure removes everything it made: files and the keychain entry.
    auto undo = [&](Error error) -> Result<SetupOutcome> {
        removeStoreFiles(m_paths);
        if (request.bindToDevice)
            (void)m_deviceSecrets.remove(slotFile.storeId);
        return error;
    };

    SecureBytes storeKey = SecureBytes::random(32);
    RecoveryKey recoveryKey = RecoveryKey::generate();
    auto adminSlot = KeySlotCrypto::seal(
        storeKey, slotFile.storeId, slotFile.isDeviceBound, request.adminLogin, request.passphrase,
        request.bindToDevice ? &deviceSecret : nullptr, slotFile.deviceSecretId, params, m_policy);
    if (!adminSlot.ok())
        return undo(adminSlot.error());
    slotFile.userSlots.append(*adminSlot);
    auto recoverySlot = KeySlotCrypto::sealRecovery(storeKey, slotFile.storeId, recoveryKey.bytes());
    if (!recoverySlot.ok())
        return undo(recoverySlot.error());
    slotFile.recovery = *recoverySlot;
    // The slots exist before the store does, so there is never a store nobody can open.
    if (Status saved = slotFile.save(m_paths.keySlotFile()); !saved.ok())
        return undo(saved.error());

    auto db = openStore(m_paths, storeKey, true);
    if (!db.ok())
        return undo(db.error());
    std::unique_ptr<Session> session(new Session(Session::Parts{m_paths, *lock, slotFile, std::move(storeKey),
                                                                std::move(deviceSecret), std::move(*db)},
                                                 m_clock, m_policy));
    Status initialised = initialiseStore(*session, request, m_clock);
    if (initialised.ok())
        initialised = session->start(request.adminLogin);
    if (!initialised.ok()) {
        session.reset(); // closes the database before its files go
        return undo(initialised.error());
    }
    return SetupOutcome{std::move(session), std::move(recoveryKey)};
}

Result<std::unique_ptr<Session>> StoreOpener::unlock(const QString& login, const QString& passphrase)
{
    auto failed = [&](Error error) -> Result<std::unique_ptr<Session>> {
        m_failedAttempts.append(FailedAttempt{login, m_clock.nowUtc()});
        return error;
    };
    if (!m_paths.exists())
        return makeError(ErrorCode::NotFound, trOpener("There is no Confer store in this folder."),
                         m_paths.directory());
    auto lock = StoreLock::acquire(m_paths);
    if (!lock.ok())
        return lock.error();
    auto slotFile = KeySlotFile::load(m_paths.keySlotFile());
    if (!slotFile.ok())
        return failed(genericFailure());
    const KeySlot* slot = slotFile->slotFor(login);
    if (!slot) {
        // Spend the same effort as a real attempt, so timing does not tell which logins exist.
        (void)PassphraseKdf::derive(SecureBytes::fromPassphrase(passphrase),
                                    QByteArray(PassphraseKdf::SaltSize, '\0'), slotFile->defaultKdf);
        return failed(genericFailure());
    }

    SecureBytes deviceSecret;
    if (slotFile->isDeviceBound) {
        auto secret = m_deviceSecrets.read(slotFile->storeId);
        if (!secret.ok())
            return deviceSecretProblem(secret.error());
        deviceSecret = std::move(*secret);
        if (slot->deviceSecretId != slotFile->deviceSecretId) {
            return makeError(
                ErrorCode::AccessDenied,
                trOpener("This store was recovered on a new computer since you last signed in. Ask an "
                         "administrator to reset your passphrase."));
        }
    }
    auto storeKey = KeySlotCrypto::open(*slot, slotFile->storeId, slotFile->isDeviceBound, passphrase,
                                        slotFile->isDeviceBound ? &deviceSecret : nullptr);
    if (!storeKey.ok())
        return storeKey.error().code == ErrorCode::WrongCredentials ? failed(genericFailure())
                                                                    : storeKey.error();
    const QString slotLogin = slot->login;
    return openSession(Session::Parts{m_paths, *lock, std::move(*slotFile), std::move(*storeKey),
                                      std::move(deviceSecret), nullptr},
                       slotLogin, QStringLiteral("passphrase"));
}

Result<std::unique_ptr<Session>> StoreOpener::openSession(Session::Parts parts, const QString& login,
                                                          const QString& how, const QString& recoveryDetail)
{
    auto db = openStore(m_paths, parts.storeKey, false);
    if (!db.ok()) {
        // A file that is not this store reads exactly like a wrong passphrase (the rule: a
        // garbage file and a wrong passphrase give one generic error), and counts as a failed attempt.
        if (db.error().code == ErrorCode::WrongCredentials) {
            m_failedAttempts.append(FailedAttempt{login, m_clock.nowUtc()});
            return genericFailure();
        }
        return db.error();
    }
    parts.db = std::move(*db);
    const AuditAnchor anchor = parts.slotFile.auditAnchor;
    std::unique_ptr<Session> session(new Session(std::move(parts), m_clock, m_policy));

    // Before anything is appended: the chain must still hold the head recorded beside the store.
    // An older copy of the store, or one whose last events were cut, fails closed here.
    auto anchored = session->audit().checkAnchor(anchor);
    if (!anchored.ok())
        return anchored.error();
    if (!anchored->isIntact)
        return makeError(ErrorCode::AuditChainBroken, anchored->problem);

    if (Status started = session->start(login); !started.ok())
        return started.error();

    // Failures cannot be written while the store is locked; they are recorded at the next sign-in.
    AuditLog& audit = session->audit();
    for (const FailedAttempt& attempt : std::as_const(m_failedAttempts)) {
        (void)audit.append(attempt.login, QStringLiteral("signin.failure"), {},
                           QStringLiteral("at %1").arg(attempt.atUtc.toString(Qt::ISODate)));
    }
    m_failedAttempts.clear();
    const User& user = session->currentUser();
    const QString record = QStringLiteral("user:%1").arg(user.id);
    if (!recoveryDetail.isNull()) {
        if (Status audited =
                audit.append(user.login, QStringLiteral("recovery.used"), record, recoveryDetail);
            !audited.ok())
            return audited.error();
    }
    if (Status audited = audit.append(user.login, QStringLiteral("signin.success"), record, how);
        !audited.ok())
        return audited.error();
    return session;
}

Result<std::unique_ptr<Session>> StoreOpener::recover(const QString& recoveryKeyText, const QString& login,
                                                      const QString& newPassphrase)
{
    if (!m_paths.exists())
        return makeError(ErrorCode::NotFound, trOpener("There is no Confer store in this folder."),
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
                                    trOpener("The store could not be opened with this recovery key."));
    auto slotFile = KeySlotFile::load(m_paths.keySlotFile());
    if (!slotFile.ok() || !slotFile->recovery)
        return refused;
    auto storeKey = KeySlotCrypto::openRecovery(*slotFile->recovery, slotFile->storeId, recoveryKey->bytes());
    if (!storeKey.ok())
        return refused;

    // The account must exist and be enabled before anything about this device changes.
    {
        auto db = openStore(m_paths, *storeKey, false);
        if (!db.ok())
            return db.error();
        Session probe(
            Session::Parts{m_paths, *lock, *slotFile, storeKey->clone(), SecureBytes(), std::move(*db)},
            m_clock, m_policy);
        auto user = probe.accounts().userByLogin(login);
        if (!user.ok() || user->isDisabled)
            return makeError(ErrorCode::InvalidInput,
                             trOpener("There is no enabled account with that user name."));
        probe.abandon();
    }

    // Keep the device secret this computer already has; make a new one only when it is missing (a new
    // computer, a reset keychain). Replacing a readable secret would lock every other user out.
    SecureBytes deviceSecret;
    bool isNewSecret = false;
    if (slotFile->isDeviceBound) {
        auto existing = m_deviceSecrets.read(slotFile->storeId);
        if (existing.ok()) {
            deviceSecret = std::move(*existing);
        } else if (existing.error().code == ErrorCode::DeviceSecretMissing) {
            deviceSecret = SecureBytes::random(32);
            isNewSecret = true;
        } else {
            return deviceSecretProblem(existing.error());
        }
    }
    KeySlotFile updated = *slotFile;
    if (isNewSecret)
        updated.deviceSecretId = KeySlotFile::randomId();
    auto slot = KeySlotCrypto::seal(*storeKey, updated.storeId, updated.isDeviceBound, login, newPassphrase,
                                    updated.isDeviceBound ? &deviceSecret : nullptr, updated.deviceSecretId,
                                    updated.defaultKdf, m_policy);
    if (!slot.ok())
        return slot.error();
    updated.upsertSlot(*slot);
    if (isNewSecret) {
        if (Status stored = m_deviceSecrets.write(updated.storeId, deviceSecret); !stored.ok())
            return deviceSecretProblem(stored.error());
    }
    if (Status saved = updated.save(m_paths.keySlotFile()); !saved.ok()) {
        if (isNewSecret)
            (void)m_deviceSecrets.remove(updated.storeId);
        return saved.error();
    }
    return openSession(Session::Parts{m_paths, *lock, std::move(updated), std::move(*storeKey),
                                      std::move(deviceSecret), nullptr},
                       login, QStringLiteral("recovery key"),
                       isNewSecret ? QStringLiteral("device re-bound") : QStringLiteral("passphrase reset"));
}

} // namespace confer
