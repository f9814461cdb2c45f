#include "session/OpenerErrors.h"

#include "common/Result.h"

#include <QCoreApplication>

namespace confer {

namespace {

// StoreOpener's sentences, in the context lupdate sees for them.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreOpener)
};

} // namespace

Error OpenerErrors::genericFailure()
{
    return makeError(ErrorCode::WrongCredentials, Tr::tr("The user name or passphrase is not correct."));
}

Error OpenerErrors::deviceSecretProblem(const Error& error)
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

Error OpenerErrors::storeDamaged(const Error& error)
{
    return makeError(ErrorCode::StoreCorrupt,
                     Tr::tr("Your passphrase is right, but the store file is damaged or is not this store's "
                            "file. Restore the store folder from a backup."),
                     error.detail);
}

Error OpenerErrors::notThisStore()
{
    return makeError(ErrorCode::StoreCorrupt,
                     Tr::tr("The store file is not the store this key file belongs to: it may have been "
                            "replaced. Confer will not open it. Restore the store folder from a backup."),
                     QStringLiteral("store commitment differs"));
}

Error OpenerErrors::olderThanKeyFile(qint64 fileGeneration, qint64 storeGeneration)
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

} // namespace confer
