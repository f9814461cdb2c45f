#include "keys/KeySlotFile.h"

#include "TestStoreDir.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <functional>

using namespace confer;

namespace {
QByteArray filled(int size, char value)
{
    return QByteArray(size, value);
}

KeySlot sampleSlot(const QString& login, char seed)
{
    KeySlot slot;
    slot.slotId = KeySlotFile::randomId();
    slot.login = login;
    slot.salt = filled(16, seed);
    slot.kdf = KdfParams{3, 64u << 20};
    slot.deviceSecretId = QStringLiteral("0123456789abcdef0123456789abcdef");
    slot.sealed = Sealed{filled(24, static_cast<char>(seed + 1)), filled(48, static_cast<char>(seed + 2))};
    return slot;
}

KeySlotFile sampleFile()
{
    KeySlotFile file;
    file.storeId = KeySlotFile::randomId();
    file.isDeviceBound = true;
    file.deviceSecretId = QStringLiteral("0123456789abcdef0123456789abcdef");
    file.defaultKdf = KdfParams{5, 256u << 20};
    file.userSlots = {sampleSlot(QStringLiteral("alice"), 'a'), sampleSlot(QStringLiteral("bob"), 'b')};
    file.recovery = RecoverySlot{Sealed{filled(24, 'r'), filled(48, 's')}};
    file.auditAnchor = AuditAnchor{42, filled(32, 'h')};
    return file;
}

void expectSameSlot(const KeySlot& a, const KeySlot& b)
{
    EXPECT_EQ(a.slotId, b.slotId);
    EXPECT_EQ(a.login, b.login);
    EXPECT_EQ(a.salt, b.salt);
    EXPECT_EQ(a.kdf, b.kdf);
    EXPECT_EQ(a.deviceSecretId, b.deviceSecretId);
    EXPECT_EQ(a.sealed.nonce, b.sealed.nonce);
    EXPECT_EQ(a.sealed.ciphertext, b.sealed.ciphertext);
}

void expectSameFile(const KeySlotFile& a, const KeySlotFile& b)
{
    EXPECT_EQ(a.storeId, b.storeId);
    EXPECT_EQ(a.isDeviceBound, b.isDeviceBound);
    EXPECT_EQ(a.deviceSecretId, b.deviceSecretId);
    EXPECT_EQ(a.defaultKdf, b.defaultKdf);
    ASSERT_EQ(a.userSlots.size(), b.userSlots.size());
    for (qsizetype i = 0; i < a.userSlots.size(); ++i)
        expectSameSlot(a.userSlots[i], b.userSlots[i]);
    ASSERT_EQ(a.recovery.has_value(), b.recovery.has_value());
    if (a.recovery) {
        EXPECT_EQ(a.recovery->sealed.nonce, b.recovery->sealed.nonce);
        EXPECT_EQ(a.recovery->sealed.ciphertext, b.recovery->sealed.ciphertext);
    }
    EXPECT_EQ(a.auditAnchor.sequence, b.auditAnchor.sequence);
    EXPECT_EQ(a.auditAnchor.hash, b.auditAnchor.hash);
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
} // namespace

TEST(KeySlotFile, JsonRoundTripKeepsEveryField)
{
    const KeySlotFile original = sampleFile();
    auto parsed = KeySlotFile::fromJson(original.toJson());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    expectSameFile(original, *parsed);
}

TEST(KeySlotFile, UnboundFileWithoutRecoveryRoundTrips)
{
    KeySlotFile original = sampleFile();
    original.isDeviceBound = false;
    original.deviceSecretId.clear();
    for (KeySlot& slot : original.userSlots)
        slot.deviceSecretId.clear();
    original.recovery.reset();
    original.auditAnchor = AuditAnchor{};
    auto parsed = KeySlotFile::fromJson(original.toJson());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    expectSameFile(original, *parsed);
}

TEST(KeySlotFile, JsonNamesItsFormatAndVersion)
{
    const QJsonObject root = sampleJson();
    EXPECT_EQ(root.value(QLatin1String("format")).toString(), QStringLiteral("confer-keyslots"));
    EXPECT_EQ(root.value(QLatin1String("version")).toInt(), 1);
    EXPECT_EQ(firstSlot(root).value(QLatin1String("salt")).toString(),
              QString::fromLatin1(filled(16, 'a').toBase64()));
}

TEST(KeySlotFile, NewerVersionIsRefusedWithAClearMessage)
{
    auto file = KeySlotFile::fromJson(QJsonDocument(withField(QStringLiteral("version"), 2)).toJson());
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(file.error().message.contains(QStringLiteral("newer version")))
        << file.error().message.toStdString();
}

TEST(KeySlotFile, UnknownOrMissingVersionIsRefused)
{
    expectCorrupt(withField(QStringLiteral("version"), 0), "version 0");
    expectCorrupt(withField(QStringLiteral("version"), QStringLiteral("1")), "version as a string");
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
    expectCorrupt(without(QStringLiteral("storeId")), "no storeId");
    expectCorrupt(without(QStringLiteral("auditAnchor")), "no audit anchor");
    expectCorrupt(without(QStringLiteral("recovery")), "no recovery member");
    expectCorrupt(withField(QStringLiteral("extra"), true), "unknown member");
    expectCorrupt(withField(QStringLiteral("storeId"), QStringLiteral("ABCDEF")), "short storeId");
    expectCorrupt(withField(QStringLiteral("storeId"), QStringLiteral("0123456789ABCDEF0123456789ABCDEF")),
                  "upper-case storeId");
    expectCorrupt(withField(QStringLiteral("deviceBound"), QStringLiteral("yes")), "deviceBound not a bool");
    expectCorrupt(withField(QStringLiteral("deviceSecretId"), QString()), "bound store without a secret id");
    expectCorrupt(withField(QStringLiteral("slots"), QJsonObject()), "slots not an array");
    expectCorrupt(
        withField(QStringLiteral("recovery"), QJsonObject{{QStringLiteral("nonce"), QStringLiteral("AA==")}}),
        "recovery without ciphertext");
    expectCorrupt(
        withField(QStringLiteral("defaultKdf"),
                  QJsonObject{{QStringLiteral("opsLimit"), 0}, {QStringLiteral("memLimitBytes"), 1024}}),
        "zero passes");
    expectCorrupt(withField(QStringLiteral("auditAnchor"), QJsonObject{{QStringLiteral("sequence"), -1},
                                                                       {QStringLiteral("hash"), QString()}}),
                  "negative sequence");
    expectCorrupt(
        withField(QStringLiteral("auditAnchor"),
                  QJsonObject{{QStringLiteral("sequence"), 1},
                              {QStringLiteral("hash"), QString::fromLatin1(filled(31, 'h').toBase64())}}),
        "short anchor hash");
}

TEST(KeySlotFile, MalformedSlotsAreRefused)
{
    expectCorrupt(withSlotField(QStringLiteral("salt"), QStringLiteral("not base64!")), "salt not base64");
    expectCorrupt(withSlotField(QStringLiteral("salt"), QString::fromLatin1(filled(15, 'a').toBase64())),
                  "short salt");
    expectCorrupt(
        withSlotField(QStringLiteral("salt"), QString::fromLatin1(filled(16, 'a').toBase64()).chopped(2)),
        "unpadded (non-canonical) base64");
    expectCorrupt(withSlotField(QStringLiteral("nonce"), QString::fromLatin1(filled(12, 'n').toBase64())),
                  "short nonce");
    expectCorrupt(
        withSlotField(QStringLiteral("ciphertext"), QString::fromLatin1(filled(15, 'c').toBase64())),
        "ciphertext shorter than its tag");
    expectCorrupt(withSlotField(QStringLiteral("login"), QString()), "empty login");
    expectCorrupt(withSlotField(QStringLiteral("slotId"), QStringLiteral("1234")), "short slot id");
    expectCorrupt(withSlotField(QStringLiteral("kdf"), QStringLiteral("argon2id")), "kdf not an object");
    expectCorrupt(
        withSlotField(QStringLiteral("kdf"), QJsonObject{{QStringLiteral("opsLimit"), QStringLiteral("3")},
                                                         {QStringLiteral("memLimitBytes"), 65536}}),
        "passes as a string");
    expectCorrupt(withSlotField(QStringLiteral("deviceSecretId"), QString()),
                  "bound slot without a secret id");
    expectCorrupt(withSlotField(QStringLiteral("surplus"), 1), "unknown slot member");

    QJsonObject root = sampleJson();
    QJsonArray slotArray = root.value(QLatin1String("slots")).toArray();
    QJsonObject twin = slotArray.at(1).toObject();
    twin[QStringLiteral("login")] = QStringLiteral("ALICE");
    slotArray[1] = twin;
    root[QStringLiteral("slots")] = slotArray;
    expectCorrupt(root, "two slots for one login");
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
    const QString path = dir.file(QStringLiteral("keyslots.json"));
    const KeySlotFile original = sampleFile();
    ASSERT_TRUE(original.save(path).ok());
    auto loaded = KeySlotFile::load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail.toStdString();
    expectSameFile(original, *loaded);
}

TEST(KeySlotFile, SavedFileIsReadableByTheOwnerOnly)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("keyslots.json"));
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
    const QString path = dir.file(QStringLiteral("keyslots.json"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    const ino_t firstInode = inodeOf(path);

    KeySlotFile changed = sampleFile();
    changed.auditAnchor.sequence = 43;
    ASSERT_TRUE(changed.save(path).ok());
    // A new inode means a new file was renamed over the old one: readers never see it half-written.
    EXPECT_NE(inodeOf(path), firstInode);
    EXPECT_EQ(readAll(path), changed.toJson());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("keyslots.json")});
}

TEST(KeySlotFile, RefusedSaveLeavesTheOldFileUntouched)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("keyslots.json"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    const QByteArray before = readAll(path);

    KeySlotFile broken = sampleFile();
    broken.userSlots[0].salt = QByteArray(3, 'x'); // would not read back
    Status saved = broken.save(path);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(readAll(path), before);
}

TEST(KeySlotFile, SaveIntoAMissingDirectoryFailsAsIo)
{
    test::TestStoreDir dir;
    Status saved = sampleFile().save(dir.file(QStringLiteral("no-such-dir/keyslots.json")));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::Io);
}

TEST(KeySlotFile, MissingFileIsNotFound)
{
    test::TestStoreDir dir;
    auto loaded = KeySlotFile::load(dir.file(QStringLiteral("keyslots.json")));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::NotFound);
}

TEST(KeySlotFile, DamagedFileOnDiskIsStoreCorrupt)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("keyslots.json"));
    ASSERT_TRUE(sampleFile().save(path).ok());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.resize(file.size() / 2);
    file.close();
    auto loaded = KeySlotFile::load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::StoreCorrupt);
}

TEST(KeySlotFile, OversizedFileIsRefusedWithoutParsing)
{
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("keyslots.json"));
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
