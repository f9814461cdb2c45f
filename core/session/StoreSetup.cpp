#include "session/StoreSetup.h"

#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "keys/KeySlotCrypto.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace confer {

namespace {

// StoreOpener's sentences, in the context lupdate sees for them.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreOpener)
};

} // namespace

Status StoreSetup::prepareDirectory(const StorePaths& paths)
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

void StoreSetup::removeStoreFiles(const StorePaths& paths)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(paths.storeFile() + suffix);
    QFile::remove(paths.keySlotFile());
    QFile::remove(paths.keySlotSecondCopy());
    QFile::remove(paths.anchorFile());
}

Status StoreSetup::sealFirstSlots(KeySlotFile& slotFile, const StoreOpener::SetupRequest& request,
                                  const FirstKeys& keys)
{
    const QByteArray commitment = KeySlotCrypto::storeCommitment(slotFile.storeId, keys.auditKey);
    auto adminSlot = KeySlotCrypto::seal(keys.storeKey, slotFile.storeId, slotFile.isDeviceBound,
                                         request.adminLogin, request.passphrase, keys.deviceSecret,
                                         slotFile.deviceSecretId, keys.kdf, keys.policy, commitment);
    if (!adminSlot.ok())
        return adminSlot.error();
    slotFile.userSlots.append(*adminSlot);
    auto recoverySlot =
        KeySlotCrypto::sealRecovery(keys.storeKey, slotFile.storeId, keys.recoveryKey.bytes(), commitment);
    if (!recoverySlot.ok())
        return recoverySlot.error();
    slotFile.recovery = *recoverySlot;
    slotFile.sign(keys.auditKey);
    return {};
}

Status StoreSetup::initialise(Session& session, const StoreOpener::SetupRequest& request, const Clock& clock)
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
        .bind(":at", clock.nowUtc().toString(Qt::ISODateWithMs))
        .bind(":bound", request.bindToDevice)
        .bind(":generation", session.keySlots().generation);
    if (Status run = info->run(); !run.ok())
        return run;
    if (Status stored = AuditLog::storeNewKey(store, session.audit().key()); !stored.ok())
        return stored;
    AuditLog& audit = session.audit();
    const QString binding =
        request.bindToDevice ? QStringLiteral("device-bound") : QStringLiteral("not device-bound");
    if (Status audited = audit.append(request.adminLogin, AuditAction::StoreCreate, {}, binding);
        !audited.ok())
        return audited;
    // The account and its account.create event are AccountService's, the only writer of `users`.
    auto admin = session.accounts().createFirstAdministrator(request.adminLogin, request.adminDisplayName);
    if (!admin.ok())
        return admin.error();
    if (Status audited = audit.append(request.adminLogin, AuditAction::RecoveryIssue); !audited.ok())
        return audited;
    if (Status audited = audit.append(request.adminLogin, AuditAction::SignInSuccess,
                                      AuditRecord::ofUser(admin->id), QStringLiteral("setup"));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
