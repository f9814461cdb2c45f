#include "session/PassphraseUnlock.h"

#include "audit/RollbackCheck.h"
#include "crypto/PassphraseKdf.h"
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

// Everything that decides whether a passphrase opens a slot.
QByteArray slotContent(const KeySlotFile& file, const KeySlot& slot)
{
    return slot.slotId.toUtf8() + slot.salt + slot.userSecretKey.nonce + slot.userSecretKey.ciphertext +
           slot.publicKey + slot.storeKeyBox + slot.pendingStoreKeyBox + slot.storeCommitment +
           slot.deviceSecretId.toUtf8() + QByteArray::number(qulonglong(slot.kdf.opsLimit)) +
           QByteArray::number(qulonglong(slot.kdf.memLimitBytes)) +
           QByteArray(1, file.isDeviceBound ? '1' : '0');
}

} // namespace

PassphraseUnlock::PassphraseUnlock(const StorePaths& paths, DeviceSecretStore& deviceSecrets,
                                   std::vector<KeySlotCopies::Copy>& copies)
    : m_paths(paths)
    , m_deviceSecrets(deviceSecrets)
    , m_copies(copies)
{}

Result<OpenedStore> PassphraseUnlock::find(const QString& login, const QString& passphrase)
{
    bool hasSlot = false;
    for (KeySlotCopies::Copy& copy : m_copies) {
        const KeySlotFile& file = copy.file;
        const KeySlot* slot = file.slotFor(login);
        if (!slot)
            continue;
        hasSlot = true;
        SecureBytes currentSecret;
        SecureBytes slotSecret;
        // Maybe only this copy names a secret this keychain lacks: the other copy may still open.
        if (file.isDeviceBound && !readSecrets(file, *slot, currentSecret, slotSecret))
            continue;
        const QByteArray content = slotContent(file, *slot);
        if (m_wrongForSlots.contains(content))
            continue;
        auto userKey = KeySlotCrypto::openUserKey(*slot, file.storeId, file.isDeviceBound, passphrase,
                                                  file.isDeviceBound ? &slotSecret : nullptr);
        if (!userKey.ok()) {
            if (userKey.error().code != ErrorCode::WrongCredentials)
                return userKey.error();
            m_wrongForSlots.insert(content);
            continue;
        }
        if (auto answer = tryBoxes(copy, *slot, *userKey, currentSecret))
            return std::move(*answer);
    }
    if (m_refusal)
        return *m_refusal;
    if (!hasSlot) {
        // Spend the same effort as a real attempt, so timing does not tell which logins exist.
        (void)PassphraseKdf::derive(SecureBytes::fromPassphrase(passphrase),
                                    QByteArray(PassphraseKdf::SaltSize, '\0'),
                                    m_copies.front().file.defaultKdf);
    }
    return refuseAsFailedAttempt();
}

bool PassphraseUnlock::readSecrets(const KeySlotFile& file, const KeySlot& slot, SecureBytes& current,
                                   SecureBytes& forSlot)
{
    auto secret = m_deviceSecrets.read(DeviceSecretStore::secretName(file.storeId, file.deviceSecretId));
    if (!secret.ok()) {
        if (!m_refusal)
            m_refusal = OpenerErrors::deviceSecretProblem(secret.error());
        return false;
    }
    current = std::move(*secret);
    if (slot.deviceSecretId == file.deviceSecretId) {
        forSlot = current.clone();
        return true;
    }
    auto older = m_deviceSecrets.read(DeviceSecretStore::secretName(file.storeId, slot.deviceSecretId));
    if (!older.ok()) {
        if (!m_refusal)
            m_refusal = makeError(ErrorCode::AccessDenied,
                                  Tr::tr("This store was recovered on a new computer since you last signed "
                                         "in. Ask an administrator to reset your passphrase."));
        return false;
    }
    forSlot = std::move(*older);
    return true;
}

std::optional<Result<OpenedStore>> PassphraseUnlock::tryBoxes(KeySlotCopies::Copy& copy, const KeySlot& slot,
                                                              const SecureBytes& userKey,
                                                              SecureBytes& currentSecret)
{
    const KeySlotFile& file = copy.file;
    std::optional<Error> openError;
    const QList<QByteArray> boxes = KeySlotCopyCheck::boxesOf(slot.storeKeyBox, slot.pendingStoreKeyBox);
    for (const QByteArray& box : boxes) {
        auto storeKey = KeySlotCrypto::openStoreKeyBox(box, slot.publicKey, userKey, file.storeId);
        if (!storeKey.ok())
            continue;
        auto probe = StoreProbe::open(m_paths, *storeKey);
        if (!probe.ok()) {
            openError = probe.error();
            continue; // during a rotation only one of the two keys opens the store
        }
        // Anyone can seal some key to a public key: the slot itself says which store it belongs to.
        if (!KeySlotCrypto::belongsToStore(
                slot, KeySlotCrypto::storeCommitment(file.storeId, (*probe)->auditKey()))) {
            openError = OpenerErrors::notThisStore();
            break;
        }
        const bool mayBeInterrupted = KeySlotCopyCheck::mayBeInterrupted(m_copies, copy);
        if (Status checked = KeySlotCopyCheck::againstStore(file, mayBeInterrupted, **probe); !checked.ok()) {
            // An older copy, or a store older than its key file, is evidence: no other copy is tried.
            if (checked.error().code == ErrorCode::AuditChainBroken)
                return Result<OpenedStore>(checked.error());
            openError = checked.error();
            break;
        }
        if (Status newer = KeySlotCopyCheck::noNewerSecondCopy(m_copies, copy, **probe); !newer.ok())
            return Result<OpenedStore>(newer.error());
        auto enabled = (*probe)->hasEnabledAccount(slot.login);
        if (!enabled.ok())
            return Result<OpenedStore>(enabled.error());
        if (!*enabled)
            return Result<OpenedStore>(refuseAsFailedAttempt());
        auto records =
            RollbackCheck::gather(m_paths.anchorFile(), file.storeId, (*probe)->auditKey(), file.auditHead,
                                  file.isDeviceBound ? &m_deviceSecrets : nullptr, file.generation);
        if (!records.ok())
            return Result<OpenedStore>(records.error());
        if (Status fresh = RollbackCheck::check((*probe)->database(), *records); !fresh.ok())
            return Result<OpenedStore>(fresh.error());
        const bool isOnPendingKey = boxes.size() > 1 && &box == &boxes.front();
        // The read-only connection closes as this returns, before the store is opened for writing.
        return Result<OpenedStore>(OpenedStore{nullptr, std::move(copy.file), std::move(*storeKey),
                                               std::move(currentSecret), (*probe)->auditKey().clone(),
                                               records->anchor, false, isOnPendingKey});
    }
    if (openError) {
        // The slot opened, so the passphrase is right: say what is wrong with the files.
        if (openError->code == ErrorCode::WrongCredentials)
            openError = OpenerErrors::storeDamaged(*openError);
        if (!m_refusal)
            m_refusal = openError;
    }
    return std::nullopt;
}

Error PassphraseUnlock::refuseAsFailedAttempt()
{
    m_isFailedAttempt = true;
    return OpenerErrors::genericFailure();
}

} // namespace confer
