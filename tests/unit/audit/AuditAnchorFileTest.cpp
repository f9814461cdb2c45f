#include "audit/AuditAnchorFile.h"

#include "StoreFolder.h"
#include "TestStoreDir.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <functional>
#include <utility>
#include <vector>

using namespace confer;

namespace {

class AuditAnchorFileTest : public ::testing::Test {
protected:
    test::TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.anchor"));
    const QString storeId = QStringLiteral("00112233445566778899aabbccddeeff");
    const SecureBytes key = SecureBytes::random(32);
    const AuditHead head{12, QByteArray(32, 'h'), 5};

    Result<AuditHead> load() { return AuditAnchorFile::load(path, storeId, key); }
    Status save(const AuditHead& at, bool allowBackwards = false)
    {
        return AuditAnchorFile::save(path, storeId, at, key, allowBackwards);
    }
};

void expectBroken(const Result<AuditHead>& loaded, const char* why)
{
    ASSERT_FALSE(loaded.ok()) << why;
    EXPECT_EQ(loaded.error().code, ErrorCode::AuditChainBroken) << why;
    EXPECT_FALSE(loaded.error().message.isEmpty()) << why;
}

} // namespace

TEST_F(AuditAnchorFileTest, SavedAnchorLoadsBackUnchanged)
{
    ASSERT_TRUE(save(head).ok());
    auto loaded = load();
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail.toStdString();
    EXPECT_EQ(*loaded, head);

    auto decoded = AuditAnchorFile::decode(AuditAnchorFile::encode(storeId, head, key), storeId, key);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, head);
    EXPECT_EQ(test::readFile(path), AuditAnchorFile::encode(storeId, head, key));
}

TEST_F(AuditAnchorFileTest, AnchorOfAStoreWithoutEventsRoundTrips)
{
    ASSERT_TRUE(save(AuditHead{}).ok());
    auto loaded = load();
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail.toStdString();
    EXPECT_EQ(*loaded, AuditHead{});
}

TEST_F(AuditAnchorFileTest, MissingFileIsNotFound)
{
    auto loaded = load();
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(loaded.error().message.contains(QStringLiteral("confer.anchor")));
}

TEST_F(AuditAnchorFileTest, AnyEditedMemberIsRefused)
{
    ASSERT_TRUE(save(head).ok());
    const QJsonObject original = QJsonDocument::fromJson(test::readFile(path)).object();
    ASSERT_FALSE(original.isEmpty());
    const std::vector<std::pair<const char*, std::function<void(QJsonObject&)>>> edits = {
        {"sequence back", [](QJsonObject& root) { root[QStringLiteral("sequence")] = 11; }},
        {"sequence forward", [](QJsonObject& root) { root[QStringLiteral("sequence")] = 13; }},
        {"commit", [](QJsonObject& root) { root[QStringLiteral("commit")] = 4; }},
        {"hash",
         [](QJsonObject& root) {
             root[QStringLiteral("hash")] = QString::fromLatin1(QByteArray(32, 'H').toBase64());
         }},
        {"short hash",
         [](QJsonObject& root) {
             root[QStringLiteral("hash")] = QString::fromLatin1(QByteArray(31, 'h').toBase64());
         }},
        {"storeId",
         [](QJsonObject& root) {
             root[QStringLiteral("storeId")] = QStringLiteral("ffeeddccbbaa99887766554433221100");
         }},
        {"format",
         [](QJsonObject& root) { root[QStringLiteral("format")] = QStringLiteral("confer-keyslots"); }},
        {"version", [](QJsonObject& root) { root[QStringLiteral("version")] = 2; }},
        {"negative sequence", [](QJsonObject& root) { root[QStringLiteral("sequence")] = -1; }},
        {"sequence as a string",
         [](QJsonObject& root) { root[QStringLiteral("sequence")] = QStringLiteral("12"); }},
        {"mac",
         [](QJsonObject& root) {
             QByteArray mac = QByteArray::fromBase64(root.value(QLatin1String("mac")).toString().toLatin1());
             mac[0] = static_cast<char>(mac[0] ^ 1);
             root[QStringLiteral("mac")] = QString::fromLatin1(mac.toBase64());
         }},
        {"mac removed", [](QJsonObject& root) { root.remove(QStringLiteral("mac")); }},
        {"empty mac", [](QJsonObject& root) { root[QStringLiteral("mac")] = QString(); }},
        {"extra member", [](QJsonObject& root) { root[QStringLiteral("note")] = true; }},
    };
    for (const auto& [what, edit] : edits) {
        QJsonObject edited = original;
        edit(edited);
        ASSERT_TRUE(test::writeFile(path, QJsonDocument(edited).toJson()));
        expectBroken(load(), what);
    }
    // The untouched file still loads: the refusals above were the edits'.
    ASSERT_TRUE(test::writeFile(path, QJsonDocument(original).toJson(QJsonDocument::Compact)));
    EXPECT_TRUE(load().ok());
}

TEST_F(AuditAnchorFileTest, AnchorOfAnotherStoreOrKeyIsRefused)
{
    ASSERT_TRUE(save(head).ok());
    expectBroken(AuditAnchorFile::load(path, QStringLiteral("ffeeddccbbaa99887766554433221100"), key),
                 "other store");
    const SecureBytes otherKey = SecureBytes::random(32);
    expectBroken(AuditAnchorFile::load(path, storeId, otherKey), "other key");

    // Renaming the store inside the file does not help without the key: the MAC covers the store id.
    const QString otherStore = QStringLiteral("ffeeddccbbaa99887766554433221100");
    QJsonObject root = QJsonDocument::fromJson(test::readFile(path)).object();
    root[QStringLiteral("storeId")] = otherStore;
    ASSERT_TRUE(test::writeFile(path, QJsonDocument(root).toJson()));
    expectBroken(AuditAnchorFile::load(path, otherStore, key), "store id edited to match");
}

TEST_F(AuditAnchorFileTest, DamagedFileIsRefused)
{
    ASSERT_TRUE(save(head).ok());
    QByteArray bytes = test::readFile(path);
    ASSERT_TRUE(test::writeFile(path, bytes.left(bytes.size() / 2)));
    expectBroken(load(), "truncated");
    ASSERT_TRUE(test::writeFile(path, QByteArray()));
    expectBroken(load(), "empty");
    ASSERT_TRUE(test::writeFile(path, QByteArray("[]")));
    expectBroken(load(), "array");
    ASSERT_TRUE(test::writeFile(path, QByteArray(100 * 1024, ' ')));
    expectBroken(load(), "oversized");
}

TEST_F(AuditAnchorFileTest, SaveRefusesToMoveTheAnchorBackwards)
{
    ASSERT_TRUE(save(head).ok());
    const QByteArray before = test::readFile(path);
    for (const AuditHead& older : {AuditHead{11, QByteArray(32, 'g'), 5},
                                   AuditHead{12, QByteArray(32, 'h'), 4}, AuditHead{0, QByteArray(), 0}}) {
        Status saved = save(older);
        ASSERT_FALSE(saved.ok()) << older.sequence << "/" << older.commit;
        EXPECT_EQ(saved.error().code, ErrorCode::AuditChainBroken);
        EXPECT_EQ(test::readFile(path), before);
    }
    auto loaded = load();
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, head);
}

TEST_F(AuditAnchorFileTest, SaveMovesForwardAndMayRepeatTheSameHead)
{
    ASSERT_TRUE(save(head).ok());
    ASSERT_TRUE(save(head).ok());
    const AuditHead later{15, QByteArray(32, 'j'), 6};
    ASSERT_TRUE(save(later).ok());
    auto loaded = load();
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, later);
}

TEST_F(AuditAnchorFileTest, AllowBackwardsPermitsAnAcceptedRestore)
{
    ASSERT_TRUE(save(head).ok());
    const AuditHead older{3, QByteArray(32, 'o'), 2};
    ASSERT_TRUE(save(older, true).ok());
    auto loaded = load();
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, older);
}
