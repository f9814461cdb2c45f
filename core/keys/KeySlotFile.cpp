#include "keys/KeySlotFile.h"

#include "crypto/Sodium.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <sodium.h>

#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace confer {

namespace {
constexpr char FormatName[] = "confer-keyslots";
constexpr char SlotContext[] = "confer-slot-v1";
constexpr char RecoveryContext[] = "confer-recovery-v1";
constexpr std::size_t IdBytes = 16;
constexpr std::size_t DeviceSecretSize = 32;
constexpr std::size_t KekSize = crypto_generichash_BYTES; // 32: BLAKE2b-256
constexpr std::size_t AnchorHashSize = 32;
// Far above any real file (a slot is about 400 bytes); a bigger one is not ours.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

const QSet<QString> TopLevelKeys = {
    QStringLiteral("format"),      QStringLiteral("version"),        QStringLiteral("storeId"),
    QStringLiteral("deviceBound"), QStringLiteral("deviceSecretId"), QStringLiteral("defaultKdf"),
    QStringLiteral("slots"),       QStringLiteral("recovery"),       QStringLiteral("auditAnchor")};
const QSet<QString> SlotKeys = {QStringLiteral("slotId"),         QStringLiteral("login"),
                                QStringLiteral("salt"),           QStringLiteral("kdf"),
                                QStringLiteral("deviceSecretId"), QStringLiteral("nonce"),
                                QStringLiteral("ciphertext")};
const QSet<QString> KdfKeys = {QStringLiteral("opsLimit"), QStringLiteral("memLimitBytes")};
const QSet<QString> SealedKeys = {QStringLiteral("nonce"), QStringLiteral("ciphertext")};
const QSet<QString> AnchorKeys = {QStringLiteral("sequence"), QStringLiteral("hash")};

bool isId(const QString& text)
{
    if (text.size() != static_cast<qsizetype>(IdBytes * 2))
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

Error damaged(const QString& detail)
{
    return makeError(
        ErrorCode::StoreCorrupt,
        QCoreApplication::translate("confer::KeySlotFile",
                                    "The key file beside the store is damaged, so the store cannot be "
                                    "opened. Restore the key file from a backup."),
        detail);
}

QString encode(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// Strict base64: only the canonical encoding of some bytes is accepted, so a file has one reading.
Result<QByteArray> decode(const QJsonValue& value, const QString& field)
{
    if (!value.isString())
        return damaged(field + QStringLiteral(" is not a string"));
    const QByteArray text = value.toString().toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != text)
        return damaged(field + QStringLiteral(" is not base64"));
    return decoded.decoded;
}

Result<QByteArray> decodeSized(const QJsonValue& value, const QString& field, qsizetype size)
{
    auto bytes = decode(value, field);
    if (bytes.ok() && bytes->size() != size)
        return damaged(QStringLiteral("%1 is %2 bytes, %3 expected").arg(field).arg(bytes->size()).arg(size));
    return bytes;
}

Result<QJsonObject> object(const QJsonValue& value, const QSet<QString>& keys, const QString& field)
{
    if (!value.isObject())
        return damaged(field + QStringLiteral(" is not an object"));
    const QJsonObject result = value.toObject();
    const QStringList present = result.keys();
    if (QSet<QString>(present.begin(), present.end()) != keys)
        return damaged(field + QStringLiteral(" has missing or unknown members"));
    return result;
}

Result<qint64> integer(const QJsonValue& value, const QString& field, qint64 least)
{
    const qint64 number = value.isDouble() ? value.toInteger(least - 1) : least - 1;
    if (number < least)
        return damaged(field + QStringLiteral(" is not a whole number of at least %1").arg(least));
    return number;
}

QJsonObject kdfToJson(const KdfParams& kdf)
{
    return QJsonObject{{QStringLiteral("opsLimit"), static_cast<qint64>(kdf.opsLimit)},
                       {QStringLiteral("memLimitBytes"), static_cast<qint64>(kdf.memLimitBytes)}};
}

Result<KdfParams> kdfFromJson(const QJsonValue& value, const QString& field)
{
    auto json = object(value, KdfKeys, field);
    if (!json.ok())
        return json.error();
    auto ops = integer(json->value(QLatin1String("opsLimit")), field + QStringLiteral(".opsLimit"), 1);
    if (!ops.ok())
        return ops.error();
    auto mem =
        integer(json->value(QLatin1String("memLimitBytes")), field + QStringLiteral(".memLimitBytes"), 1);
    if (!mem.ok())
        return mem.error();
    return KdfParams{static_cast<std::uint64_t>(*ops), static_cast<std::size_t>(*mem)};
}

Result<Sealed> sealedFromJson(const QJsonObject& json, const QString& field)
{
    auto nonce = decodeSized(json.value(QLatin1String("nonce")), field + QStringLiteral(".nonce"),
                             crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    if (!nonce.ok())
        return nonce.error();
    auto ciphertext = decode(json.value(QLatin1String("ciphertext")), field + QStringLiteral(".ciphertext"));
    if (!ciphertext.ok())
        return ciphertext.error();
    if (static_cast<std::size_t>(ciphertext->size()) < crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return damaged(field + QStringLiteral(".ciphertext is shorter than its tag"));
    return Sealed{*nonce, *ciphertext};
}

Result<KeySlot> slotFromJson(const QJsonValue& value, const QString& field, bool isDeviceBound)
{
    auto json = object(value, SlotKeys, field);
    if (!json.ok())
        return json.error();
    KeySlot slot;
    slot.slotId = json->value(QLatin1String("slotId")).toString();
    if (!isId(slot.slotId))
        return damaged(field + QStringLiteral(".slotId is not 32 lowercase hex characters"));
    slot.login = json->value(QLatin1String("login")).toString();
    if (slot.login.isEmpty())
        return damaged(field + QStringLiteral(".login is missing"));
    auto salt = decodeSized(json->value(QLatin1String("salt")), field + QStringLiteral(".salt"),
                            PassphraseKdf::SaltSize);
    if (!salt.ok())
        return salt.error();
    slot.salt = *salt;
    auto kdf = kdfFromJson(json->value(QLatin1String("kdf")), field + QStringLiteral(".kdf"));
    if (!kdf.ok())
        return kdf.error();
    slot.kdf = *kdf;
    // A bound store's slot names the secret that sealed it (maybe an older one); an unbound one, none.
    const QJsonValue secretId = json->value(QLatin1String("deviceSecretId"));
    slot.deviceSecretId = secretId.toString();
    if (!secretId.isString() || (isDeviceBound ? !isId(slot.deviceSecretId) : !slot.deviceSecretId.isEmpty()))
        return damaged(field + QStringLiteral(".deviceSecretId does not fit the store's device binding"));
    auto sealed = sealedFromJson(*json, field);
    if (!sealed.ok())
        return sealed.error();
    slot.sealed = *sealed;
    return slot;
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

QByteArray slotAssociatedData(const QString& storeId, const QString& slotId, const QString& login,
                              bool isDeviceBound, const QString& deviceSecretId, const KdfParams& kdf)
{
    QByteArray ad;
    appendField(ad, QByteArray(SlotContext));
    appendField(ad, storeId.toUtf8());
    appendField(ad, slotId.toUtf8());
    appendField(ad, login.toUtf8());
    appendField(ad, QByteArray(1, isDeviceBound ? '\1' : '\0'));
    appendField(ad, deviceSecretId.toUtf8());
    appendField(ad, bigEndian64(kdf.opsLimit));
    appendField(ad, bigEndian64(kdf.memLimitBytes));
    return ad;
}

QByteArray recoveryAssociatedData(const QString& storeId)
{
    QByteArray ad;
    appendField(ad, QByteArray(RecoveryContext));
    appendField(ad, storeId.toUtf8());
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
    SecureBytes out(KekSize);
    if (crypto_generichash(out.data(), out.size(), message.data(), message.size(),
                           key ? key->data() : nullptr, key ? key->size() : 0) != 0) {
        return makeError(ErrorCode::Crypto, QCoreApplication::translate("confer::KeySlotCrypto",
                                                                        "The key could not be derived."));
    }
    return out;
}

Error wrongCredentials()
{
    return makeError(
        ErrorCode::WrongCredentials,
        QCoreApplication::translate("confer::KeySlotCrypto", "The login or passphrase is not right."));
}

Error wrongRecoveryKey()
{
    return makeError(
        ErrorCode::WrongCredentials,
        QCoreApplication::translate("confer::KeySlotCrypto", "This recovery key does not open this store."));
}

Error sodiumUnavailable()
{
    return makeError(
        ErrorCode::Crypto,
        QCoreApplication::translate("confer::KeySlotCrypto", "The encryption library could not start."));
}

// The slot's key-encryption key: Argon2id of the passphrase, then BLAKE2b keyed with the device
// secret, so the file and the passphrase alone are not enough on a device-bound store.
Result<SecureBytes> slotKek(const QString& passphrase, const QByteArray& salt, const KdfParams& kdf,
                            const SecureBytes* deviceSecret)
{
    auto stretched = PassphraseKdf::derive(SecureBytes::fromPassphrase(passphrase), salt, kdf);
    if (!stretched.ok())
        return stretched.error();
    return kek(SlotContext, &*stretched, deviceSecret);
}

#ifdef Q_OS_UNIX
// The rename is only durable once the directory entry is on disk.
void syncDirectory(const QString& filePath)
{
    const QByteArray directory = QFile::encodeName(QFileInfo(filePath).absolutePath());
    const int fd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}
#else
void syncDirectory(const QString&) {}
#endif
} // namespace

// --- KeySlotFile ---------------------------------------------------------------------------------

const KeySlot* KeySlotFile::slotFor(const QString& login) const
{
    for (const KeySlot& slot : userSlots) {
        if (slot.login.compare(login, Qt::CaseInsensitive) == 0)
            return &slot;
    }
    return nullptr;
}

QStringList KeySlotFile::logins() const
{
    QStringList result;
    for (const KeySlot& slot : userSlots)
        result.append(slot.login);
    return result;
}

void KeySlotFile::upsertSlot(const KeySlot& slot)
{
    for (KeySlot& existing : userSlots) {
        if (existing.login.compare(slot.login, Qt::CaseInsensitive) == 0) {
            existing = slot;
            return;
        }
    }
    userSlots.append(slot);
}

bool KeySlotFile::removeSlot(const QString& login)
{
    return userSlots.removeIf(
               [&](const KeySlot& slot) { return slot.login.compare(login, Qt::CaseInsensitive) == 0; }) > 0;
}

QString KeySlotFile::randomId()
{
    if (!ensureSodium())
        return {};
    QByteArray bytes(static_cast<qsizetype>(IdBytes), Qt::Uninitialized);
    randombytes_buf(bytes.data(), IdBytes);
    return QString::fromLatin1(bytes.toHex());
}

QByteArray KeySlotFile::toJson() const
{
    QJsonArray slotArray;
    for (const KeySlot& slot : userSlots) {
        slotArray.append(QJsonObject{{QStringLiteral("slotId"), slot.slotId},
                                     {QStringLiteral("login"), slot.login},
                                     {QStringLiteral("salt"), encode(slot.salt)},
                                     {QStringLiteral("kdf"), kdfToJson(slot.kdf)},
                                     {QStringLiteral("deviceSecretId"), slot.deviceSecretId},
                                     {QStringLiteral("nonce"), encode(slot.sealed.nonce)},
                                     {QStringLiteral("ciphertext"), encode(slot.sealed.ciphertext)}});
    }
    const QJsonValue recoveryJson =
        recovery
            ? QJsonValue(QJsonObject{{QStringLiteral("nonce"), encode(recovery->sealed.nonce)},
                                     {QStringLiteral("ciphertext"), encode(recovery->sealed.ciphertext)}})
            : QJsonValue(QJsonValue::Null);
    const QJsonObject root{
        {QStringLiteral("format"), QString::fromLatin1(FormatName)},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("storeId"), storeId},
        {QStringLiteral("deviceBound"), isDeviceBound},
        {QStringLiteral("deviceSecretId"), deviceSecretId},
        {QStringLiteral("defaultKdf"), kdfToJson(defaultKdf)},
        {QStringLiteral("slots"), slotArray},
        {QStringLiteral("recovery"), recoveryJson},
        {QStringLiteral("auditAnchor"), QJsonObject{{QStringLiteral("sequence"), auditAnchor.sequence},
                                                    {QStringLiteral("hash"), encode(auditAnchor.hash)}}},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<KeySlotFile> KeySlotFile::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(QStringLiteral("not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();

    if (root.value(QLatin1String("format")).toString() != QLatin1String(FormatName)) {
        return makeError(ErrorCode::StoreCorrupt,
                         QCoreApplication::translate("confer::KeySlotFile", "This is not a Confer key file."),
                         QStringLiteral("format member missing or different"));
    }
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const qint64 version = versionValue.isDouble() ? versionValue.toInteger(-1) : -1;
    if (version > FormatVersion) {
        return makeError(ErrorCode::StoreCorrupt,
                         QCoreApplication::translate(
                             "confer::KeySlotFile", "This store's key file was written by a newer version of "
                                                    "Confer. Update Confer to open it."),
                         QStringLiteral("key-slot file version %1").arg(version));
    }
    if (version != FormatVersion)
        return damaged(QStringLiteral("version member missing or unknown"));
    const QStringList present = root.keys();
    if (QSet<QString>(present.begin(), present.end()) != TopLevelKeys)
        return damaged(QStringLiteral("missing or unknown top-level members"));

    KeySlotFile file;
    file.storeId = root.value(QLatin1String("storeId")).toString();
    if (!isId(file.storeId))
        return damaged(QStringLiteral("storeId is not 32 lowercase hex characters"));
    if (!root.value(QLatin1String("deviceBound")).isBool())
        return damaged(QStringLiteral("deviceBound is not true or false"));
    file.isDeviceBound = root.value(QLatin1String("deviceBound")).toBool();
    const QJsonValue secretId = root.value(QLatin1String("deviceSecretId"));
    file.deviceSecretId = secretId.toString();
    if (!secretId.isString() ||
        (file.isDeviceBound ? !isId(file.deviceSecretId) : !file.deviceSecretId.isEmpty()))
        return damaged(QStringLiteral("deviceSecretId does not fit deviceBound"));
    auto defaultKdf = kdfFromJson(root.value(QLatin1String("defaultKdf")), QStringLiteral("defaultKdf"));
    if (!defaultKdf.ok())
        return defaultKdf.error();
    file.defaultKdf = *defaultKdf;

    if (!root.value(QLatin1String("slots")).isArray())
        return damaged(QStringLiteral("slots is not an array"));
    const QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
    QSet<QString> slotIds;
    for (qsizetype i = 0; i < slotArray.size(); ++i) {
        auto slot = slotFromJson(slotArray.at(i), QStringLiteral("slots[%1]").arg(i), file.isDeviceBound);
        if (!slot.ok())
            return slot.error();
        if (file.slotFor(slot->login) || slotIds.contains(slot->slotId))
            return damaged(QStringLiteral("slots[%1] repeats a login or slot id").arg(i));
        slotIds.insert(slot->slotId);
        file.userSlots.append(*slot);
    }

    const QJsonValue recoveryValue = root.value(QLatin1String("recovery"));
    if (!recoveryValue.isNull()) {
        auto recoveryJson = object(recoveryValue, SealedKeys, QStringLiteral("recovery"));
        if (!recoveryJson.ok())
            return recoveryJson.error();
        auto sealed = sealedFromJson(*recoveryJson, QStringLiteral("recovery"));
        if (!sealed.ok())
            return sealed.error();
        file.recovery = RecoverySlot{*sealed};
    }

    auto anchorJson =
        object(root.value(QLatin1String("auditAnchor")), AnchorKeys, QStringLiteral("auditAnchor"));
    if (!anchorJson.ok())
        return anchorJson.error();
    auto sequence =
        integer(anchorJson->value(QLatin1String("sequence")), QStringLiteral("auditAnchor.sequence"), 0);
    if (!sequence.ok())
        return sequence.error();
    auto hash = decode(anchorJson->value(QLatin1String("hash")), QStringLiteral("auditAnchor.hash"));
    if (!hash.ok())
        return hash.error();
    if (!hash->isEmpty() && static_cast<std::size_t>(hash->size()) != AnchorHashSize)
        return damaged(QStringLiteral("auditAnchor.hash is neither empty nor 32 bytes"));
    file.auditAnchor = AuditAnchor{*sequence, *hash};
    return file;
}

Result<KeySlotFile> KeySlotFile::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("confer::KeySlotFile", "There is no key file beside the store."));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("confer::KeySlotFile", "The store's key file could not be read."),
            file.errorString());
    if (file.size() > MaxFileBytes)
        return damaged(QStringLiteral("file is %1 bytes").arg(file.size()));
    const QByteArray json = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("confer::KeySlotFile", "The store's key file could not be read."),
            file.errorString());
    return fromJson(json);
}

Status KeySlotFile::save(const QString& path) const
{
    const QByteArray json = toJson();
    // Never leave behind a file that the next unlock would refuse.
    if (auto check = fromJson(json); !check.ok()) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::KeySlotFile",
                                        "The key file was not written because it would not read back."),
            check.error().detail);
    }

    const auto writeFailed = [](const QString& detail) {
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("confer::KeySlotFile", "The store's key file could not be saved."),
            detail);
    };
    // QSaveFile writes a sibling in the same directory (the store's), syncs it and renames it over
    // the target on commit; it holds only sealed keys, never personal data.
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(file.errorString());
    // Before any byte is written, so the content is never readable by others.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return writeFailed(QStringLiteral("could not restrict permissions: %1").arg(file.errorString()));
    }
    if (file.write(json) != json.size()) {
        file.cancelWriting();
        return writeFailed(file.errorString());
    }
    if (!file.commit())
        return writeFailed(file.errorString());
    syncDirectory(path);
    return Status::success();
}

// --- KeySlotCrypto -------------------------------------------------------------------------------

Result<KeySlot> KeySlotCrypto::seal(const SecureBytes& storeKey, const QString& storeId, bool isDeviceBound,
                                    const QString& login, const QString& passphrase,
                                    const SecureBytes* deviceSecret, const QString& deviceSecretId,
                                    const KdfParams& params, const KdfPolicy& policy)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (!policy.allows(params))
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::KeySlotCrypto",
                                        "The key derivation settings are below Confer's minimum."),
            QStringLiteral("opsLimit %1, memLimit %2").arg(params.opsLimit).arg(params.memLimitBytes));
    if (storeKey.isEmpty() || login.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::KeySlotCrypto", "A key slot needs a login and a key."));
    if (isDeviceBound &&
        (!deviceSecret || deviceSecret->size() != DeviceSecretSize || deviceSecretId.isEmpty()))
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::KeySlotCrypto",
                                        "This store is bound to this computer, but its device secret "
                                        "was not given."));

    KeySlot slot;
    slot.slotId = KeySlotFile::randomId();
    slot.login = login;
    slot.salt.resize(static_cast<qsizetype>(PassphraseKdf::SaltSize));
    randombytes_buf(slot.salt.data(), PassphraseKdf::SaltSize);
    slot.kdf = params;
    slot.deviceSecretId = isDeviceBound ? deviceSecretId : QString();

    auto key = slotKek(passphrase, slot.salt, params, isDeviceBound ? deviceSecret : nullptr);
    if (!key.ok())
        return key.error();
    auto sealed = SealedBox::seal(
        *key, storeKey,
        slotAssociatedData(storeId, slot.slotId, slot.login, isDeviceBound, slot.deviceSecretId, slot.kdf));
    if (!sealed.ok())
        return sealed.error();
    slot.sealed = *sealed;
    return slot;
}

Result<SecureBytes> KeySlotCrypto::open(const KeySlot& slot, const QString& storeId, bool isDeviceBound,
                                        const QString& passphrase, const SecureBytes* deviceSecret)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (isDeviceBound && (!deviceSecret || deviceSecret->size() != DeviceSecretSize))
        return wrongCredentials();
    auto key = slotKek(passphrase, slot.salt, slot.kdf, isDeviceBound ? deviceSecret : nullptr);
    if (!key.ok()) {
        // Parameters or salt out of range can only come from an edited file: same answer as a wrong
        // passphrase. A real shortage of memory is reported as what it is.
        if (key.error().code == ErrorCode::Crypto)
            return key.error();
        return wrongCredentials();
    }
    auto opened = SealedBox::open(
        *key, slot.sealed,
        slotAssociatedData(storeId, slot.slotId, slot.login, isDeviceBound, slot.deviceSecretId, slot.kdf));
    if (!opened.ok())
        return wrongCredentials();
    return opened;
}

Result<RecoverySlot> KeySlotCrypto::sealRecovery(const SecureBytes& storeKey, const QString& storeId,
                                                 const SecureBytes& recoveryKey)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (storeKey.isEmpty() || recoveryKey.size() != KekSize)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::KeySlotCrypto", "The recovery key has the wrong length."));
    auto key = kek(RecoveryContext, nullptr, &recoveryKey);
    if (!key.ok())
        return key.error();
    auto sealed = SealedBox::seal(*key, storeKey, recoveryAssociatedData(storeId));
    if (!sealed.ok())
        return sealed.error();
    return RecoverySlot{*sealed};
}

Result<SecureBytes> KeySlotCrypto::openRecovery(const RecoverySlot& slot, const QString& storeId,
                                                const SecureBytes& recoveryKey)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (recoveryKey.size() != KekSize)
        return wrongRecoveryKey();
    auto key = kek(RecoveryContext, nullptr, &recoveryKey);
    if (!key.ok())
        return wrongRecoveryKey();
    auto opened = SealedBox::open(*key, slot.sealed, recoveryAssociatedData(storeId));
    if (!opened.ok())
        return wrongRecoveryKey();
    return opened;
}

} // namespace confer
