#include "audit/RollbackCheck.h"

#include "StoreFolder.h"
#include "TestSession.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace confer;

namespace {

class RollbackCheckTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(store.sessionPtr()); }

    Session& session() { return store.session(); }
    Database& db() { return session().database(); }
    AuditHead head() { return session().audit().head(); }
    QString storeId() { return session().keySlots().storeId; }
    void append()
    {
        ASSERT_TRUE(session().audit().append(QStringLiteral("admin"), AuditAction::SettingChange).ok());
    }
    // What the store holds now, as every witness would record it.
    RollbackCheck::Records current()
    {
        return RollbackCheck::Records{head(), session().keySlots().auditHead, std::nullopt};
    }
    // Removes the events after `keep`, as an older copy of the store would lack them.
    void cutBackTo(const AuditHead& keep)
    {
        ASSERT_TRUE(db().exec(QStringLiteral("DROP TRIGGER audit_events_no_delete")).ok());
        ASSERT_TRUE(
            db().exec(QStringLiteral("DELETE FROM audit_events WHERE seq > %1").arg(keep.sequence)).ok());
    }

    static void expectRefused(const Status& status, const char* phrase)
    {
        ASSERT_FALSE(status.ok()) << phrase;
        EXPECT_EQ(status.error().code, ErrorCode::AuditChainBroken) << phrase;
        EXPECT_TRUE(status.error().message.contains(QLatin1String(phrase)))
            << status.error().message.toStdString();
    }

    test::TestSession store;
};

} // namespace

TEST_F(RollbackCheckTest, StoreMatchingEveryRecordPasses)
{
    append();
    RollbackCheck::Records records = current();
    records.keychain = head();
    EXPECT_TRUE(RollbackCheck::check(db(), records).ok());
    EXPECT_TRUE(session().verify().ok());
}

TEST_F(RollbackCheckTest, StoreBehindItsAnchorIsRefused)
{
    const AuditHead older = head();
    append();
    append();
    const AuditHead anchored = head();
    cutBackTo(older);
    RollbackCheck::Records records = current();
    records.anchor = anchored;
    expectRefused(RollbackCheck::check(db(), records), "older than its audit record");
}

TEST_F(RollbackCheckTest, AnchorNamingAnEventTheStoreHoldsDifferentlyIsRefused)
{
    // Same sequence, another history: a store that forked from the anchored one.
    append();
    RollbackCheck::Records records = current();
    records.anchor.hash[0] = static_cast<char>(records.anchor.hash[0] ^ 1);
    expectRefused(RollbackCheck::check(db(), records), "older than its audit record");
    records = current();
    records.anchor.commit -= 1;
    expectRefused(RollbackCheck::check(db(), records), "older than its audit record");
}

TEST_F(RollbackCheckTest, StoreOneCommitAheadOfItsAnchorIsAccepted)
{
    // What a crash between a commit and its anchor write leaves.
    append();
    const AuditHead anchored = head();
    {
        Transaction tx(db()); // one commit, several events
        append();
        append();
        append();
        ASSERT_TRUE(tx.commit().ok());
    }
    ASSERT_EQ(head().commit, anchored.commit + 1);
    RollbackCheck::Records records = current();
    records.anchor = anchored;
    EXPECT_TRUE(RollbackCheck::check(db(), records).ok());
    EXPECT_TRUE(RollbackCheck::anchorKeepsUp(head(), anchored).ok());
}

TEST_F(RollbackCheckTest, StoreTwoCommitsAheadOfItsAnchorIsRefused)
{
    append();
    const AuditHead anchored = head();
    append();
    append();
    ASSERT_EQ(head().commit, anchored.commit + 2);
    RollbackCheck::Records records = current();
    records.anchor = anchored;
    expectRefused(RollbackCheck::check(db(), records), "older than the store by more than one change");
    expectRefused(RollbackCheck::anchorKeepsUp(head(), anchored),
                  "older than the store by more than one change");
}

TEST_F(RollbackCheckTest, OlderAnchorFilePutBackIsCaughtBySessionVerify)
{
    const QString anchorPath = session().paths().anchorFile();
    const QByteArray oldAnchor = test::readFile(anchorPath);
    ASSERT_FALSE(oldAnchor.isEmpty());
    append();
    ASSERT_TRUE(test::writeFile(anchorPath, oldAnchor));
    EXPECT_TRUE(session().verify().ok()) << "one commit behind is what a crash leaves";
    append();
    ASSERT_TRUE(test::writeFile(anchorPath, oldAnchor));
    Status verified = session().verify();
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, ErrorCode::AuditChainBroken);
}

TEST_F(RollbackCheckTest, KeychainWitnessAheadOfTheStoreIsRefused)
{
    const AuditHead older = head();
    append();
    append();
    const AuditHead witnessed = head();
    RollbackCheck::Records records = current();
    records.keychain = witnessed;
    ASSERT_TRUE(RollbackCheck::check(db(), records).ok());

    // The store folder (store and anchor) put back to an older copy; the keychain remembers.
    cutBackTo(older);
    records = RollbackCheck::Records{older, session().keySlots().auditHead, witnessed};
    expectRefused(RollbackCheck::check(db(), records), "keychain");

    // The same through the session, with the witness as the keychain holds it.
    ASSERT_TRUE(
        AuditAnchorFile::save(session().paths().anchorFile(), storeId(), older, session().audit().key(), true)
            .ok());
    store.deviceSecrets.witnesses[storeId()] =
        AuditAnchorFile::encode(storeId(), witnessed, session().audit().key());
    expectRefused(session().verify(), "keychain");
}

TEST_F(RollbackCheckTest, KeychainWitnessBehindTheStoreOrAbsentPasses)
{
    const AuditHead witnessed = head();
    append();
    append();
    RollbackCheck::Records records = current();
    records.keychain = witnessed;
    EXPECT_TRUE(RollbackCheck::check(db(), records).ok());
    store.deviceSecrets.witnesses.clear(); // a new computer
    EXPECT_TRUE(session().verify().ok());
}

TEST_F(RollbackCheckTest, KeychainWitnessOfAnotherKeyIsRefused)
{
    const SecureBytes otherKey = SecureBytes::random(32);
    store.deviceSecrets.witnesses[storeId()] = AuditAnchorFile::encode(storeId(), head(), otherKey);
    Status verified = session().verify();
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, ErrorCode::AuditChainBroken);
}

TEST(RollbackCheck, UnboundStoreConsultsNoKeychain)
{
    test::TestSession store(false);
    const QString storeId = store.session().keySlots().storeId;
    store.deviceSecrets.witnesses[storeId] = AuditAnchorFile::encode(
        storeId, AuditHead{9999, QByteArray(32, 'x'), 9999}, store.session().audit().key());
    EXPECT_TRUE(store.session().verify().ok());
}

TEST_F(RollbackCheckTest, KeySlotFileHeadTheStoreDoesNotHoldIsRefused)
{
    append();
    RollbackCheck::Records records = current();
    records.keySlotFile = AuditHead{head().sequence + 1, QByteArray(32, 'k'), head().commit + 1};
    expectRefused(RollbackCheck::check(db(), records), "older than its key file");

    records = current();
    auto inStore = AuditLog::headAt(db(), 2);
    ASSERT_TRUE(inStore.ok() && inStore->has_value());
    records.keySlotFile = **inStore;
    ASSERT_TRUE(RollbackCheck::check(db(), records).ok()) << "an earlier event the store holds";
    records.keySlotFile.hash[3] = static_cast<char>(records.keySlotFile.hash[3] ^ 1);
    expectRefused(RollbackCheck::check(db(), records), "older than its key file");
    records.keySlotFile = **inStore;
    records.keySlotFile.commit += 1;
    expectRefused(RollbackCheck::check(db(), records), "older than its key file");
}

TEST_F(RollbackCheckTest, KeySlotFileMoreThanOneCommitAheadOfTheAnchorIsRefused)
{
    const AuditHead anchored = head();
    append();
    append();
    RollbackCheck::Records records = current();
    records.anchor = anchored;
    records.keySlotFile = head();
    Status checked = RollbackCheck::check(db(), records);
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().code, ErrorCode::AuditChainBroken);
}

TEST_F(RollbackCheckTest, GatherRefusesAMissingOrAlteredAnchorFile)
{
    const QString anchorPath = session().paths().anchorFile();
    const AuditHead fileHead = session().keySlots().auditHead;
    auto gathered = RollbackCheck::gather(anchorPath, storeId(), session().audit().key(), fileHead, nullptr);
    ASSERT_TRUE(gathered.ok());
    EXPECT_EQ(gathered->anchor, head());
    EXPECT_EQ(gathered->keySlotFile, fileHead);
    EXPECT_FALSE(gathered->keychain.has_value());

    gathered =
        RollbackCheck::gather(anchorPath, storeId(), session().audit().key(), fileHead, &store.deviceSecrets);
    ASSERT_TRUE(gathered.ok());
    ASSERT_TRUE(gathered->keychain.has_value()) << "the sign-in wrote a witness";
    EXPECT_EQ(*gathered->keychain, head());

    QByteArray bytes = test::readFile(anchorPath);
    bytes.replace("\"commit\"", "\"commix\"");
    ASSERT_TRUE(test::writeFile(anchorPath, bytes));
    gathered = RollbackCheck::gather(anchorPath, storeId(), session().audit().key(), fileHead, nullptr);
    ASSERT_FALSE(gathered.ok());
    EXPECT_EQ(gathered.error().code, ErrorCode::AuditChainBroken);

    ASSERT_TRUE(QFile::remove(anchorPath));
    gathered = RollbackCheck::gather(anchorPath, storeId(), session().audit().key(), fileHead, nullptr);
    ASSERT_FALSE(gathered.ok());
    // Deleting the anchor is how a cut tail would be hidden: reported as a broken trail, naming the file.
    EXPECT_EQ(gathered.error().code, ErrorCode::AuditChainBroken);
    EXPECT_TRUE(gathered.error().message.contains(QLatin1String("missing")));
    EXPECT_FALSE(session().verify().ok());
}
