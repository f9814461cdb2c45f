#include "keys/KeySlotFile.h"

#include "crypto/Sodium.h"
#include "files/SafeFile.h"
#include "keys/KeySlotFormat.h"
#include "keys/KeySlotJson.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <sodium.h>

namespace confer {

namespace {

// Far above any real file (a slot is about 600 bytes); a bigger one is not ours.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

struct FileTr {
    Q_DECLARE_TR_FUNCTIONS(confer::KeySlotFile)
};

const unsigned char* bytesOf(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

// The MAC covers the compact JSON of everything but itself, after a context and a NUL.
QByteArray computeMac(const KeySlotFile& file, const SecureBytes& auditKey)
{
    QByteArray message = QByteArray(KeySlotFormat::MacContext);
    message.append('\0');
    message.append(QJsonDocument(KeySlotJson::body(file)).toJson(QJsonDocument::Compact));
    QByteArray mac(KeySlotFormat::MacSize, '\0');
    if (auditKey.size() != crypto_auth_hmacsha256_KEYBYTES)
        return QByteArray();
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()), bytesOf(message),
                           static_cast<unsigned long long>(message.size()), auditKey.data());
    return mac;
}

} // namespace

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
    return expected.size() == KeySlotFormat::MacSize && mac.size() == KeySlotFormat::MacSize &&
           sodium_memcmp(expected.constData(), mac.constData(), KeySlotFormat::MacSize) == 0;
}

QString KeySlotFile::randomId()
{
    if (!ensureSodium())
        return {};
    QByteArray bytes(static_cast<qsizetype>(KeySlotFormat::IdBytes), Qt::Uninitialized);
    randombytes_buf(bytes.data(), KeySlotFormat::IdBytes);
    return QString::fromLatin1(bytes.toHex());
}

QByteArray KeySlotFile::toJson() const
{
    return KeySlotJson::write(*this);
}

Result<KeySlotFile> KeySlotFile::fromJson(const QByteArray& json)
{
    return KeySlotJson::read(json);
}

Result<KeySlotFile> KeySlotFile::load(const QString& path)
{
    auto bytes = SafeFile::read(path, MaxFileBytes);
    if (!bytes.ok()) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, FileTr::tr("There is no key file beside the store."),
                             bytes.error().detail);
        return bytes.error().code == ErrorCode::StoreCorrupt ? KeySlotJson::damaged(bytes.error().detail)
                                                             : bytes.error();
    }
    if (bytes->isEmpty())
        return KeySlotJson::damaged(QStringLiteral("file is empty"));
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

} // namespace confer
