#include "keys/KeySlotJson.h"

#include "keys/KeySlotFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <sodium.h>

namespace confer {

namespace {

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

bool isId(const QString& text)
{
    if (text.size() != static_cast<qsizetype>(KeySlotFormat::IdBytes * 2))
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
    return KeySlotJson::damaged(detail);
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
                                 field + QStringLiteral(".publicKey"), {KeySlotFormat::PublicKeySize});
    if (!publicKey.ok())
        return publicKey.error();
    slot.publicKey = *publicKey;
    auto box = decodeSized(json->value(QLatin1String("storeKeyBox")), field + QStringLiteral(".storeKeyBox"),
                           {KeySlotFormat::StoreKeyBoxSize});
    if (!box.ok())
        return box.error();
    slot.storeKeyBox = *box;
    auto pending =
        decodeSized(json->value(QLatin1String("pendingStoreKeyBox")),
                    field + QStringLiteral(".pendingStoreKeyBox"), {0, KeySlotFormat::StoreKeyBoxSize});
    if (!pending.ok())
        return pending.error();
    slot.pendingStoreKeyBox = *pending;
    auto commitment =
        decodeSized(json->value(QLatin1String("storeCommitment")), field + QStringLiteral(".storeCommitment"),
                    {0, KeySlotFormat::CommitmentSize});
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
                                 QStringLiteral("recovery.publicKey"), {KeySlotFormat::PublicKeySize});
    if (!publicKey.ok())
        return publicKey.error();
    slot.publicKey = *publicKey;
    auto box = decodeSized(json->value(QLatin1String("storeKeyBox")), QStringLiteral("recovery.storeKeyBox"),
                           {KeySlotFormat::StoreKeyBoxSize});
    if (!box.ok())
        return box.error();
    slot.storeKeyBox = *box;
    auto pending =
        decodeSized(json->value(QLatin1String("pendingStoreKeyBox")),
                    QStringLiteral("recovery.pendingStoreKeyBox"), {0, KeySlotFormat::StoreKeyBoxSize});
    if (!pending.ok())
        return pending.error();
    slot.pendingStoreKeyBox = *pending;
    auto check = decodeSized(json->value(QLatin1String("storeCheck")), QStringLiteral("recovery.storeCheck"),
                             {0, KeySlotFormat::CommitmentSize});
    if (!check.ok())
        return check.error();
    slot.storeCheck = *check;
    return slot;
}

QJsonObject headToJson(const AuditHead& head)
{
    return QJsonObject{{QStringLiteral("sequence"), head.sequence},
                       {QStringLiteral("hash"), encode(head.hash)},
                       {QStringLiteral("commit"), head.commit}};
}

// Format and version first, so a file from another program or version gets a sentence of its own.
Status checkFormatAndVersion(const QJsonObject& root)
{
    if (root.value(QLatin1String("format")).toString() != QLatin1String(KeySlotFormat::FormatName)) {
        return makeError(ErrorCode::StoreCorrupt, FileTr::tr("This is not a Confer key file."),
                         QStringLiteral("format member missing or different"));
    }
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const qint64 version = versionValue.isDouble() ? versionValue.toInteger(-1) : -1;
    if (version > KeySlotFile::FormatVersion) {
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
    if (version != KeySlotFile::FormatVersion)
        return damaged(QStringLiteral("version member missing or unknown"));
    const QStringList present = root.keys();
    if (QSet<QString>(present.begin(), present.end()) != TopLevelKeys)
        return damaged(QStringLiteral("missing or unknown top-level members"));
    return {};
}

// The members that describe the store rather than one user: its id, device binding, KDF and generation.
Status readStoreMembers(const QJsonObject& root, KeySlotFile& file)
{
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
    return {};
}

// Each login and each slot id at most once: a second slot for a login would make unlock ambiguous.
Status readSlots(const QJsonObject& root, KeySlotFile& file)
{
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
    return {};
}

// null when the store has no recovery key.
Status readRecovery(const QJsonObject& root, KeySlotFile& file)
{
    const QJsonValue recoveryValue = root.value(QLatin1String("recovery"));
    if (recoveryValue.isNull())
        return {};
    auto recovery = recoveryFromJson(recoveryValue);
    if (!recovery.ok())
        return recovery.error();
    file.recovery = *recovery;
    return {};
}

Result<AuditHead> headFromJson(const QJsonValue& value)
{
    auto headJson = object(value, HeadKeys, QStringLiteral("auditHead"));
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
                            {0, KeySlotFormat::HeadHashSize});
    if (!hash.ok())
        return hash.error();
    return AuditHead{*sequence, *hash, *commit};
}

} // namespace

Error KeySlotJson::damaged(const QString& detail)
{
    return makeError(
        ErrorCode::StoreCorrupt,
        FileTr::tr("The key file beside the store is damaged, so the store cannot be opened with "
                   "it. Restore the store folder from a backup, or use the recovery key."),
        detail);
}

// Everything but the MAC, in Qt's compact form (members sorted by name): the bytes the MAC covers.
QJsonObject KeySlotJson::body(const KeySlotFile& file)
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
        {QStringLiteral("format"), QString::fromLatin1(KeySlotFormat::FormatName)},
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

QByteArray KeySlotJson::write(const KeySlotFile& file)
{
    QJsonObject root = body(file);
    root.insert(QStringLiteral("mac"), encode(file.mac));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// The members are read in the order of the format, so the first problem reported is always the same.
Result<KeySlotFile> KeySlotJson::read(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(QStringLiteral("not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (Status known = checkFormatAndVersion(root); !known.ok())
        return known.error();

    KeySlotFile file;
    if (Status store = readStoreMembers(root, file); !store.ok())
        return store.error();
    if (Status users = readSlots(root, file); !users.ok())
        return users.error();
    if (Status recovery = readRecovery(root, file); !recovery.ok())
        return recovery.error();
    auto head = headFromJson(root.value(QLatin1String("auditHead")));
    if (!head.ok())
        return head.error();
    file.auditHead = *head;
    auto mac = decodeSized(root.value(QLatin1String("mac")), QStringLiteral("mac"), {KeySlotFormat::MacSize});
    if (!mac.ok())
        return mac.error();
    file.mac = *mac;
    return file;
}

} // namespace confer
