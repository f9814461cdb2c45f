#include "audit/AuditAnchorFile.h"

#include "crypto/Sodium.h"
#include "files/SafeFile.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sodium.h>

#include <optional>

namespace confer {

namespace {

constexpr char FormatName[] = "confer-anchor";
constexpr char MacContext[] = "confer-anchor-mac-v1";
constexpr int FormatVersion = 1;
constexpr qint64 MaxFileBytes = 64 * 1024;
constexpr qsizetype HashSize = 32;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::AuditAnchorFile)
};

Error altered(const QString& detail)
{
    return makeError(ErrorCode::AuditChainBroken,
                     Tr::tr("The audit record kept beside the store has been altered or belongs to another "
                            "store, so Confer cannot tell whether the store is complete."),
                     detail);
}

void appendField(QByteArray& out, const QByteArray& field)
{
    const auto size = static_cast<quint32>(field.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((size >> shift) & 0xff));
    out.append(field);
}

QByteArray mac(const QString& storeId, const AuditHead& head, qint64 generation, const SecureBytes& auditKey)
{
    QByteArray message;
    appendField(message, QByteArray(MacContext));
    appendField(message, storeId.toUtf8());
    appendField(message, QByteArray::number(head.sequence));
    appendField(message, head.hash);
    appendField(message, QByteArray::number(head.commit));
    appendField(message, QByteArray::number(generation));
    QByteArray out(crypto_auth_hmacsha256_BYTES, '\0');
    if (!ensureSodium() || auditKey.size() != crypto_auth_hmacsha256_KEYBYTES)
        return QByteArray();
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(out.data()),
                           reinterpret_cast<const unsigned char*>(message.constData()),
                           static_cast<unsigned long long>(message.size()), auditKey.data());
    return out;
}

} // namespace

QByteArray AuditAnchorFile::encode(const QString& storeId, const AuditHead& head, const SecureBytes& auditKey,
                                   qint64 keySlotGeneration)
{
    const QJsonObject root{
        {QStringLiteral("format"), QString::fromLatin1(FormatName)},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("storeId"), storeId},
        {QStringLiteral("sequence"), head.sequence},
        {QStringLiteral("hash"), QString::fromLatin1(head.hash.toBase64())},
        {QStringLiteral("commit"), head.commit},
        {QStringLiteral("keySlotGeneration"), keySlotGeneration},
        {QStringLiteral("mac"),
         QString::fromLatin1(mac(storeId, head, keySlotGeneration, auditKey).toBase64())},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<AuditHead> AuditAnchorFile::decode(const QByteArray& bytes, const QString& storeId,
                                          const SecureBytes& auditKey, qint64* keySlotGeneration)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return altered(QStringLiteral("anchor is not a JSON object"));
    const QJsonObject root = document.object();
    static const QSet<QString> members = {QStringLiteral("format"),
                                          QStringLiteral("version"),
                                          QStringLiteral("storeId"),
                                          QStringLiteral("sequence"),
                                          QStringLiteral("hash"),
                                          QStringLiteral("commit"),
                                          QStringLiteral("keySlotGeneration"),
                                          QStringLiteral("mac")};
    const QStringList present = root.keys();
    if (QSet<QString>(present.begin(), present.end()) != members ||
        root.value(QLatin1String("format")).toString() != QLatin1String(FormatName) ||
        root.value(QLatin1String("version")).toInteger(-1) != FormatVersion)
        return altered(QStringLiteral("anchor members, format or version differ"));
    if (root.value(QLatin1String("storeId")).toString() != storeId)
        return altered(QStringLiteral("anchor names another store"));
    AuditHead head;
    head.sequence = root.value(QLatin1String("sequence")).toInteger(-1);
    head.commit = root.value(QLatin1String("commit")).toInteger(-1);
    // Strict base64, as in the key file: one reading per file.
    const auto strict = [](const QJsonValue& value) -> std::optional<QByteArray> {
        const QByteArray text = value.toString().toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!value.isString() || !decoded || decoded.decoded.toBase64() != text)
            return std::nullopt;
        return decoded.decoded;
    };
    const auto hash = strict(root.value(QLatin1String("hash")));
    const auto givenMacBytes = strict(root.value(QLatin1String("mac")));
    if (!hash || !givenMacBytes)
        return altered(QStringLiteral("anchor hash or MAC is not base64"));
    head.hash = *hash;
    const QByteArray givenMac = *givenMacBytes;
    if (head.sequence < 0 || head.commit < 0 || (head.sequence > 0 && head.hash.size() != HashSize))
        return altered(QStringLiteral("anchor values out of range"));
    const qint64 generation = root.value(QLatin1String("keySlotGeneration")).toInteger(-1);
    if (generation < 0)
        return altered(QStringLiteral("anchor key-slot generation out of range"));
    const QByteArray expected = mac(storeId, head, generation, auditKey);
    if (expected.isEmpty() || givenMac.size() != expected.size() ||
        sodium_memcmp(givenMac.constData(), expected.constData(),
                      static_cast<std::size_t>(expected.size())) != 0)
        return altered(QStringLiteral("anchor MAC does not verify"));
    if (keySlotGeneration)
        *keySlotGeneration = generation;
    return head;
}

Result<AuditHead> AuditAnchorFile::load(const QString& path, const QString& storeId,
                                        const SecureBytes& auditKey, qint64* keySlotGeneration)
{
    auto bytes = SafeFile::read(path, MaxFileBytes);
    if (!bytes.ok()) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             Tr::tr("The audit record kept beside the store (confer.anchor) is missing, so "
                                    "Confer cannot tell whether the store is complete."),
                             bytes.error().detail);
        if (bytes.error().code == ErrorCode::Io)
            return bytes.error();
        return altered(bytes.error().detail);
    }
    return decode(*bytes, storeId, auditKey, keySlotGeneration);
}

Status AuditAnchorFile::save(const QString& path, const QString& storeId, const AuditHead& head,
                             const SecureBytes& auditKey, bool allowBackwards, qint64 keySlotGeneration)
{
    if (!allowBackwards) {
        // A valid anchor of this store further along than head means this session's view is older
        // than the files: never move the anchor back.
        auto current = load(path, storeId, auditKey);
        // Equal sequence with another hash is another history of the same store: not ours to overwrite.
        if (current.ok() && (current->sequence > head.sequence || current->commit > head.commit ||
                             (current->sequence == head.sequence && current->hash != head.hash))) {
            return makeError(
                ErrorCode::AuditChainBroken,
                Tr::tr("The audit record beside the store is further along than this store, so "
                       "Confer did not move it back. Another copy of the store may be in use."),
                QStringLiteral("anchor at %1, head at %2").arg(current->sequence).arg(head.sequence));
        }
    }
    const QByteArray bytes = encode(storeId, head, auditKey, keySlotGeneration);
    return SafeFile::replace(path, bytes, [&](const QByteArray& readBack) -> Status {
        auto parsed = decode(readBack, storeId, auditKey);
        if (!parsed.ok())
            return parsed.error();
        return {};
    });
}

} // namespace confer
