#include "audit/AuditLog.h"

#include "TestSession.h"
#include "keys/KeySlotFile.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <gtest/gtest.h>

using namespace confer;

namespace {

// An attacker who holds the store key edits the table directly: the triggers are no obstacle to
// them, so the tests drop them first and then check that the chain itself gives the game away.
class AuditChainTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        for (int i = 0; i < 8; ++i)
            ASSERT_TRUE(audit()
                            .append(QStringLiteral("admin"), QStringLiteral("test.event"),
                                    QStringLiteral("record:%1").arg(i), QStringLiteral("n=%1").arg(i))
                            .ok());
        ASSERT_TRUE(db().exec(QStringLiteral("DROP TRIGGER audit_events_no_update; "
                                             "DROP TRIGGER audit_events_no_delete;"))
                        .ok());
    }

    Database& db() { return store.session().database(); }
    AuditLog& audit() { return store.session().audit(); }
    AuditLog::Verification verify()
    {
        auto result = audit().verify(store.session().keySlots().auditAnchor);
        EXPECT_TRUE(result.ok());
        return result.ok() ? *result : AuditLog::Verification{};
    }

    test::TestSession store;
};

} // namespace

TEST(AuditLog, ChainOfNewStoreVerifies)
{
    test::TestSession store;
    auto result = store.session().audit().verify(store.session().keySlots().auditAnchor);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->isIntact) << result->problem.toStdString();
    EXPECT_GE(result->eventCount, 4); // store.create, account.create, recovery.issue, signin.success
}

TEST(AuditLog, TriggersRefuseUpdateAndDelete)
{
    test::TestSession store;
    Database& db = store.session().database();
    EXPECT_FALSE(db.exec(QStringLiteral("UPDATE audit_events SET detail = 'x' WHERE seq = 1")).ok());
    EXPECT_FALSE(db.exec(QStringLiteral("DELETE FROM audit_events WHERE seq = 1")).ok());
    auto result = store.session().audit().verify(store.session().keySlots().auditAnchor);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->isIntact);
}

TEST(AuditLog, HeadIsAnchoredInKeySlotFileAfterEachAppend)
{
    test::TestSession store;
    ASSERT_TRUE(store.session().audit().append(QStringLiteral("admin"), QStringLiteral("test.event")).ok());
    auto onDisk = KeySlotFile::load(store.session().paths().keySlotFile());
    ASSERT_TRUE(onDisk.ok());
    EXPECT_EQ(onDisk->auditAnchor.sequence, store.session().audit().head().sequence);
    EXPECT_EQ(onDisk->auditAnchor.hash, store.session().audit().head().hash);
}

TEST(AuditLog, EventsInRolledBackTransactionLeaveNoTraceInChain)
{
    test::TestSession store;
    const qint64 before = store.session().audit().head().sequence;
    {
        Transaction tx(store.session().database());
        ASSERT_TRUE(
            store.session().audit().append(QStringLiteral("admin"), QStringLiteral("test.event")).ok());
    } // rolled back
    EXPECT_EQ(store.session().audit().head().sequence, before);
    ASSERT_TRUE(store.session().audit().append(QStringLiteral("admin"), QStringLiteral("test.after")).ok());
    EXPECT_TRUE(store.session().verify().ok());
}

TEST_F(AuditChainTest, EditedEventFailsNamingIt)
{
    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET detail = 'n=99' WHERE seq = 6")).ok());
    const auto result = verify();
    EXPECT_FALSE(result.isIntact);
    EXPECT_EQ(result.firstBadSequence, 6);
    EXPECT_TRUE(result.problem.contains(QLatin1String("6"))) << result.problem.toStdString();
}

TEST_F(AuditChainTest, EditedTimestampFailsNamingIt)
{
    ASSERT_TRUE(
        db().exec(QStringLiteral("UPDATE audit_events SET at_utc = '2020-01-01T00:00:00.000Z' WHERE seq = 3"))
            .ok());
    EXPECT_EQ(verify().firstBadSequence, 3);
}

TEST_F(AuditChainTest, DeletedEventFailsNamingIt)
{
    ASSERT_TRUE(db().exec(QStringLiteral("DELETE FROM audit_events WHERE seq = 7")).ok());
    const auto result = verify();
    EXPECT_FALSE(result.isIntact);
    EXPECT_EQ(result.firstBadSequence, 7);
}

TEST_F(AuditChainTest, DeletedAndRenumberedEventFailsNamingIt)
{
    // A careful attacker closes the gap so the sequence looks continuous.
    const qint64 last = audit().head().sequence;
    ASSERT_TRUE(db().exec(QStringLiteral("DELETE FROM audit_events WHERE seq = 5")).ok());
    for (qint64 seq = 6; seq <= last; ++seq)
        ASSERT_TRUE(
            db().exec(QStringLiteral("UPDATE audit_events SET seq = %1 WHERE seq = %2").arg(seq - 1).arg(seq))
                .ok());
    EXPECT_EQ(verify().firstBadSequence, 5);
}

TEST_F(AuditChainTest, ReorderedEventsFailNamingTheFirst)
{
    // Swap events 4 and 5 wholesale (all columns but the sequence number).
    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET seq = -4 WHERE seq = 4; "
                                         "UPDATE audit_events SET seq = 4 WHERE seq = 5; "
                                         "UPDATE audit_events SET seq = 5 WHERE seq = -4;"))
                    .ok());
    const auto result = verify();
    EXPECT_FALSE(result.isIntact);
    EXPECT_EQ(result.firstBadSequence, 4);
}

TEST_F(AuditChainTest, TruncatedTailIsCaughtByTheAnchor)
{
    const qint64 last = audit().head().sequence;
    ASSERT_TRUE(db().exec(QStringLiteral("DELETE FROM audit_events WHERE seq >= %1").arg(last - 1)).ok());
    const auto result = verify();
    EXPECT_FALSE(result.isIntact);
    EXPECT_TRUE(result.problem.contains(QLatin1String("older copy"))) << result.problem.toStdString();
}

TEST_F(AuditChainTest, ForgedEventWithoutTheKeyFails)
{
    const qint64 next = audit().head().sequence + 1;
    ASSERT_TRUE(
        db().exec(QStringLiteral("INSERT INTO audit_events (seq, at_utc, actor, action, record, detail, "
                                 "prev_hash, hash) VALUES (%1, '2026-01-05T09:00:00.000Z', 'admin', "
                                 "'test.forged', '', '', zeroblob(32), zeroblob(32))")
                      .arg(next))
            .ok());
    EXPECT_EQ(verify().firstBadSequence, next);
}

TEST_F(AuditChainTest, SessionVerifyReportsAuditChainBroken)
{
    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET actor = 'someone' WHERE seq = 2")).ok());
    Status status = store.session().verify();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::AuditChainBroken);
}
