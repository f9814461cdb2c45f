#include "keys/KeySlotFile.h"

#include "crypto/Sodium.h"
#include "files/SafeFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sodium.h>

#include <cstring>

namespace confer {

namespace {
constexpr char FormatName[] = "confer-keyslots";
constexpr char SlotContext[] = "confer-slot-v2";
constexpr char RecoveryContext[] = "confer-recovery-v2";
constexpr char MacContext[] = "confer-keyslots-mac-v2";
constexpr char CommitContext[] = "confer-store-commit-v2";
constexpr char RecoveryCheckContext[] = "confer-recovery-check-v2";
constexpr qsizetype CommitmentSize = 32;
constexpr std::size_t IdBytes = 16;
constexpr std::size_t DeviceSecretSize = 32;
constexpr std::size_t KekSize = crypto_generichash_BYTES; // 32: BLAKE2b-256
constexpr std::size_t StoreKeySize = 32;
constexpr qsizetype HeadHashSize = 32;
constexpr qsizetype MacSize = crypto_auth_hmacsha256_BYTES;
constexpr qsizetype PublicKeySize = crypto_box_PUBLICKEYBYTES;
// store id (16 bytes) ‖ store key (32 bytes), sealed to a public key.
constexpr qsizetype StoreKeyBoxSize = static_cast<qsizetype>(IdBytes + StoreKeySize + crypto_box_SEALBYTES);
// Far above any real file (a slot is about 600 bytes); a bigger one is not ours.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

const QSet<QString> TopLevelKeys = {QStringLiteral("format"),
                                    QStringLiteral("version"),
                                    QStringLiteral("storeId"),
                                    QStringLiteral("deviceBound"),
                                    QStringLiteral("deviceSecretId"),
                                    QStringLiteral("defaultKdf"),
                                    QStringLiteral("generation"),
                                    QStringLiteral("slots"),
                                    QStringLiteral("recovery"),
                                    QStringLiteral("auditHead"),
                                    QStringLiteral("mac")};
const QSet<QString> SlotKeys = {QStringLiteral("slotId"),         QStringLiteral("login"),
                                QStringLiteral("salt"),           QStringLiteral("kdf"),
                                QStringLiteral("deviceSecretId"), QStringLiteral("nonce"),
                                QStringLiteral("ciphertext"),     QStringLiteral("publicKey"),
                                QStringLiteral("storeKeyBox"),    QStringLiteral("pendingStoreKeyBox"),
                                QStringLiteral("storeCommitment")};
const QSet<QString> KdfKeys = {QStringLiteral("opsLimit"), QStringLiteral("memLimitBytes")};
const QSet<QString> RecoveryKeys = {QStringLiteral("publicKey"), QStringLiteral("storeKeyBox"),
                                    QStringLiteral("pendingStoreKeyBox"), QStringLiteral("storeCheck")};
const QSet<QString> HeadKeys = {QStringLiteral("sequence"), QStringLiteral("hash"), QStringLiteral("commit")};

struct FileTr {
    Q_DECLARE_TR_FUNCTIONS(confer::KeySlotFile)
};

struct CryptoTr {
    Q_DECLARE_TR_FUNCTIONS(confer::KeySlotCrypto)
};

const unsigned char* bytesOf(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

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
        FileTr::tr("The key file beside the store is damaged, so the store cannot be opened with "
                   "it. Restore the store folder from a backup, or use the recovery key."),
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

// sizes: the allowed lengths (one, or e.g. {0, n} for an optional value).
Result<QByteArray> decodeSized(const QJsonValue& value, const QString& field,
                               std::initializer_list<qsizetype> sizes)
{
    auto bytes = decode(value, field);
    if (!bytes.ok())
        return bytes;
    for (qsizetype size : sizes) {
        if (bytes->size() == size)
            return bytes;
    }
    return damaged(QStringLiteral("%1 is %2 bytes long").arg(field).arg(bytes->size()));
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
                            {static_cast<qsizetype>(PassphraseKdf::SaltSize)});
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
    auto nonce = decodeSized(json->value(QLatin1String("nonce")), field + QStringLiteral(".nonce"),
                             {crypto_aead_xchacha20poly1305_ietf_NPUBBYTES});
    if (!nonce.ok())
        return nonce.error();
    auto ciphertext =
        decodeSized(json->value(QLatin1String("ciphertext")), field + QStringLiteral(".ciphertext"),
                    {crypto_box_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES});
    if (!ciphertext.ok())
        return ciphertext.error();
    slot.userSecretKey = Sealed{*nonce, *ciphertext};
    auto publicKey = decodeSized(json->value(QLatin1String("publicKey")),
                                 field + QStringLiteral(".publicKey"), {PublicKeySize});
    if (!publicKey.ok())
        return publicKey.error();
    slot.publicKey = *publicKey;
    auto box = decodeSized(json->value(QLatin1String("storeKeyBox")), field + QStringLiteral(".storeKeyBox"),
                           {StoreKeyBoxSize});
    if (!box.ok())
        return box.error();
    slot.storeKeyBox = *box;
    auto pending = decodeSized(json->value(QLatin1String("pendingStoreKeyBox")),
                               field + QStringLiteral(".pendingStoreKeyBox"), {0, StoreKeyBoxSize});
    if (!pending.ok())
        return pending.error();
    slot.pendingStoreKeyBox = *pending;
    auto commitment = decodeSized(json->value(QLatin1String("storeCommitment")),
                                  field + QStringLiteral(".storeCommitment"), {0, CommitmentSize});
    if (!commitment.ok())
        return commitment.error();
    slot.storeCommitment = *commitment;
    return slot;
}

Result<RecoverySlot> recoveryFromJson(const QJsonValue& value)
{
    auto json = object(value, RecoveryKeys, QStringLiteral("recovery"));
    if (!json.ok())
        return json.error();
    RecoverySlot slot;
    auto publicKey = decodeSized(json->value(QLatin1String("publicKey")),
                                 QStringLiteral("recovery.publicKey"), {PublicKeySize});
    if (!publicKey.ok())
        return publicKey.error();
    slot.publicKey = *publicKey;
    auto box = decodeSized(json->value(QLatin1String("storeKeyBox")), QStringLiteral("recovery.storeKeyBox"),
                           {StoreKeyBoxSize});
    if (!box.ok())
        return box.error();
    slot.storeKeyBox = *box;
    auto pending = decodeSized(json->value(QLatin1String("pendingStoreKeyBox")),
                               QStringLiteral("recovery.pendingStoreKeyBox"), {0, StoreKeyBoxSize});
    if (!pending.ok())
        return pending.error();
    slot.pendingStoreKeyBox = *pending;
    auto check = decodeSized(json->value(QLatin1String("storeCheck")), QStringLiteral("recovery.storeCheck"),
                             {0, CommitmentSize});
    if (!check.ok())
        return check.error();
    slot.storeCheck = *check;
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

QByteArray slotAssociatedData(const QString& storeId, const KeySlot& slot, bool isDeviceBound)
{
    QByteArray ad;
    appendField(ad, QByteArray(SlotContext));
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
    SecureBytes out(KekSize);
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
    return kek(SlotContext, &*stretched, deviceSecret);
}

struct KeyPair {
    QByteArray publicKey;
    SecureBytes secretKey;
};

KeyPair newKeyPair()
{
    KeyPair pair{QByteArray(PublicKeySize, '\0'), SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_keypair(reinterpret_cast<unsigned char*>(pair.publicKey.data()), pair.secretKey.data());
    return pair;
}

// The recovery key is not used as the X25519 seed directly: a context keeps it apart from any other use.
Result<KeyPair> recoveryKeyPair(const SecureBytes& recoveryKey)
{
    auto seed = kek(RecoveryContext, nullptr, &recoveryKey);
    if (!seed.ok())
        return seed.error();
    KeyPair pair{QByteArray(PublicKeySize, '\0'), SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_seed_keypair(reinterpret_cast<unsigned char*>(pair.publicKey.data()), pair.secretKey.data(),
                            seed->data());
    return pair;
}

QJsonObject headToJson(const AuditHead& head)
{
    return QJsonObject{{QStringLiteral("sequence"), head.sequence},
                       {QStringLiteral("hash"), encode(head.hash)},
                       {QStringLiteral("commit"), head.commit}};
}

// Everything but the MAC, in Qt's compact form (members sorted by name): the bytes the MAC covers.
QJsonObject bodyToJson(const KeySlotFile& file)
{
    QJsonArray slotArray;
    for (const KeySlot& slot : file.userSlots) {
        slotArray.append(QJsonObject{{QStringLiteral("slotId"), slot.slotId},
                                     {QStringLiteral("login"), slot.login},
                                     {QStringLiteral("salt"), encode(slot.salt)},
                                     {QStringLiteral("kdf"), kdfToJson(slot.kdf)},
                                     {QStringLiteral("deviceSecretId"), slot.deviceSecretId},
                                     {QStringLiteral("nonce"), encode(slot.userSecretKey.nonce)},
                                     {QStringLiteral("ciphertext"), encode(slot.userSecretKey.ciphertext)},
                                     {QStringLiteral("publicKey"), encode(slot.publicKey)},
                                     {QStringLiteral("storeKeyBox"), encode(slot.storeKeyBox)},
                                     {QStringLiteral("pendingStoreKeyBox"), encode(slot.pendingStoreKeyBox)},
                                     {QStringLiteral("storeCommitment"), encode(slot.storeCommitment)}});
    }
    const QJsonValue recoveryJson =
        file.recovery ? QJsonValue(QJsonObject{
                            {QStringLiteral("publicKey"), encode(file.recovery->publicKey)},
                            {QStringLiteral("storeKeyBox"), encode(file.recovery->storeKeyBox)},
                            {QStringLiteral("pendingStoreKeyBox"), encode(file.recovery->pendingStoreKeyBox)},
                            {QStringLiteral("storeCheck"), encode(file.recovery->storeCheck)}})
                      : QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("format"), QString::fromLatin1(FormatName)},
        {QStringLiteral("version"), KeySlotFile::FormatVersion},
        {QStringLiteral("storeId"), file.storeId},
        {QStringLiteral("deviceBound"), file.isDeviceBound},
        {QStringLiteral("deviceSecretId"), file.deviceSecretId},
        {QStringLiteral("defaultKdf"), kdfToJson(file.defaultKdf)},
        {QStringLiteral("generation"), file.generation},
        {QStringLiteral("slots"), slotArray},
        {QStringLiteral("recovery"), recoveryJson},
        {QStringLiteral("auditHead"), headToJson(file.auditHead)},
    };
}

QByteArray computeMac(const KeySlotFile& file, const SecureBytes& auditKey)
{
    QByteArray message = QByteArray(MacContext);
    message.append('\0');
    message.append(QJsonDocument(bodyToJson(file)).toJson(QJsonDocument::Compact));
    QByteArray mac(MacSize, '\0');
    if (auditKey.size() != crypto_auth_hmacsha256_KEYBYTES)
        return QByteArray();
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()), bytesOf(message),
                           static_cast<unsigned long long>(message.size()), auditKey.data());
    return mac;
}

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

bool KeySlotFile::hasPendingKey() const
{
    if (recovery && !recovery->pendingStoreKeyBox.isEmpty())
        return true;
    for (const KeySlot& slot : userSlots) {
        if (!slot.pendingStoreKeyBox.isEmpty())
            return true;
    }
    return false;
}

void KeySlotFile::sign(const SecureBytes& auditKey)
{
    mac = computeMac(*this, auditKey);
}

bool KeySlotFile::verifyMac(const SecureBytes& auditKey) const
{
    const QByteArray expected = computeMac(*this, auditKey);
    return expected.size() == MacSize && mac.size() == MacSize &&
           sodium_memcmp(expected.constData(), mac.constData(), MacSize) == 0;
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
    QJsonObject root = bodyToJson(*this);
    root.insert(QStringLiteral("mac"), encode(mac));
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
        return makeError(ErrorCode::StoreCorrupt, FileTr::tr("This is not a Confer key file."),
                         QStringLiteral("format member missing or different"));
    }
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const qint64 version = versionValue.isDouble() ? versionValue.toInteger(-1) : -1;
    if (version > FormatVersion) {
        return makeError(ErrorCode::StoreCorrupt,
                         FileTr::tr("This store's key file was written by a newer version of Confer. Update "
                                    "Confer to open it."),
                         QStringLiteral("key-slot file version %1").arg(version));
    }
    if (version == 1) {
        return makeError(ErrorCode::StoreCorrupt,
                         FileTr::tr("This store was made by a development version of Confer whose key file "
                                    "this version does not read. Make a new store."),
                         QStringLiteral("key-slot file version 1"));
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
    auto generation = integer(root.value(QLatin1String("generation")), QStringLiteral("generation"), 1);
    if (!generation.ok())
        return generation.error();
    file.generation = *generation;

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
        auto recovery = recoveryFromJson(recoveryValue);
        if (!recovery.ok())
            return recovery.error();
        file.recovery = *recovery;
    }

    auto headJson = object(root.value(QLatin1String("auditHead")), HeadKeys, QStringLiteral("auditHead"));
    if (!headJson.ok())
        return headJson.error();
    auto sequence =
        integer(headJson->value(QLatin1String("sequence")), QStringLiteral("auditHead.sequence"), 0);
    if (!sequence.ok())
        return sequence.error();
    auto commit = integer(headJson->value(QLatin1String("commit")), QStringLiteral("auditHead.commit"), 0);
    if (!commit.ok())
        return commit.error();
    auto hash = decodeSized(headJson->value(QLatin1String("hash")), QStringLiteral("auditHead.hash"),
                            {0, HeadHashSize});
    if (!hash.ok())
        return hash.error();
    file.auditHead = AuditHead{*sequence, *hash, *commit};
    auto mac = decodeSized(root.value(QLatin1String("mac")), QStringLiteral("mac"), {MacSize});
    if (!mac.ok())
        return mac.error();
    file.mac = *mac;
    return file;
}

Result<KeySlotFile> KeySlotFile::load(const QString& path)
{
    auto bytes = SafeFile::read(path, MaxFileBytes);
    if (!bytes.ok()) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, FileTr::tr("There is no key file beside the store."),
                             bytes.error().detail);
        return bytes.error().code == ErrorCode::StoreCorrupt ? damaged(bytes.error().detail) : bytes.error();
    }
    if (bytes->isEmpty())
        return damaged(QStringLiteral("file is empty"));
    return fromJson(*bytes);
}

Status KeySlotFile::save(const QString& path) const
{
    const QByteArray json = toJson();
    // Never leave behind a file that the next unlock would refuse.
    if (auto check = fromJson(json); !check.ok()) {
        return makeError(ErrorCode::InvalidInput,
                         FileTr::tr("The key file was not written because it would not read back."),
                         check.error().detail);
    }
    return SafeFile::replace(path, json, [](const QByteArray& readBack) -> Status {
        if (auto parsed = fromJson(readBack); !parsed.ok())
            return parsed.error();
        return {};
    });
}

// --- KeySlotCrypto -------------------------------------------------------------------------------

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
    if (storeKey.size() != StoreKeySize || login.isEmpty())
        return makeError(ErrorCode::InvalidInput, CryptoTr::tr("A key slot needs a login and a key."));
    if (isDeviceBound &&
        (!deviceSecret || deviceSecret->size() != DeviceSecretSize || deviceSecretId.isEmpty()))
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
    if (storeKey.size() != StoreKeySize || publicKey.size() != PublicKeySize ||
        id.size() != static_cast<qsizetype>(IdBytes))
        return makeError(ErrorCode::InvalidInput, CryptoTr::tr("A key slot needs a login and a key."));
    SecureBytes message(IdBytes + StoreKeySize);
    std::memcpy(message.data(), id.constData(), IdBytes);
    std::memcpy(message.data() + IdBytes, storeKey.data(), StoreKeySize);
    QByteArray box(StoreKeyBoxSize, '\0');
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
    if (box.size() != StoreKeyBoxSize || publicKey.size() != PublicKeySize ||
        secretKey.size() != crypto_box_SECRETKEYBYTES)
        return wrongCredentials();
    SecureBytes message(IdBytes + StoreKeySize);
    if (crypto_box_seal_open(message.data(), bytesOf(box), static_cast<unsigned long long>(box.size()),
                             bytesOf(publicKey), secretKey.data()) != 0)
        return wrongCredentials();
    // The store id inside the box ties it to this store: a box copied from another store's file fails.
    if (id.size() != static_cast<qsizetype>(IdBytes) ||
        sodium_memcmp(message.data(), id.constData(), IdBytes) != 0)
        return wrongCredentials();
    return SecureBytes(message.data() + IdBytes, StoreKeySize);
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
    const QByteArray message = QByteArray(CommitContext) + storeId.toUtf8();
    QByteArray out(CommitmentSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), static_cast<std::size_t>(out.size()),
                       bytesOf(message), static_cast<unsigned long long>(message.size()), auditKey.data(),
                       auditKey.size());
    return out;
}

bool KeySlotCrypto::belongsToStore(const KeySlot& slot, const QByteArray& storeCommitment)
{
    return storeCommitment.size() == CommitmentSize && slot.storeCommitment.size() == CommitmentSize &&
           sodium_memcmp(slot.storeCommitment.constData(), storeCommitment.constData(), CommitmentSize) == 0;
}

namespace {
QByteArray recoveryCheck(const SecureBytes& recoveryKey, const QByteArray& storeCommitment)
{
    auto key = kek(RecoveryCheckContext, nullptr, &recoveryKey);
    if (!key.ok() || storeCommitment.size() != CommitmentSize)
        return QByteArray();
    QByteArray out(CommitmentSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), static_cast<std::size_t>(out.size()),
                       bytesOf(storeCommitment), static_cast<unsigned long long>(storeCommitment.size()),
                       key->data(), key->size());
    return out;
}
} // namespace

bool KeySlotCrypto::recoveryBelongsToStore(const RecoverySlot& slot, const SecureBytes& recoveryKey,
                                           const QByteArray& storeCommitment)
{
    const QByteArray expected = recoveryCheck(recoveryKey, storeCommitment);
    return expected.size() == CommitmentSize && slot.storeCheck.size() == CommitmentSize &&
           sodium_memcmp(slot.storeCheck.constData(), expected.constData(), CommitmentSize) == 0;
}

Result<RecoverySlot> KeySlotCrypto::sealRecovery(const SecureBytes& storeKey, const QString& storeId,
                                                 const SecureBytes& recoveryKey,
                                                 const QByteArray& storeCommitment)
{
    if (!ensureSodium())
        return sodiumUnavailable();
    if (storeKey.isEmpty() || recoveryKey.size() != KekSize)
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
    if (recoveryKey.size() != KekSize)
        return wrongRecoveryKey();
    auto pair = recoveryKeyPair(recoveryKey);
    if (!pair.ok() || pair->publicKey.size() != slot.publicKey.size() ||
        sodium_memcmp(pair->publicKey.constData(), slot.publicKey.constData(), PublicKeySize) != 0)
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
