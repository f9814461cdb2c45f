#include "session/StoreOpener.h"

#include "accounts/AccountService.h"
#include "accounts/PassphrasePolicy.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotFile.h"
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

// The first rows of a new store and the audit events of its creation, in one transaction. The
// key-slot file is written before the commit, so a store never exists without its slotFile.
Status initialiseStore(Session& session, const StoreOpener::SetupRequest& request, const Clock& clock)
{
    Database& store = session.database();
    const KeySlotFile& slotFile = session.keySlots();
    Transaction tx(store);
    if (!tx.isActive())
        return tx.beginStatus();
    auto info =
        store.prepare(QStringLiteral("INSERT INTO store_info (id, store_id, created_utc, is_device_bound) "
                                     "VALUES (1, :store, :at, :bound)"));
    if (!info.ok())
        return info.error();
    info->bind(":store", slotFile.storeId).bind(":at", isoNow(clock)).bind(":bound", request.bindToDevice);
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
    session.keySlots().auditAnchor = audit.head();
    if (Status saved = session.saveKeySlots(); !saved.ok())
        return saved;
    return tx.commit();
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

    if (!QDir().mkpath(m_paths.directory()))
        return makeError(ErrorCode::Io, trOpener("The store folder could not be created."),
                         m_paths.directory());
    QFile::setPermissions(m_paths.directory(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

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

    auto db = openStore(m_paths, storeKey, true);
    if (!db.ok())
        return undo(db.error());

    std::unique_ptr<Session> session(new Session(m_paths, slotFile, std::move(storeKey), std::move(*db),
                                                 m_deviceSecrets, m_clock, m_policy));
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
                ErrorCode::WrongCredentials,
                trOpener("This store was recovered on a new computer since you last signed in. Ask an "
                         "administrator to reset your passphrase."));
        }
    }
    auto storeKey = KeySlotCrypto::open(*slot, slotFile->storeId, slotFile->isDeviceBound, passphrase,
                                        slotFile->isDeviceBound ? &deviceSecret : nullptr);
    deviceSecret.wipe();
    if (!storeKey.ok())
        return failed(genericFailure());
    return openSession(std::move(*slotFile), std::move(*storeKey), slot->login, QStringLiteral("passphrase"));
}

Result<std::unique_ptr<Session>> StoreOpener::openSession(KeySlotFile slotFile, SecureBytes storeKey,
                                                          const QString& login, const QString& how)
{
    auto db = openStore(m_paths, storeKey, false);
    if (!db.ok()) {
        if (db.error().code == ErrorCode::WrongCredentials) {
            m_failedAttempts.append(FailedAttempt{login, m_clock.nowUtc()});
            return genericFailure();
        }
        return db.error();
    }
    std::unique_ptr<Session> session(new Session(m_paths, std::move(slotFile), std::move(storeKey),
                                                 std::move(*db), m_deviceSecrets, m_clock, m_policy));
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
    if (Status audited = audit.append(user.login, QStringLiteral("signin.success"),
                                      QStringLiteral("user:%1").arg(user.id), how);
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
    auto slotFile = KeySlotFile::load(m_paths.keySlotFile());
    if (!slotFile.ok() || !slotFile->recovery)
        return makeError(ErrorCode::WrongCredentials,
                         trOpener("The store could not be opened with this recovery key."));
    auto storeKey = KeySlotCrypto::openRecovery(*slotFile->recovery, slotFile->storeId, recoveryKey->bytes());
    if (!storeKey.ok())
        return makeError(ErrorCode::WrongCredentials,
                         trOpener("The store could not be opened with this recovery key."));

    // Open first: the user must exist and be enabled before anything about this device changes.
    auto db = openStore(m_paths, *storeKey, false);
    if (!db.ok())
        return db.error();
    std::unique_ptr<Session> session(new Session(m_paths, std::move(*slotFile), std::move(*storeKey),
                                                 std::move(*db), m_deviceSecrets, m_clock, m_policy));
    if (Status started = session->start(login); !started.ok())
        return makeError(ErrorCode::InvalidInput,
                         trOpener("There is no enabled account with that user name."));

    KeySlotFile& file = session->keySlots();
    const KeySlotFile before = file;
    SecureBytes deviceSecret;
    if (file.isDeviceBound) {
        deviceSecret = SecureBytes::random(32);
        file.deviceSecretId = KeySlotFile::randomId();
    }
    const QString userLogin = session->currentUser().login;
    auto slot = KeySlotCrypto::seal(session->storeKey(), file.storeId, file.isDeviceBound, userLogin,
                                    newPassphrase, file.isDeviceBound ? &deviceSecret : nullptr,
                                    file.deviceSecretId, file.defaultKdf, m_policy);
    if (!slot.ok()) {
        file = before;
        return slot.error();
    }
    file.upsertSlot(*slot);

    // The keychain entry is replaced only once the new slot is ready; if saving the slot file then
    // fails, the old secret goes back so the other users' slotFile keep working.
    auto oldSecret = m_deviceSecrets.read(file.storeId);
    if (file.isDeviceBound) {
        if (Status stored = m_deviceSecrets.write(file.storeId, deviceSecret); !stored.ok()) {
            file = before;
            return deviceSecretProblem(stored.error());
        }
    }
    if (Status saved = session->saveKeySlots(); !saved.ok()) {
        if (file.isDeviceBound && oldSecret.ok())
            (void)m_deviceSecrets.write(file.storeId, *oldSecret);
        file = before;
        return saved.error();
    }
    const QString record = QStringLiteral("user:%1").arg(session->currentUser().id);
    (void)session->audit().append(userLogin, QStringLiteral("recovery.used"), record,
                                  file.isDeviceBound ? QStringLiteral("device re-bound") : QString());
    (void)session->audit().append(userLogin, QStringLiteral("signin.success"), record,
                                  QStringLiteral("recovery key"));
    return session;
}

} // namespace confer
