#include "keys/KeySlotCrypto.h"

#include "crypto/Sodium.h"
#include "keys/KeySlotFormat.h"

#include <QCoreApplication>

#include <sodium.h>

#include <cstring>

namespace confer {

namespace {

struct CryptoTr {
    Q_DECLARE_TR_FUNCTIONS(confer::KeySlotCrypto)
};

const unsigned char* bytesOf(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

// Fields are length-prefixed (4 bytes, big-endian) so no two different field lists give the same
// bytes; numbers are 8 bytes big-endian, booleans one byte.
void appendField(QByteArray& out, const QByteArray& field)
{
    const auto size = static_cast<quint32>(field.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((size >> shift) & 0xff));
    out.append(field);
}

QByteArray bigEndian64(std::uint64_t value)
{
    QByteArray bytes(8, '\0');
    for (int i = 7; i >= 0; --i, value >>= 8)
        bytes[i] = static_cast<char>(value & 0xff);
    return bytes;
}

QByteArray slotAssociatedData(const QString& storeId, const KeySlot& slot, bool isDeviceBound)
{
    QByteArray ad;
    appendField(ad, QByteArray(KeySlotFormat::SlotContext));
    appendField(ad, storeId.toUtf8());
    appendField(ad, slot.slotId.toUtf8());
    appendField(ad, slot.login.toUtf8());
    appendField(ad, QByteArray(1, isDeviceBound ? '\1' : '\0'));
    appendField(ad, slot.deviceSecretId.toUtf8());
    appendField(ad, bigEndian64(slot.kdf.opsLimit));
    appendField(ad, bigEndian64(slot.kdf.memLimitBytes));
    appendField(ad, slot.publicKey);
    appendField(ad, slot.storeCommitment);
    return ad;
}

// BLAKE2b-256 over context || material, keyed with `key` when there is one.
Result<SecureBytes> kek(const char* context, const SecureBytes* material, const SecureBytes* key)
{
    const std::size_t contextSize = std::strlen(context);
    const std::size_t materialSize = material ? material->size() : 0;
    SecureBytes message(contextSize + materialSize);
    std::memcpy(message.data(), context, contextSize);
    if (materialSize)
        std::memcpy(message.data() + contextSize, material->data(), materialSize);
    SecureBytes out(KeySlotFormat::KekSize);
    if (crypto_generichash(out.data(), out.size(), message.data(), message.size(),
                           key ? key->data() : nullptr, key ? key->size() : 0) != 0) {
        return makeError(ErrorCode::Crypto, CryptoTr::tr("The key could not be derived."));
    }
    return out;
}

Error wrongCredentials()
{
    return makeError(ErrorCode::WrongCredentials, CryptoTr::tr("The login or passphrase is not right."));
}

Error wrongRecoveryKey()
{
    return makeError(ErrorCode::WrongCredentials,
                     CryptoTr::tr("This recovery key does not open this store."));
}

Error sodiumUnavailable()
{
    return makeError(ErrorCode::Crypto, CryptoTr::tr("The encryption library could not start."));
}

// The slot's key-encryption key: Argon2id of the passphrase, then BLAKE2b keyed with the device
// secret, so the file and the passphrase alone are not enough on a device-bound store.
Result<SecureBytes> slotKek(const QString& passphrase, const QByteArray& salt, const KdfParams& kdf,
                            const SecureBytes* deviceSecret)
{
    auto stretched = PassphraseKdf::derive(SecureBytes::fromPassphrase(passphrase), salt, kdf);
    if (!stretched.ok())
        return stretched.error();
    return kek(KeySlotFormat::SlotContext, &*stretched, deviceSecret);
}

struct KeyPair {
    QByteArray publicKey;
    SecureBytes secretKey;
};

KeyPair newKeyPair()
{
    KeyPair pair{QByteArray(KeySlotFormat::PublicKeySize, '\0'), SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_keypair(reinterpret_cast<unsigned char*>(pair.publicKey.data()), pair.secretKey.data());
    return pair;
}

// The recovery key is not used as the X25519 seed directly: a context keeps it apart from any other use.
Result<KeyPair> recoveryKeyPair(const SecureBytes& recoveryKey)
{
    auto seed = kek(KeySlotFormat::RecoveryContext, nullptr, &recoveryKey);
    if (!seed.ok())
        return seed.error();
    KeyPair pair{QByteArray(KeySlotFormat::PublicKeySize, '\0'), SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_seed_keypair(reinterpret_cast<unsigned char*>(pair.publicKey.data()), pair.secretKey.data(),
                            seed->data());
    return pair;
}

QByteArray recoveryCheck(const SecureBytes& recoveryKey, const QByteArray& storeCommitment)
{
    auto key = kek(KeySlotFormat::RecoveryCheckContext, nullptr, &recoveryKey);
    if (!key.ok() || storeCommitment.size() != KeySlotFormat::CommitmentSize)
        return QByteArray();
    QByteArray out(KeySlotFormat::CommitmentSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), static_cast<std::size_t>(out.size()),
                       bytesOf(storeCommitment), static_cast<unsigned long long>(storeCommitment.size()),
                       key->data(), key->size());
    return out;
}

} // namespace

Result<KeySlot> KeySlotCrypto::seal(const SecureBytes& storeKey, const QString& storeId, bool isDeviceBound,
                                    const QString& login, const QString& passphrase,
                                    const SecureBytes* deviceSecret, const QString& deviceSecretId,
                                    const KdfParams& params, const KdfPolicy& policy,
                                    const QByteArray& storeCommitment)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (!policy.allows(params))
        return makeError(
            ErrorCode::InvalidInput, CryptoTr::tr("The key derivation settings are below Confer's minimum."),
            QStringLiteral("opsLimit %1, memLimit %2").arg(params.opsLimit).arg(params.memLimitBytes));
    if (storeKey.size() != KeySlotFormat::StoreKeySize || login.isEmpty())
        return makeError(ErrorCode::InvalidInput, CryptoTr::tr("A key slot needs a login and a key."));
    if (isDeviceBound && (!deviceSecret || deviceSecret->size() != KeySlotFormat::DeviceSecretSize ||
                          deviceSecretId.isEmpty()))
        return makeError(
            ErrorCode::InvalidInput,
            CryptoTr::tr("This store is bound to this computer, but its device secret was not given."));

    KeyPair pair = newKeyPair();
    KeySlot slot;
    slot.slotId = KeySlotFile::randomId();
    slot.login = login;
    slot.salt.resize(static_cast<qsizetype>(PassphraseKdf::SaltSize));
    randombytes_buf(slot.salt.data(), PassphraseKdf::SaltSize);
    slot.kdf = params;
    slot.deviceSecretId = isDeviceBound ? deviceSecretId : QString();
    slot.publicKey = pair.publicKey;
    slot.storeCommitment = storeCommitment;

    auto key = slotKek(passphrase, slot.salt, params, isDeviceBound ? deviceSecret : nullptr);
    if (!key.ok())
        return key.error();
    auto sealed = SealedBox::seal(*key, pair.secretKey, slotAssociatedData(storeId, slot, isDeviceBound));
    if (!sealed.ok())
        return sealed.error();
    slot.userSecretKey = *sealed;
    auto box = sealStoreKeyBox(storeKey, slot.publicKey, storeId);
    if (!box.ok())
        return box.error();
    slot.storeKeyBox = *box;
    return slot;
}

Result<SecureBytes> KeySlotCrypto::openUserKey(const KeySlot& slot, const QString& storeId,
                                               bool isDeviceBound, const QString& passphrase,
                                               const SecureBytes* deviceSecret)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (isDeviceBound && (!deviceSecret || deviceSecret->size() != KeySlotFormat::DeviceSecretSize))
        return wrongCredentials();
    auto key = slotKek(passphrase, slot.salt, slot.kdf, isDeviceBound ? deviceSecret : nullptr);
    if (!key.ok()) {
        // Parameters or salt out of range can only come from an edited file: same answer as a wrong
        // passphrase. A real shortage of memory is reported as what it is.
        if (key.error().code == ErrorCode::Crypto)
            return key.error();
        return wrongCredentials();
    }
    auto opened = SealedBox::open(*key, slot.userSecretKey, slotAssociatedData(storeId, slot, isDeviceBound));
    if (!opened.ok() || opened->size() != crypto_box_SECRETKEYBYTES)
        return wrongCredentials();
    return opened;
}

Result<QByteArray> KeySlotCrypto::sealStoreKeyBox(const SecureBytes& storeKey, const QByteArray& publicKey,
                                                  const QString& storeId)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    const QByteArray id = QByteArray::fromHex(storeId.toLatin1());
    if (storeKey.size() != KeySlotFormat::StoreKeySize || publicKey.size() != KeySlotFormat::PublicKeySize ||
        id.size() != static_cast<qsizetype>(KeySlotFormat::IdBytes))
        return makeError(ErrorCode::InvalidInput, CryptoTr::tr("A key slot needs a login and a key."));
    SecureBytes message(KeySlotFormat::IdBytes + KeySlotFormat::StoreKeySize);
    std::memcpy(message.data(), id.constData(), KeySlotFormat::IdBytes);
    std::memcpy(message.data() + KeySlotFormat::IdBytes, storeKey.data(), KeySlotFormat::StoreKeySize);
    QByteArray box(KeySlotFormat::StoreKeyBoxSize, '\0');
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(box.data()), message.data(), message.size(),
                        bytesOf(publicKey)) != 0)
        return makeError(ErrorCode::Crypto, CryptoTr::tr("The key could not be sealed."));
    return box;
}

Result<SecureBytes> KeySlotCrypto::openStoreKeyBox(const QByteArray& box, const QByteArray& publicKey,
                                                   const SecureBytes& secretKey, const QString& storeId)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    const QByteArray id = QByteArray::fromHex(storeId.toLatin1());
    if (box.size() != KeySlotFormat::StoreKeyBoxSize || publicKey.size() != KeySlotFormat::PublicKeySize ||
        secretKey.size() != crypto_box_SECRETKEYBYTES)
        return wrongCredentials();
    SecureBytes message(KeySlotFormat::IdBytes + KeySlotFormat::StoreKeySize);
    if (crypto_box_seal_open(message.data(), bytesOf(box), static_cast<unsigned long long>(box.size()),
                             bytesOf(publicKey), secretKey.data()) != 0)
        return wrongCredentials();
    // The store id inside the box ties it to this store: a box copied from another store's file fails.
    if (id.size() != static_cast<qsizetype>(KeySlotFormat::IdBytes) ||
        sodium_memcmp(message.data(), id.constData(), KeySlotFormat::IdBytes) != 0)
        return wrongCredentials();
    return SecureBytes(message.data() + KeySlotFormat::IdBytes, KeySlotFormat::StoreKeySize);
}

Result<SecureBytes> KeySlotCrypto::open(const KeySlot& slot, const QString& storeId, bool isDeviceBound,
                                        const QString& passphrase, const SecureBytes* deviceSecret)
{
    auto secretKey = openUserKey(slot, storeId, isDeviceBound, passphrase, deviceSecret);
    if (!secretKey.ok())
        return secretKey.error();
    return openStoreKeyBox(slot.storeKeyBox, slot.publicKey, *secretKey, storeId);
}

QByteArray KeySlotCrypto::storeCommitment(const QString& storeId, const SecureBytes& auditKey)
{
    if (!ensureSodium() || auditKey.size() < crypto_generichash_KEYBYTES_MIN)
        return QByteArray();
    const QByteArray message = QByteArray(KeySlotFormat::CommitContext) + storeId.toUtf8();
    QByteArray out(KeySlotFormat::CommitmentSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), static_cast<std::size_t>(out.size()),
                       bytesOf(message), static_cast<unsigned long long>(message.size()), auditKey.data(),
                       auditKey.size());
    return out;
}

bool KeySlotCrypto::belongsToStore(const KeySlot& slot, const QByteArray& storeCommitment)
{
    return storeCommitment.size() == KeySlotFormat::CommitmentSize &&
           slot.storeCommitment.size() == KeySlotFormat::CommitmentSize &&
           sodium_memcmp(slot.storeCommitment.constData(), storeCommitment.constData(),
                         KeySlotFormat::CommitmentSize) == 0;
}

bool KeySlotCrypto::recoveryBelongsToStore(const RecoverySlot& slot, const SecureBytes& recoveryKey,
                                           const QByteArray& storeCommitment)
{
    const QByteArray expected = recoveryCheck(recoveryKey, storeCommitment);
    return expected.size() == KeySlotFormat::CommitmentSize &&
           slot.storeCheck.size() == KeySlotFormat::CommitmentSize &&
           sodium_memcmp(slot.storeCheck.constData(), expected.constData(), KeySlotFormat::CommitmentSize) ==
               0;
}

Result<RecoverySlot> KeySlotCrypto::sealRecovery(const SecureBytes& storeKey, const QString& storeId,
                                                 const SecureBytes& recoveryKey,
                                                 const QByteArray& storeCommitment)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (storeKey.isEmpty() || recoveryKey.size() != KeySlotFormat::KekSize)
        return makeError(ErrorCode::InvalidInput, CryptoTr::tr("The recovery key has the wrong length."));
    auto pair = recoveryKeyPair(recoveryKey);
    if (!pair.ok())
        return pair.error();
    auto box = sealStoreKeyBox(storeKey, pair->publicKey, storeId);
    if (!box.ok())
        return box.error();
    return RecoverySlot{pair->publicKey, *box, QByteArray(), recoveryCheck(recoveryKey, storeCommitment)};
}

Result<SecureBytes> KeySlotCrypto::openRecoverySecretKey(const RecoverySlot& slot,
                                                         const SecureBytes& recoveryKey)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (recoveryKey.size() != KeySlotFormat::KekSize)
        return wrongRecoveryKey();
    auto pair = recoveryKeyPair(recoveryKey);
    if (!pair.ok() || pair->publicKey.size() != slot.publicKey.size() ||
        sodium_memcmp(pair->publicKey.constData(), slot.publicKey.constData(),
                      KeySlotFormat::PublicKeySize) != 0)
        return wrongRecoveryKey();
    return std::move(pair->secretKey);
}

Result<SecureBytes> KeySlotCrypto::openRecovery(const RecoverySlot& slot, const QString& storeId,
                                                const SecureBytes& recoveryKey)
{
    auto secretKey = openRecoverySecretKey(slot, recoveryKey);
    if (!secretKey.ok())
        return secretKey.error();
    auto opened = openStoreKeyBox(slot.storeKeyBox, slot.publicKey, *secretKey, storeId);
    if (!opened.ok())
        return wrongRecoveryKey();
    return opened;
}

} // namespace confer
