#include "keys/KeySlotFile.h"

#include "TestStoreDir.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>
#include <utility>
#include <vector>

using namespace confer;

namespace {
const QString SecretId = QStringLiteral("0123456789abcdef0123456789abcdef");

QByteArray filled(int size, char value)
{
    return QByteArray(size, value);
}

QString base64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// A fixed audit key, so every sample file carries a MAC that verifies.
SecureBytes auditKey(unsigned char from = 0x10)
{
    SecureBytes key(32);
    for (unsigned char i = 0; i < 32; ++i)
        key.data()[i] = static_cast<unsigned char>(from + i);
    return key;
}

// Sizes as the format fixes them: nonce 24, sealed X25519 secret key 32 + tag 16, public key 32,
// store key box (store id 16 + store key 32 + crypto_box_SEALBYTES 48).
constexpr int NonceSize = 24;
constexpr int SealedKeySize = 48;
constexpr int PublicKeySize = 32;
constexpr int BoxSize = 96;

KeySlot sampleSlot(const QString& login, char seed)
{
    KeySlot slot;
    slot.slotId = KeySlotFile::randomId();
    slot.login = login;
    slot.salt = filled(16, seed);
    slot.kdf = KdfParams{3, 64u << 20};
    slot.deviceSecretId = SecretId;
    slot.userSecretKey = Sealed{filled(NonceSize, static_cast<char>(seed + 1)),
                                filled(SealedKeySize, static_cast<char>(seed + 2))};
    slot.publicKey = filled(PublicKeySize, static_cast<char>(seed + 3));
    slot.storeKeyBox = filled(BoxSize, static_cast<char>(seed + 4));
    return slot;
}

KeySlotFile sampleFile()
{
    KeySlotFile file;
    file.storeId = KeySlotFile::randomId();
    file.isDeviceBound = true;
    file.deviceSecretId = SecretId;
    file.defaultKdf = KdfParams{5, 256u << 20};
    file.generation = 3;
    file.userSlots = {sampleSlot(QStringLiteral("alice"), 'a'), sampleSlot(QStringLiteral("bob"), 'b')};
    file.userSlots[1].pendingStoreKeyBox = filled(BoxSize, 'p');
    file.recovery = RecoverySlot{filled(PublicKeySize, 'r'), filled(BoxSize, 's'), QByteArray()};
    file.auditHead = AuditHead{42, filled(32, 'h'), 17};
    file.sign(auditKey());
    return file;
}

void expectSameSlot(const KeySlot& a, const KeySlot& b)
{
    EXPECT_EQ(a.slotId, b.slotId);
    EXPECT_EQ(a.login, b.login);
    EXPECT_EQ(a.salt, b.salt);
    EXPECT_EQ(a.kdf, b.kdf);
    EXPECT_EQ(a.deviceSecretId, b.deviceSecretId);
    EXPECT_EQ(a.userSecretKey.nonce, b.userSecretKey.nonce);
    EXPECT_EQ(a.userSecretKey.ciphertext, b.userSecretKey.ciphertext);
    EXPECT_EQ(a.publicKey, b.publicKey);
    EXPECT_EQ(a.storeKeyBox, b.storeKeyBox);
    EXPECT_EQ(a.pendingStoreKeyBox, b.pendingStoreKeyBox);
}

void expectSameFile(const KeySlotFile& a, const KeySlotFile& b)
{
    EXPECT_EQ(a.storeId, b.storeId);
    EXPECT_EQ(a.isDeviceBound, b.isDeviceBound);
    EXPECT_EQ(a.deviceSecretId, b.deviceSecretId);
    EXPECT_EQ(a.defaultKdf, b.defaultKdf);
    EXPECT_EQ(a.generation, b.generation);
    ASSERT_EQ(a.userSlots.size(), b.userSlots.size());
    for (qsizetype i = 0; i < a.userSlots.size(); ++i)
        expectSameSlot(a.userSlots[i], b.userSlots[i]);
    ASSERT_EQ(a.recovery.has_value(), b.recovery.has_value());
    if (a.recovery) {
        EXPECT_EQ(a.recovery->publicKey, b.recovery->publicKey);
        EXPECT_EQ(a.recovery->storeKeyBox, b.recovery->storeKeyBox);
        EXPECT_EQ(a.recovery->pendingStoreKeyBox, b.recovery->pendingStoreKeyBox);
    }
    EXPECT_EQ(a.auditHead, b.auditHead);
    EXPECT_EQ(a.mac, b.mac);
}

QJsonObject sampleJson()
{
    return QJsonDocument::fromJson(sampleFile().toJson()).object();
}

QJsonObject firstSlot(const QJsonObject& root)
{
    return root.value(QLatin1String("slots")).toArray().at(0).toObject();
}

QJsonObject withFirstSlot(QJsonObject root, const QJsonObject& slot)
{
    QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
    slotArray[0] = slot;
    root[QStringLiteral("slots")] = slotArray;
    return root;
}

QJsonObject withSlotField(const QString& key, const QJsonValue& value)
{
    const QJsonObject root = sampleJson();
    QJsonObject slot = firstSlot(root);
    slot[key] = value;
    return withFirstSlot(root, slot);
}

QJsonObject withoutSlotField(const QString& key)
{
    const QJsonObject root = sampleJson();
    QJsonObject slot = firstSlot(root);
    slot.remove(key);
    return withFirstSlot(root, slot);
}

QJsonObject withField(const QString& key, const QJsonValue& value)
{
    QJsonObject root = sampleJson();
    root[key] = value;
    return root;
}

QJsonObject without(const QString& key)
{
    QJsonObject root = sampleJson();
    root.remove(key);
    return root;
}

QJsonObject withMember(const QString& object, const QString& key, const QJsonValue& value)
{
    QJsonObject root = sampleJson();
    QJsonObject inner = root.value(object).toObject();
    if (value.isUndefined())
        inner.remove(key);
    else
        inner[key] = value;
    root[object] = inner;
    return root;
}

void expectCorrupt(const QByteArray& json, const char* why)
{
    auto file = KeySlotFile::fromJson(json);
    ASSERT_FALSE(file.ok()) << why;
    EXPECT_EQ(file.error().code, ErrorCode::StoreCorrupt) << why;
    EXPECT_FALSE(file.error().message.isEmpty()) << why;
}

void expectCorrupt(const QJsonObject& json, const char* why)
{
    expectCorrupt(QJsonDocument(json).toJson(), why);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

mode_t modeOf(const QString& path)
{
    struct stat info {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_mode & 0777;
}

ino_t inodeOf(const QString& path)
{
    struct stat info {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_ino;
}

// A version-1 file as the development builds wrote it (the old test vector).
const char* const DevelopmentFileV1 = R"json({
    "format": "confer-keyslots",
    "version": 1,
    "storeId": "00112233445566778899aabbccddeeff",
    "deviceBound": true,
    "deviceSecretId": "ffeeddccbbaa99887766554433221100",
    "defaultKdf": {
        "opsLimit": 1,
        "memLimitBytes": 8388608
    },
    "slots": [
        {
            "slotId": "0123456789abcdef0123456789abcdef",
            "login": "alice",
            "salt": "EBESExQVFhcYGRobHB0eHw==",
            "kdf": {
                "opsLimit": 1,
                "memLimitBytes": 8388608
            },
            "deviceSecretId": "ffeeddccbbaa99887766554433221100",
            "nonce": "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3",
            "ciphertext": "kli7jg+x47h6Yz8kMDqeSo2DmScB/Bg77QHBORqZxPaDu0mC+3ZduQIBe5ucAigz"
        }
    ],
    "recovery": {
        "nonce": "YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3",
        "ciphertext": "alFZlIkG/a2cA9oxUQhfJQhDYvlW6UoEFmEnAKQ5faWeoSm0GDkVO6A4ozB8wZI0"
    },
    "auditAnchor": {
        "sequence": 7,
        "hash": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    }
})json";
} // namespace

TEST(KeySlotFile, JsonRoundTripKeepsEveryField)
{
    const KeySlotFile original = sampleFile();
    auto parsed = KeySlotFile::fromJson(original.toJson());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    expectSameFile(original, *parsed);
    EXPECT_TRUE(parsed->verifyMac(auditKey()));
    EXPECT_TRUE(parsed->hasPendingKey());
}

TEST(KeySlotFile, UnboundFileWithoutRecoveryOrEventsRoundTrips)
{
    KeySlotFile original = sampleFile();
    original.isDeviceBound = false;
    original.deviceSecretId.clear();
    for (KeySlot& slot : original.userSlots) {
        slot.deviceSecretId.clear();
        slot.pendingStoreKeyBox.clear();
    }
    original.recovery.reset();
    original.generation = 1;
    original.auditHead = AuditHead{};
    original.sign(auditKey());
    auto parsed = KeySlotFile::fromJson(original.toJson());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    expectSameFile(original, *parsed);
    EXPECT_FALSE(parsed->hasPendingKey());
    EXPECT_TRUE(parsed->verifyMac(auditKey()));
}

TEST(KeySlotFile, RecoveryPendingBoxAloneCountsAsAPendingKey)
{
    KeySlotFile file = sampleFile();
    file.userSlots[1].pendingStoreKeyBox.clear();
    EXPECT_FALSE(file.hasPendingKey());
    file.recovery->pendingStoreKeyBox = filled(BoxSize, 'q');
    EXPECT_TRUE(file.hasPendingKey());
    file.sign(auditKey());
    auto parsed = KeySlotFile::fromJson(file.toJson());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    EXPECT_EQ(parsed->recovery->pendingStoreKeyBox, filled(BoxSize, 'q'));
}

TEST(KeySlotFile, JsonNamesItsFormatAndVersion)
{
    const QJsonObject root = sampleJson();
    EXPECT_EQ(root.value(QLatin1String("format")).toString(), QStringLiteral("confer-keyslots"));
    EXPECT_EQ(root.value(QLatin1String("version")).toInt(), 2);
    EXPECT_EQ(root.value(QLatin1String("generation")).toInt(), 3);
    EXPECT_EQ(firstSlot(root).value(QLatin1String("salt")).toString(), base64(filled(16, 'a')));
    EXPECT_EQ(firstSlot(root).value(QLatin1String("pendingStoreKeyBox")).toString(), QString());
    const QJsonObject head = root.value(QLatin1String("auditHead")).toObject();
    EXPECT_EQ(head.value(QLatin1String("sequence")).toInt(), 42);
    EXPECT_EQ(head.value(QLatin1String("commit")).toInt(), 17);
    EXPECT_EQ(QByteArray::fromBase64(root.value(QLatin1String("mac")).toString().toLatin1()).size(), 32);
    EXPECT_FALSE(root.contains(QLatin1String("auditAnchor")));
}

TEST(KeySlotFormat, DevelopmentVersionOneFileIsRefusedWithAClearMessage)
{
    auto file = KeySlotFile::fromJson(QByteArray(DevelopmentFileV1));
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(file.error().message.contains(QStringLiteral("development version")))
        << file.error().message.toStdString();

    // Also through load(): what unlock sees.
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(DevelopmentFileV1);
    out.close();
    auto loaded = KeySlotFile::load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(loaded.error().message.contains(QStringLiteral("development version")));
}

TEST(KeySlotFormat, VersionTwoMacCatchesAnyEditedMember)
{
    const QJsonObject original = sampleJson();
    {
        auto untouched = KeySlotFile::fromJson(QJsonDocument(original).toJson());
        ASSERT_TRUE(untouched.ok());
        ASSERT_TRUE(untouched->verifyMac(auditKey()));
        EXPECT_FALSE(untouched->verifyMac(auditKey(0x11))) << "another store's audit key";
        EXPECT_FALSE(untouched->verifyMac(SecureBytes())) << "no key at all";
    }

    auto slotEdit = [](int index, const QString& key, const QJsonValue& value) {
        return [=](QJsonObject& root) {
            QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
            QJsonObject slot = slotArray.at(index).toObject();
            slot[key] = value;
            slotArray[index] = slot;
            root[QStringLiteral("slots")] = slotArray;
        };
    };
    auto memberEdit = [](const QString& object, const QString& key, const QJsonValue& value) {
        return [=](QJsonObject& root) {
            QJsonObject inner = root.value(object).toObject();
            inner[key] = value;
            root[object] = inner;
        };
    };
    // Every edit keeps the file well formed, so only the MAC can catch it.
    const std::vector<std::pair<const char*, std::function<void(QJsonObject&)>>> edits = {
        {"deviceBound flipped",
         [](QJsonObject& root) {
             root[QStringLiteral("deviceBound")] = false;
             root[QStringLiteral("deviceSecretId")] = QString();
             QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
             for (qsizetype i = 0; i < slotArray.size(); ++i) {
                 QJsonObject slot = slotArray.at(i).toObject();
                 slot[QStringLiteral("deviceSecretId")] = QString();
                 slotArray[i] = slot;
             }
             root[QStringLiteral("slots")] = slotArray;
         }},
        {"generation lowered", [](QJsonObject& root) { root[QStringLiteral("generation")] = 2; }},
        {"generation raised", [](QJsonObject& root) { root[QStringLiteral("generation")] = 4; }},
        {"storeId", [](QJsonObject& root) { root[QStringLiteral("storeId")] = KeySlotFile::randomId(); }},
        {"deviceSecretId",
         [](QJsonObject& root) { root[QStringLiteral("deviceSecretId")] = KeySlotFile::randomId(); }},
        {"defaultKdf", memberEdit(QStringLiteral("defaultKdf"), QStringLiteral("opsLimit"), 1)},
        {"slot login", slotEdit(0, QStringLiteral("login"), QStringLiteral("mallory"))},
        {"slot login case", slotEdit(0, QStringLiteral("login"), QStringLiteral("Alice"))},
        {"slot id", slotEdit(0, QStringLiteral("slotId"), KeySlotFile::randomId())},
        {"slot publicKey", slotEdit(0, QStringLiteral("publicKey"), base64(filled(PublicKeySize, 'X')))},
        {"slot storeKeyBox", slotEdit(1, QStringLiteral("storeKeyBox"), base64(filled(BoxSize, 'X')))},
        {"slot pending box dropped", slotEdit(1, QStringLiteral("pendingStoreKeyBox"), QString())},
        {"slot kdf",
         slotEdit(0, QStringLiteral("kdf"),
                  QJsonObject{{QStringLiteral("opsLimit"), 1}, {QStringLiteral("memLimitBytes"), 8192}})},
        {"slots swapped",
         [](QJsonObject& root) {
             QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
             const QJsonValue first = slotArray.at(0);
             slotArray[0] = slotArray.at(1);
             slotArray[1] = first;
             root[QStringLiteral("slots")] = slotArray;
         }},
        {"slot removed",
         [](QJsonObject& root) {
             QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
             slotArray.removeAt(1);
             root[QStringLiteral("slots")] = slotArray;
         }},
        {"recovery removed", [](QJsonObject& root) { root[QStringLiteral("recovery")] = QJsonValue(); }},
        {"recovery publicKey", memberEdit(QStringLiteral("recovery"), QStringLiteral("publicKey"),
                                          base64(filled(PublicKeySize, 'X')))},
        {"auditHead sequence", memberEdit(QStringLiteral("auditHead"), QStringLiteral("sequence"), 41)},
        {"auditHead hash",
         memberEdit(QStringLiteral("auditHead"), QStringLiteral("hash"), base64(filled(32, 'H')))},
        {"auditHead commit", memberEdit(QStringLiteral("auditHead"), QStringLiteral("commit"), 16)},
        {"auditHead emptied",
         [](QJsonObject& root) {
             root[QStringLiteral("auditHead")] = QJsonObject{{QStringLiteral("sequence"), 0},
                                                             {QStringLiteral("hash"), QString()},
                                                             {QStringLiteral("commit"), 0}};
         }},
        {"mac flipped",
         [](QJsonObject& root) {
             QByteArray mac = QByteArray::fromBase64(root.value(QLatin1String("mac")).toString().toLatin1());
             mac[5] = static_cast<char>(mac[5] ^ 1);
             root[QStringLiteral("mac")] = base64(mac);
         }},
    };
    for (const auto& [what, edit] : edits) {
        QJsonObject edited = original;
        edit(edited);
        auto file = KeySlotFile::fromJson(QJsonDocument(edited).toJson());
        ASSERT_TRUE(file.ok()) << what << ": " << file.error().detail.toStdString();
        EXPECT_FALSE(file->verifyMac(auditKey())) << what;
        // Signed again with the key, the same edit is accepted: the MAC is what refused it.
        KeySlotFile resigned = *file;
        resigned.sign(auditKey());
        EXPECT_TRUE(resigned.verifyMac(auditKey())) << what;
    }
}

TEST(KeySlotFile, MacIsOverTheContentNotTheLayout)
{
    // Re-indenting the file (an editor saving it) keeps it valid.
    const QByteArray compact = QJsonDocument(sampleJson()).toJson(QJsonDocument::Compact);
    auto file = KeySlotFile::fromJson(compact);
    ASSERT_TRUE(file.ok());
    EXPECT_TRUE(file->verifyMac(auditKey()));
}

TEST(KeySlotFile, NewerVersionIsRefusedWithAClearMessage)
{
    auto file = KeySlotFile::fromJson(QJsonDocument(withField(QStringLiteral("version"), 3)).toJson());
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(file.error().message.contains(QStringLiteral("newer version")))
        << file.error().message.toStdString();
}

TEST(KeySlotFile, UnknownOrMissingVersionIsRefused)
{
    expectCorrupt(withField(QStringLiteral("version"), 0), "version 0");
    expectCorrupt(withField(QStringLiteral("version"), -2), "negative version");
    expectCorrupt(withField(QStringLiteral("version"), QStringLiteral("2")), "version as a string");
    expectCorrupt(withField(QStringLiteral("version"), 1.5), "fractional version");
    expectCorrupt(without(QStringLiteral("version")), "no version");
}

TEST(KeySlotFile, ForeignJsonIsRefused)
{
    auto file = KeySlotFile::fromJson(
        QJsonDocument(withField(QStringLiteral("format"), QStringLiteral("x"))).toJson());
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, ErrorCode::StoreCorrupt);
    EXPECT_EQ(file.error().message, QStringLiteral("This is not a Confer key file."));
}

TEST(KeySlotFile, MalformedFilesAreRefused)
{
    expectCorrupt(QByteArray(), "empty");
    expectCorrupt(QByteArray("{\"format\": \"confer-keyslots\", "), "truncated JSON");
    expectCorrupt(QByteArray("[1, 2]"), "array at top level");
    for (const char* member : {"storeId", "deviceBound", "deviceSecretId", "defaultKdf", "generation",
                               "slots", "recovery", "auditHead", "mac"}) {
        expectCorrupt(without(QLatin1String(member)), member);
    }
    expectCorrupt(withField(QStringLiteral("extra"), true), "unknown member");
    expectCorrupt(withField(QStringLiteral("auditAnchor"), QJsonObject{{QStringLiteral("sequence"), 0},
                                                                       {QStringLiteral("hash"), QString()}}),
                  "version 1's auditAnchor member beside the new ones");
    expectCorrupt(withField(QStringLiteral("storeId"), QStringLiteral("ABCDEF")), "short storeId");
    expectCorrupt(withField(QStringLiteral("storeId"), QStringLiteral("0123456789ABCDEF0123456789ABCDEF")),
                  "upper-case storeId");
    expectCorrupt(withField(QStringLiteral("deviceBound"), QStringLiteral("yes")), "deviceBound not a bool");
    expectCorrupt(withField(QStringLiteral("deviceSecretId"), QString()), "bound store without a secret id");
    expectCorrupt(withField(QStringLiteral("slots"), QJsonObject()), "slots not an array");
    expectCorrupt(
        withField(QStringLiteral("defaultKdf"),
                  QJsonObject{{QStringLiteral("opsLimit"), 0}, {QStringLiteral("memLimitBytes"), 1024}}),
        "zero passes");
    expectCorrupt(withField(QStringLiteral("generation"), 0), "generation 0");
    expectCorrupt(withField(QStringLiteral("generation"), -1), "negative generation");
    expectCorrupt(withField(QStringLiteral("generation"), 2.5), "fractional generation");
    expectCorrupt(withField(QStringLiteral("generation"), QStringLiteral("3")), "generation as a string");
    expectCorrupt(withField(QStringLiteral("mac"), QString()), "empty mac");
    expectCorrupt(withField(QStringLiteral("mac"), base64(filled(31, 'm'))), "short mac");
    expectCorrupt(withField(QStringLiteral("mac"), base64(filled(33, 'm'))), "long mac");
    expectCorrupt(withField(QStringLiteral("mac"), QStringLiteral("not base64!")), "mac not base64");
}

TEST(KeySlotFile, MalformedAuditHeadIsRefused)
{
    const QString head = QStringLiteral("auditHead");
    expectCorrupt(withField(head, QJsonValue()), "auditHead null");
    expectCorrupt(withField(head, 42), "auditHead not an object");
    expectCorrupt(withMember(head, QStringLiteral("sequence"), -1), "negative sequence");
    expectCorrupt(withMember(head, QStringLiteral("sequence"), QStringLiteral("42")), "sequence as a string");
    expectCorrupt(withMember(head, QStringLiteral("sequence"), QJsonValue::Undefined), "no sequence");
    expectCorrupt(withMember(head, QStringLiteral("commit"), -1), "negative commit");
    expectCorrupt(withMember(head, QStringLiteral("commit"), 1.5), "fractional commit");
    expectCorrupt(withMember(head, QStringLiteral("commit"), QJsonValue::Undefined), "no commit");
    expectCorrupt(withMember(head, QStringLiteral("hash"), base64(filled(31, 'h'))), "short head hash");
    expectCorrupt(withMember(head, QStringLiteral("hash"), QJsonValue::Undefined), "no hash");
    expectCorrupt(withMember(head, QStringLiteral("extra"), 1), "unknown head member");
}

TEST(KeySlotFile, MalformedRecoveryIsRefused)
{
    const QString recovery = QStringLiteral("recovery");
    expectCorrupt(withField(recovery, QJsonObject{{QStringLiteral("nonce"), QStringLiteral("AA==")}}),
                  "version 1's recovery members");
    expectCorrupt(withField(recovery, QStringLiteral("none")), "recovery not an object");
    expectCorrupt(withMember(recovery, QStringLiteral("publicKey"), base64(filled(31, 'r'))),
                  "short public key");
    expectCorrupt(withMember(recovery, QStringLiteral("storeKeyBox"), base64(filled(BoxSize - 1, 's'))),
                  "short box");
    expectCorrupt(withMember(recovery, QStringLiteral("storeKeyBox"), QString()), "empty current box");
    expectCorrupt(
        withMember(recovery, QStringLiteral("pendingStoreKeyBox"), base64(filled(BoxSize + 1, 's'))),
        "long pending box");
    expectCorrupt(withMember(recovery, QStringLiteral("pendingStoreKeyBox"), QJsonValue::Undefined),
                  "no pending box member");
    expectCorrupt(withMember(recovery, QStringLiteral("extra"), 1), "unknown recovery member");
}

TEST(KeySlotFile, MalformedSlotsAreRefused)
{
    expectCorrupt(withSlotField(QStringLiteral("salt"), QStringLiteral("not base64!")), "salt not base64");
    expectCorrupt(withSlotField(QStringLiteral("salt"), base64(filled(15, 'a'))), "short salt");
    expectCorrupt(withSlotField(QStringLiteral("salt"), base64(filled(16, 'a')).chopped(2)),
                  "unpadded (non-canonical) base64");
    expectCorrupt(withSlotField(QStringLiteral("salt"), 16), "salt as a number");
    expectCorrupt(withSlotField(QStringLiteral("nonce"), base64(filled(12, 'n'))), "short nonce");
    expectCorrupt(withSlotField(QStringLiteral("ciphertext"), base64(filled(15, 'c'))),
                  "ciphertext shorter than its tag");
    expectCorrupt(withSlotField(QStringLiteral("ciphertext"), base64(filled(SealedKeySize + 1, 'c'))),
                  "ciphertext longer than a sealed X25519 key");
    expectCorrupt(withSlotField(QStringLiteral("publicKey"), base64(filled(31, 'k'))), "short public key");
    expectCorrupt(withSlotField(QStringLiteral("publicKey"), QString()), "empty public key");
    expectCorrupt(withSlotField(QStringLiteral("storeKeyBox"), base64(filled(BoxSize - 1, 'x'))),
                  "short box");
    expectCorrupt(withSlotField(QStringLiteral("storeKeyBox"), QString()), "empty current box");
    expectCorrupt(withSlotField(QStringLiteral("pendingStoreKeyBox"), base64(filled(48, 'x'))),
                  "pending box of the wrong size");
    expectCorrupt(withSlotField(QStringLiteral("login"), QString()), "empty login");
    expectCorrupt(withSlotField(QStringLiteral("login"), 7), "login as a number");
    expectCorrupt(withSlotField(QStringLiteral("slotId"), QStringLiteral("1234")), "short slot id");
    expectCorrupt(withSlotField(QStringLiteral("kdf"), QStringLiteral("argon2id")), "kdf not an object");
    expectCorrupt(
        withSlotField(QStringLiteral("kdf"), QJsonObject{{QStringLiteral("opsLimit"), QStringLiteral("3")},
                                                         {QStringLiteral("memLimitBytes"), 65536}}),
        "passes as a string");
    expectCorrupt(withSlotField(QStringLiteral("kdf"), QJsonObject{{QStringLiteral("opsLimit"), 3},
                                                                   {QStringLiteral("memLimitBytes"), 0}}),
                  "no memory");
    expectCorrupt(withSlotField(QStringLiteral("deviceSecretId"), QString()),
                  "bound slot without a secret id");
    expectCorrupt(withSlotField(QStringLiteral("surplus"), 1), "unknown slot member");
    expectCorrupt(withSlotField(QStringLiteral("sealed"), QJsonObject()), "version 1 spelling of a member");
    for (const char* member : {"slotId", "login", "salt", "kdf", "deviceSecretId", "nonce", "ciphertext",
                               "publicKey", "storeKeyBox", "pendingStoreKeyBox"}) {
        expectCorrupt(withoutSlotField(QLatin1String(member)), member);
    }

    QJsonObject root = sampleJson();
    QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
    QJsonObject twin = slotArray.at(1).toObject();
    twin[QStringLiteral("login")] = QStringLiteral("ALICE");
    slotArray[1] = twin;
    root[QStringLiteral("slots")] = slotArray;
    expectCorrupt(root, "two slots for one login");

    root = sampleJson();
    slotArray = root.value(QLatin1String("slots")).toArray();
    twin = slotArray.at(1).toObject();
    twin[QStringLiteral("slotId")] = firstSlot(root).value(QLatin1String("slotId"));
    slotArray[1] = twin;
    root[QStringLiteral("slots")] = slotArray;
    expectCorrupt(root, "two slots with one slot id");
}

TEST(KeySlotFile, UnboundStoreMayNotNameADeviceSecret)
{
    QJsonObject root = sampleJson();
    root[QStringLiteral("deviceBound")] = false;
    expectCorrupt(root, "unbound store with a secret id");
    root[QStringLiteral("deviceSecretId")] = QString();
    expectCorrupt(root, "unbound store whose slots name a secret");
}

TEST(KeySlotFile, SaveThenLoadGivesTheSameFile)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    const KeySlotFile original = sampleFile();
    ASSERT_TRUE(original.save(path).ok());
    auto loaded = KeySlotFile::load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail.toStdString();
    expectSameFile(original, *loaded);
    EXPECT_TRUE(loaded->verifyMac(auditKey()));
}

TEST(KeySlotFile, SavedFileIsReadableByTheOwnerOnly)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    EXPECT_EQ(modeOf(path), 0600u);

    // A file someone loosened is tightened again on the next save.
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    ASSERT_TRUE(sampleFile().save(path).ok());
    EXPECT_EQ(modeOf(path), 0600u);
}

TEST(KeySlotFile, SaveReplacesTheFileByRenameAndLeavesNothingBeside)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    const ino_t firstInode = inodeOf(path);

    KeySlotFile changed = sampleFile();
    changed.generation = 4;
    changed.auditHead.sequence = 43;
    changed.sign(auditKey());
    ASSERT_TRUE(changed.save(path).ok());
    // A new inode means a new file was renamed over the old one: readers never see it half-written.
    EXPECT_NE(inodeOf(path), firstInode);
    EXPECT_EQ(readAll(path), changed.toJson());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("confer.keyslots")});
}

TEST(KeySlotFile, RefusedSaveLeavesTheOldFileUntouched)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    const QByteArray before = readAll(path);

    KeySlotFile broken = sampleFile();
    broken.userSlots[0].salt = QByteArray(3, 'x'); // would not read back
    Status saved = broken.save(path);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(readAll(path), before);

    KeySlotFile unsigned_ = sampleFile();
    unsigned_.mac.clear(); // a file without its MAC would be refused at the next unlock
    saved = unsigned_.save(path);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(readAll(path), before);

    KeySlotFile noGeneration = sampleFile();
    noGeneration.generation = 0;
    noGeneration.sign(auditKey());
    EXPECT_FALSE(noGeneration.save(path).ok());
    EXPECT_EQ(readAll(path), before);
}

TEST(KeySlotFile, SaveIntoAMissingDirectoryFailsAsIo)
{
    test::TestStoreDir dir;
    Status saved = sampleFile().save(dir.file(QStringLiteral("no-such-dir/confer.keyslots")));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::Io);
}

TEST(KeySlotFile, MissingFileIsNotFound)
{
    test::TestStoreDir dir;
    auto loaded = KeySlotFile::load(dir.file(QStringLiteral("confer.keyslots")));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::NotFound);
}

TEST(KeySlotFile, SymlinkIsNeitherReadNorWrittenThrough)
{
    test::TestStoreDir dir;
    const QString target = dir.file(QStringLiteral("elsewhere"));
    ASSERT_TRUE(sampleFile().save(target).ok());
    const QByteArray targetBytes = readAll(target);
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_EQ(::symlink("elsewhere", QFile::encodeName(path).constData()), 0);

    auto loaded = KeySlotFile::load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::InvalidInput);

    KeySlotFile changed = sampleFile();
    changed.generation = 9;
    changed.sign(auditKey());
    EXPECT_FALSE(changed.save(path).ok());
    EXPECT_EQ(readAll(target), targetBytes);
}

TEST(KeySlotFile, DamagedFileOnDiskIsStoreCorrupt)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.resize(file.size() / 2);
    file.close();
    auto loaded = KeySlotFile::load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::StoreCorrupt);

    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.close();
    loaded = KeySlotFile::load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::StoreCorrupt) << "empty file";
}

TEST(KeySlotFile, OversizedFileIsRefusedWithoutParsing)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(5 * 1024 * 1024, ' '));
    file.close();
    auto loaded = KeySlotFile::load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::StoreCorrupt);
}

TEST(KeySlotFile, SlotsAreFoundByLoginInAnyCase)
{
    KeySlotFile file = sampleFile();
    ASSERT_NE(file.slotFor(QStringLiteral("Alice")), nullptr);
    EXPECT_EQ(file.slotFor(QStringLiteral("Alice"))->login, QStringLiteral("alice"));
    EXPECT_EQ(file.slotFor(QStringLiteral("carol")), nullptr);
    EXPECT_EQ(file.logins(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
}

TEST(KeySlotFile, UpsertReplacesTheLoginsSlotAndRemoveDropsIt)
{
    KeySlotFile file = sampleFile();
    KeySlot replacement = sampleSlot(QStringLiteral("BOB"), 'z');
    file.upsertSlot(replacement);
    ASSERT_EQ(file.userSlots.size(), 2);
    EXPECT_EQ(file.slotFor(QStringLiteral("bob"))->slotId, replacement.slotId);
    file.upsertSlot(sampleSlot(QStringLiteral("carol"), 'c'));
    EXPECT_EQ(file.userSlots.size(), 3);
    EXPECT_TRUE(file.removeSlot(QStringLiteral("Alice")));
    EXPECT_FALSE(file.removeSlot(QStringLiteral("alice")));
    EXPECT_EQ(file.logins(), (QStringList{QStringLiteral("BOB"), QStringLiteral("carol")}));
    // Every one of these edits leaves the MAC behind until the file is signed again.
    EXPECT_FALSE(file.verifyMac(auditKey()));
    file.sign(auditKey());
    EXPECT_TRUE(file.verifyMac(auditKey()));
}

TEST(KeySlotFile, RandomIdsAreFreshLowercaseHex)
{
    const QString a = KeySlotFile::randomId();
    const QString b = KeySlotFile::randomId();
    EXPECT_EQ(a.size(), 32);
    EXPECT_NE(a, b);
    for (const QChar c : a)
        EXPECT_TRUE(QStringLiteral("0123456789abcdef").contains(c));
}
