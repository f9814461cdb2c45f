#include "keys/KeySlotCopies.h"

#include "TestStoreDir.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace confer;

namespace {

SecureBytes auditKey()
{
    SecureBytes key(32);
    for (unsigned char i = 0; i < 32; ++i)
        key.data()[i] = static_cast<unsigned char>(0x30 + i);
    return key;
}

KeySlotFile fileOfGeneration(const QString& storeId, qint64 generation)
{
    KeySlotFile file;
    file.storeId = storeId;
    file.isDeviceBound = false;
    file.defaultKdf = KdfParams{1, 8u << 20};
    file.generation = generation;
    KeySlot slot;
    slot.slotId = KeySlotFile::randomId();
    slot.login = QStringLiteral("admin");
    slot.salt = QByteArray(16, 's');
    slot.kdf = file.defaultKdf;
    slot.userSecretKey = Sealed{QByteArray(24, 'n'), QByteArray(48, 'c')};
    slot.publicKey = QByteArray(32, 'k');
    slot.storeKeyBox = QByteArray(96, 'b');
    file.userSlots = {slot};
    file.auditHead =
        AuditHead{generation * 10, QByteArray(32, static_cast<char>('a' + generation)), generation};
    file.sign(auditKey());
    return file;
}

void writeRaw(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

class KeySlotCopiesTest : public ::testing::Test {
protected:
    test::TestStoreDir dir;
    const QString storeId = KeySlotFile::randomId();
    const KeySlotCopies copies{dir.file(QStringLiteral("confer.keyslots")),
                               dir.file(QStringLiteral("confer.keyslots.2"))};
};

} // namespace

TEST_F(KeySlotCopiesTest, NewestGenerationComesFirstWhicheverCopyHoldsIt)
{
    ASSERT_TRUE(copies.write(0, fileOfGeneration(storeId, 2)).ok());
    ASSERT_TRUE(copies.write(1, fileOfGeneration(storeId, 3)).ok());
    auto readable = copies.readable();
    ASSERT_TRUE(readable.ok()) << readable.error().detail.toStdString();
    ASSERT_EQ(readable->size(), 2u);
    EXPECT_EQ((*readable)[0].index, 1);
    EXPECT_EQ((*readable)[0].file.generation, 3);
    EXPECT_EQ((*readable)[1].index, 0);
    EXPECT_EQ((*readable)[1].file.generation, 2);

    // And the other way round: the order is by generation, not by copy.
    ASSERT_TRUE(copies.write(0, fileOfGeneration(storeId, 5)).ok());
    readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 2u);
    EXPECT_EQ((*readable)[0].index, 0);
    EXPECT_EQ((*readable)[0].file.generation, 5);
    EXPECT_EQ((*readable)[1].index, 1);
    EXPECT_EQ((*readable)[1].file.generation, 3);
}

TEST_F(KeySlotCopiesTest, CopiesOfOneGenerationThatDifferAreBothListedFirstCopyFirst)
{
    KeySlotFile first = fileOfGeneration(storeId, 4);
    KeySlotFile second = fileOfGeneration(storeId, 4);
    ASSERT_NE(first.toJson(), second.toJson()); // different slot ids
    ASSERT_TRUE(copies.write(0, first).ok());
    ASSERT_TRUE(copies.write(1, second).ok());
    auto readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 2u);
    EXPECT_EQ((*readable)[0].index, 0);
    EXPECT_EQ((*readable)[1].index, 1);
}

TEST_F(KeySlotCopiesTest, IdenticalSecondCopyIsLeftOut)
{
    const KeySlotFile file = fileOfGeneration(storeId, 2);
    ASSERT_TRUE(copies.writeBoth(file).ok());
    EXPECT_EQ(QFile(copies.path(0)).size(), QFile(copies.path(1)).size());
    auto readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 1u);
    EXPECT_EQ(readable->front().index, 0);
    EXPECT_EQ(readable->front().file.toJson(), file.toJson());
}

TEST_F(KeySlotCopiesTest, DamagedFirstCopyIsSkipped)
{
    ASSERT_TRUE(copies.writeBoth(fileOfGeneration(storeId, 2)).ok());
    writeRaw(copies.path(0), QByteArray("{\"format\": \"confer-keys"));
    auto readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 1u);
    EXPECT_EQ(readable->front().index, 1);
    EXPECT_EQ(readable->front().file.generation, 2);
}

TEST_F(KeySlotCopiesTest, DamagedNewerCopyGivesWayToTheOlderOne)
{
    ASSERT_TRUE(copies.write(0, fileOfGeneration(storeId, 2)).ok());
    QByteArray newer = fileOfGeneration(storeId, 3).toJson();
    newer.chop(newer.size() / 3);
    writeRaw(copies.path(1), newer);
    auto readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 1u);
    EXPECT_EQ(readable->front().index, 0);
    EXPECT_EQ(readable->front().file.generation, 2);
}

TEST_F(KeySlotCopiesTest, MissingCopyIsSkipped)
{
    ASSERT_TRUE(copies.write(1, fileOfGeneration(storeId, 7)).ok());
    EXPECT_FALSE(QFile::exists(copies.path(0)));
    EXPECT_TRUE(copies.anyExists());
    auto readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 1u);
    EXPECT_EQ(readable->front().index, 1);
    EXPECT_EQ(readable->front().file.generation, 7);

    ASSERT_TRUE(QFile::remove(copies.path(1)));
    ASSERT_TRUE(copies.write(0, fileOfGeneration(storeId, 8)).ok());
    readable = copies.readable();
    ASSERT_TRUE(readable.ok());
    ASSERT_EQ(readable->size(), 1u);
    EXPECT_EQ(readable->front().index, 0);
}

TEST_F(KeySlotCopiesTest, NeitherCopyPresentIsNotFound)
{
    EXPECT_FALSE(copies.anyExists());
    auto readable = copies.readable();
    ASSERT_FALSE(readable.ok());
    EXPECT_EQ(readable.error().code, ErrorCode::NotFound);
}

TEST_F(KeySlotCopiesTest, WhenNoCopyParsesTheFirstCopysErrorIsReported)
{
    // First a development-version file (a message of its own), second merely truncated.
    writeRaw(copies.path(0), QByteArray(R"({"format": "confer-keyslots", "version": 1})"));
    writeRaw(copies.path(1), QByteArray("{\"format\""));
    auto readable = copies.readable();
    ASSERT_FALSE(readable.ok());
    EXPECT_EQ(readable.error().code, ErrorCode::StoreCorrupt);
    EXPECT_TRUE(readable.error().message.contains(QStringLiteral("development version")))
        << readable.error().message.toStdString();

    // The same two files the other way round: the truncated one's message now.
    writeRaw(copies.path(0), QByteArray("{\"format\""));
    writeRaw(copies.path(1), QByteArray(R"({"format": "confer-keyslots", "version": 1})"));
    readable = copies.readable();
    ASSERT_FALSE(readable.ok());
    EXPECT_EQ(readable.error().code, ErrorCode::StoreCorrupt);
    EXPECT_FALSE(readable.error().message.contains(QStringLiteral("development version")));
}

TEST_F(KeySlotCopiesTest, DamagedFirstCopyOutweighsAMissingSecond)
{
    writeRaw(copies.path(0), QByteArray("not json"));
    auto readable = copies.readable();
    ASSERT_FALSE(readable.ok());
    EXPECT_EQ(readable.error().code, ErrorCode::StoreCorrupt);

    // A missing first copy says less than a damaged second one.
    ASSERT_TRUE(QFile::remove(copies.path(0)));
    writeRaw(copies.path(1), QByteArray("not json"));
    readable = copies.readable();
    ASSERT_FALSE(readable.ok());
    EXPECT_EQ(readable.error().code, ErrorCode::StoreCorrupt);
}

TEST_F(KeySlotCopiesTest, WriteBothWritesTheFirstCopyThenTheSecond)
{
    const KeySlotFile file = fileOfGeneration(storeId, 2);
    ASSERT_TRUE(copies.writeBoth(file).ok());
    for (int index : {0, 1}) {
        auto loaded = KeySlotFile::load(copies.path(index));
        ASSERT_TRUE(loaded.ok()) << index;
        EXPECT_EQ(loaded->toJson(), file.toJson());
        EXPECT_TRUE(loaded->verifyMac(auditKey()));
    }

    // A first copy that cannot be written stops the second from being written.
    test::TestStoreDir other;
    const KeySlotCopies broken(other.file(QStringLiteral("missing/confer.keyslots")),
                               other.file(QStringLiteral("confer.keyslots.2")));
    EXPECT_FALSE(broken.writeBoth(file).ok());
    EXPECT_FALSE(QFile::exists(broken.path(1)));
}
