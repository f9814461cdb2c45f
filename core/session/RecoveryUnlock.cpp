#include "session/RecoveryUnlock.h"

#include "audit/RollbackCheck.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCrypto.h"
#include "session/KeySlotCopyCheck.h"
#include "session/OpenerErrors.h"
#include "session/StoreProbe.h"

#include <QCoreApplication>

namespace confer {

namespace {

// StoreOpener's sentences, in the context lupdate sees for them.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreOpener)
};

} // namespace

RecoveryUnlock::RecoveryUnlock(const StorePaths& paths, DeviceSecretStore& deviceSecrets,
                               std::vector<KeySlotCopies::Copy>& copies, const RecoveryKey& recoveryKey,
                               const KdfPolicy& policy)
    : m_paths(paths)
    , m_deviceSecrets(deviceSecrets)
    , m_copies(copies)
    , m_recoveryKey(recoveryKey)
    , m_policy(policy)
{}

Result<RecoveryUnlock::Found> RecoveryUnlock::find(const QString& login)
{
    // The copy the store expects first (a copy left ahead by a change that never committed is not
    // adopted while the right one is there), else the newest that opens: the recovery key's holder may
    // accept an older key file, as they may accept an older store.
    for (const bool isMatchRequired : {true, false})
        for (const KeySlotCopies::Copy& copy : m_copies) {
            if (auto answer = tryCopy(copy, login, isMatchRequired))
                return std::move(*answer);
        }
    if (m_refusal)
        return *m_refusal;
    m_isFailedAttempt = true;
    return makeError(ErrorCode::WrongCredentials,
                     Tr::tr("The store could not be opened with this recovery key."));
}

std::optional<Result<RecoveryUnlock::Found>>
RecoveryUnlock::tryCopy(const KeySlotCopies::Copy& copy, const QString& login, bool isMatchRequired)
{
    const KeySlotFile& file = copy.file;
    if (!file.recovery)
        return std::nullopt;
    auto secretKey = KeySlotCrypto::openRecoverySecretKey(*file.recovery, m_recoveryKey.bytes());
    if (!secretKey.ok())
        return std::nullopt;
    const QList<QByteArray> boxes =
        KeySlotCopyCheck::boxesOf(file.recovery->storeKeyBox, file.recovery->pendingStoreKeyBox);
    for (const QByteArray& box : boxes) {
        auto storeKey =
            KeySlotCrypto::openStoreKeyBox(box, file.recovery->publicKey, *secretKey, file.storeId);
        if (!storeKey.ok())
            continue;
        auto probe = StoreProbe::open(m_paths, *storeKey);
        if (!probe.ok()) {
            if (!m_refusal)
                m_refusal = probe.error().code == ErrorCode::WrongCredentials
                                ? OpenerErrors::storeDamaged(probe.error())
                                : probe.error();
            continue;
        }
        if (!KeySlotCrypto::recoveryBelongsToStore(
                *file.recovery, m_recoveryKey.bytes(),
                KeySlotCrypto::storeCommitment(file.storeId, (*probe)->auditKey()))) {
            if (!m_refusal)
                m_refusal = OpenerErrors::notThisStore();
            break;
        }
        if (isMatchRequired && file.generation != (*probe)->keySlotGeneration())
            break;
        const bool mayBeInterrupted = KeySlotCopyCheck::mayBeInterrupted(m_copies, copy);
        if (Status checked = KeySlotCopyCheck::againstStore(file, mayBeInterrupted, **probe);
            !checked.ok() && checked.error().code != ErrorCode::AuditChainBroken) {
            if (!m_refusal)
                m_refusal = checked.error();
            break;
        }
        auto enabled = (*probe)->hasEnabledAccount(login);
        if (!enabled.ok())
            return Result<Found>(enabled.error());
        if (!*enabled)
            return Result<Found>(makeError(ErrorCode::InvalidInput,
                                           Tr::tr("There is no enabled account with that user name.")));
        const bool isOnPendingKey = boxes.size() > 1 && &box == &boxes.front();
        // The read-only connection closes as this returns, before anything is written.
        return Result<Found>(
            accept(OpenedStore{nullptr, file, std::move(*storeKey), SecureBytes(),
                               (*probe)->auditKey().clone(), AuditHead{}, false, isOnPendingKey},
                   **probe));
    }
    return std::nullopt;
}

RecoveryUnlock::Found RecoveryUnlock::accept(OpenedStore opened, StoreProbe& probe)
{
    // An older store (or key file) than the records outside it is accepted here, on purpose.
    Found found{std::move(opened), {}};
    const KeySlotFile& file = found.opened.file;
    auto records =
        RollbackCheck::gather(m_paths.anchorFile(), file.storeId, found.opened.auditKey, file.auditHead,
                              file.isDeviceBound ? &m_deviceSecrets : nullptr, file.generation);
    Status fresh = records.ok() ? RollbackCheck::check(probe.database(), *records) : Status(records.error());
    if (records.ok())
        found.opened.anchor = records->anchor;
    if (!fresh.ok() || file.generation != probe.keySlotGeneration()) {
        found.opened.isRestoreAccepted = true;
        found.events.append({AuditAction::StoreRestoreAccepted,
                             QStringLiteral("store at event %1").arg(probe.head().sequence)});
    }
    return found;
}

Result<RecoveryUnlock::Resealed> RecoveryUnlock::reseal(OpenedStore& opened, const QString& login,
                                                        const QString& newPassphrase)
{
    const KeySlotFile& file = opened.file;
    Resealed resealed{{}, file.deviceSecretId, false};
    if (file.isDeviceBound) {
        auto existing =
            m_deviceSecrets.read(DeviceSecretStore::secretName(file.storeId, file.deviceSecretId));
        if (existing.ok()) {
            opened.deviceSecret = std::move(*existing);
        } else if (existing.error().code == ErrorCode::DeviceSecretMissing) {
            opened.deviceSecret = SecureBytes::random(32);
            resealed.deviceSecretId = KeySlotFile::randomId();
            resealed.isNewSecret = true;
        } else {
            return OpenerErrors::deviceSecretProblem(existing.error());
        }
    }
    auto slot = KeySlotCrypto::seal(opened.storeKey, file.storeId, file.isDeviceBound, login, newPassphrase,
                                    file.isDeviceBound ? &opened.deviceSecret : nullptr,
                                    resealed.deviceSecretId, file.defaultKdf, m_policy,
                                    KeySlotCrypto::storeCommitment(file.storeId, opened.auditKey));
    if (!slot.ok())
        return slot.error();
    if (resealed.isNewSecret) {
        if (Status stored = m_deviceSecrets.write(
                DeviceSecretStore::secretName(file.storeId, resealed.deviceSecretId), opened.deviceSecret);
            !stored.ok())
            return OpenerErrors::deviceSecretProblem(stored.error());
    }
    resealed.slot = *slot;
    return resealed;
}

} // namespace confer
