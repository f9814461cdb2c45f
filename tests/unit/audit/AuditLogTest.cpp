#include "audit/AuditLog.h"

#include "TestSession.h"
#include "audit/AuditAnchorFile.h"
#include "files/SafeFile.h"
#include "keys/KeySlotFile.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <optional>

using namespace confer;

namespace {

qint64 scalar(Database& db, const QString& sql)
{
    auto row = db.prepare(sql);
    if (!row.ok())
        return -1;
    auto hasRow = row->step();
    return hasRow.ok() && *hasRow ? row->columnInt(0) : -1;
}

qint64 eventCount(Database& db)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM audit_events"));
}

qint64 commitOf(Database& db, qint64 sequence)
{
    return scalar(db, QStringLiteral("SELECT commit_no FROM audit_events WHERE seq = %1").arg(sequence));
}

// A harmless real action; the label goes in the record so a test can find its event again.
Status appendTestEvent(Session& session, const QString& label = QStringLiteral("test.event"))
{
    return session.audit().append(QStringLiteral("admin"), AuditAction::SettingChange, label);
}

Result<AuditHead> anchorOnDisk(Session& session)
{
    return AuditAnchorFile::load(session.paths().anchorFile(), session.keySlots().storeId,
                                 session.audit().key());
}

// Makes every write of the anchor file fail as the disk would, until destroyed.
class FailingAnchorWrites final {
public:
    FailingAnchorWrites(const QString& anchorPath, int error)
    {
        SafeFileFaults::setHook([anchorPath, error](SafeFileFaults::Step step, const QString& target) {
            return step == SafeFileFaults::Step::Open && target == anchorPath ? error : 0;
        });
    }
    ~FailingAnchorWrites() { SafeFileFaults::setHook({}); }
    FailingAnchorWrites(const FailingAnchorWrites&) = delete;
    FailingAnchorWrites& operator=(const FailingAnchorWrites&) = delete;
};

// An attacker who holds the store key edits the table directly: the triggers are no obstacle to
// them, so the tests drop them first and then check that the chain itself gives the game away.
class AuditChainTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        for (int i = 0; i < 8; ++i)
            ASSERT_TRUE(audit()
                            .append(QStringLiteral("admin"), AuditAction::SettingChange,
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
        auto result = audit().verifyChain();
        EXPECT_TRUE(result.ok());
        return result.ok() ? *result : AuditLog::Verification{};
    }

    test::TestSession store;
};

} // namespace

TEST(AuditLog, ChainOfNewStoreVerifies)
{
    test::TestSession store;
    auto result = store.session().audit().verifyChain();
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->isIntact) << result->problem.toStdString();
    EXPECT_GE(result->eventCount, 4); // store.create, account.create, recovery.issue, signin.success
    EXPECT_EQ(result->firstBadSequence, 0);
    EXPECT_EQ(commitOf(store.session().database(), 1), 1);
    EXPECT_GE(store.session().audit().head().commit, 1);
    EXPECT_TRUE(store.session().verify().ok());
}

TEST(AuditLog, AuditKeyIsRandomPerStoreAndKeptInTheStore)
{
    test::TestSession first;
    test::TestSession second;
    Database& db = first.session().database();
    auto stored = AuditLog::readKey(db);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->size(), 32u);
    EXPECT_TRUE(stored->equals(first.session().audit().key()));
    EXPECT_FALSE(first.session().audit().key().equals(second.session().audit().key()));
    // Neither the store key nor derived from it: a key rotation leaves it alone.
    const SecureBytes storeKey = first.adminStoreKey();
    ASSERT_FALSE(storeKey.isEmpty());
    EXPECT_FALSE(stored->equals(storeKey));

    // The key never changes, even for someone with SQL access who does not first drop the triggers.
    EXPECT_FALSE(db.exec(QStringLiteral("UPDATE audit_key SET key = zeroblob(32)")).ok());
    EXPECT_FALSE(db.exec(QStringLiteral("DELETE FROM audit_key")).ok());
    EXPECT_FALSE(db.exec(QStringLiteral("INSERT INTO audit_key (id, key) VALUES (2, zeroblob(32))")).ok());
    auto after = AuditLog::readKey(db);
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->equals(first.session().audit().key()));
}

TEST(AuditLog, TriggersRefuseUpdateAndDelete)
{
    test::TestSession store;
    Database& db = store.session().database();
    EXPECT_FALSE(db.exec(QStringLiteral("UPDATE audit_events SET detail = 'x' WHERE seq = 1")).ok());
    EXPECT_FALSE(db.exec(QStringLiteral("UPDATE audit_events SET commit_no = 7 WHERE seq = 1")).ok());
    EXPECT_FALSE(db.exec(QStringLiteral("DELETE FROM audit_events WHERE seq = 1")).ok());
    auto result = store.session().audit().verifyChain();
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->isIntact);
}

TEST(AuditLog, HeadIsAnchoredInTheAnchorFileAfterEachAppend)
{
    test::TestSession store;
    Session& session = store.session();
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(appendTestEvent(session).ok());
        auto onDisk = anchorOnDisk(session);
        ASSERT_TRUE(onDisk.ok()) << onDisk.error().detail.toStdString();
        EXPECT_EQ(*onDisk, session.audit().head());
    }
}

TEST(AuditLog, TransactionIsAnchoredWhenItCommitsNotBefore)
{
    test::TestSession store;
    Session& session = store.session();
    const AuditHead before = session.audit().head();
    {
        Transaction tx(session.database());
        ASSERT_TRUE(appendTestEvent(session).ok());
        ASSERT_TRUE(appendTestEvent(session).ok());
        auto during = anchorOnDisk(session);
        ASSERT_TRUE(during.ok());
        EXPECT_EQ(*during, before);
        ASSERT_TRUE(tx.commit().ok());
    }
    auto after = anchorOnDisk(session);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(*after, session.audit().head());
    EXPECT_EQ(after->sequence, before.sequence + 2);
}

TEST(AuditLog, AppendsInOneTransactionShareACommitNumber)
{
    test::TestSession store;
    Session& session = store.session();
    Database& db = session.database();
    const AuditHead before = session.audit().head();
    {
        Transaction tx(db);
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE(appendTestEvent(session).ok());
        {
            Transaction inner(db); // a savepoint folds into the outer commit
            ASSERT_TRUE(appendTestEvent(session).ok());
            ASSERT_TRUE(inner.commit().ok());
        }
        ASSERT_TRUE(tx.commit().ok());
    }
    for (qint64 seq = before.sequence + 1; seq <= before.sequence + 4; ++seq)
        EXPECT_EQ(commitOf(db, seq), before.commit + 1) << "event " << seq;
    EXPECT_EQ(session.audit().head().commit, before.commit + 1);
    EXPECT_EQ(session.audit().head().sequence, before.sequence + 4);

    // The next change is the next commit.
    ASSERT_TRUE(appendTestEvent(session).ok());
    EXPECT_EQ(commitOf(db, before.sequence + 5), before.commit + 2);
    EXPECT_TRUE(session.verify().ok());
}

TEST(AuditLog, SeparateAppendsGetConsecutiveCommitNumbers)
{
    test::TestSession store;
    Session& session = store.session();
    const AuditHead before = session.audit().head();
    for (int i = 1; i <= 4; ++i) {
        ASSERT_TRUE(appendTestEvent(session).ok());
        EXPECT_EQ(session.audit().head().commit, before.commit + i);
        EXPECT_EQ(commitOf(session.database(), before.sequence + i), before.commit + i);
    }
    auto page = session.audit().page(session.audit().head().sequence + 1, 4);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->size(), 4u);
    EXPECT_EQ(page->front().commit, before.commit + 4); // newest first, commit read back
    EXPECT_EQ(page->back().commit, before.commit + 1);
}

TEST(AuditLog, EventsInRolledBackTransactionLeaveNoTraceInChain)
{
    test::TestSession store;
    Session& session = store.session();
    const AuditHead before = session.audit().head();
    {
        Transaction tx(session.database());
        ASSERT_TRUE(appendTestEvent(session).ok());
        ASSERT_TRUE(appendTestEvent(session).ok());
    } // rolled back
    EXPECT_EQ(session.audit().head(), before);
    EXPECT_EQ(eventCount(session.database()), before.sequence);
    ASSERT_TRUE(appendTestEvent(session, QStringLiteral("test.after")).ok());
    // The rolled-back transaction used up no commit number.
    EXPECT_EQ(session.audit().head().commit, before.commit + 1);
    EXPECT_EQ(session.audit().head().sequence, before.sequence + 1);
    EXPECT_TRUE(session.verify().ok());
}

TEST(AuditLog, RolledBackSavepointKeepsTheOuterEvents)
{
    test::TestSession store;
    Session& session = store.session();
    const AuditHead before = session.audit().head();
    {
        Transaction tx(session.database());
        ASSERT_TRUE(appendTestEvent(session, QStringLiteral("test.kept")).ok());
        {
            Transaction inner(session.database());
            ASSERT_TRUE(appendTestEvent(session, QStringLiteral("test.undone")).ok());
        } // the savepoint is rolled back
        EXPECT_EQ(session.audit().head().sequence, before.sequence + 1);
        ASSERT_TRUE(appendTestEvent(session, QStringLiteral("test.kept")).ok());
        ASSERT_TRUE(tx.commit().ok());
    }
    EXPECT_EQ(session.audit().head().sequence, before.sequence + 2);
    EXPECT_EQ(commitOf(session.database(), before.sequence + 2), before.commit + 1);
    EXPECT_TRUE(session.verify().ok());
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

TEST_F(AuditChainTest, AlteredCommitNumberFailsNamingIt)
{
    // Lowered by one, each commit number still follows the rule "never back, at most one ahead" of
    // the event before it: only the seal, which covers the commit number, gives it away.
    const qint64 last = audit().head().sequence;
    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET commit_no = commit_no - 1 WHERE seq = %1")
                              .arg(last - 2))
                    .ok());
    auto result = verify();
    EXPECT_FALSE(result.isIntact);
    EXPECT_EQ(result.firstBadSequence, last - 2);

    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET commit_no = commit_no + 1 WHERE seq = %1")
                              .arg(last - 2))
                    .ok());
    ASSERT_TRUE(verify().isIntact) << "put back, the chain verifies again";
    ASSERT_TRUE(
        db().exec(
                QStringLiteral("UPDATE audit_events SET commit_no = commit_no - 1 WHERE seq = %1").arg(last))
            .ok());
    result = verify();
    EXPECT_FALSE(result.isIntact);
    EXPECT_EQ(result.firstBadSequence, last);
}

TEST_F(AuditChainTest, CommitNumberJumpingAheadFailsNamingIt)
{
    const qint64 last = audit().head().sequence;
    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET commit_no = commit_no + 1 WHERE seq = %1")
                              .arg(last - 2))
                    .ok());
    EXPECT_EQ(verify().firstBadSequence, last - 2);
}

TEST_F(AuditChainTest, CommitNumbersRenumberedThroughoutFail)
{
    // Shifting every commit number keeps them consecutive, but each seal covers its own.
    ASSERT_TRUE(db().exec(QStringLiteral("UPDATE audit_events SET commit_no = commit_no + 5")).ok());
    EXPECT_EQ(verify().firstBadSequence, 1);
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

TEST_F(AuditChainTest, TruncatedTailIsCaughtByTheAnchorNotTheChain)
{
    const qint64 last = audit().head().sequence;
    ASSERT_TRUE(db().exec(QStringLiteral("DELETE FROM audit_events WHERE seq >= %1").arg(last - 1)).ok());
    // The chain that is left is whole: only the record beside the store shows events are missing.
    const auto result = verify();
    EXPECT_TRUE(result.isIntact);
    EXPECT_EQ(result.eventCount, last - 2);
    Status status = store.session().verify();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::AuditChainBroken);
    EXPECT_TRUE(status.error().message.contains(QLatin1String("older than its audit record")))
        << status.error().message.toStdString();
}

TEST_F(AuditChainTest, ForgedEventWithoutTheKeyFails)
{
    const AuditHead head = audit().head();
    const qint64 next = head.sequence + 1;
    ASSERT_TRUE(
        db().exec(QStringLiteral("INSERT INTO audit_events (seq, at_utc, actor, action, record, detail, "
                                 "prev_hash, hash, commit_no) VALUES (%1, '2026-01-05T09:00:00.000Z', "
                                 "'admin', 'test.forged', '', '', X'%2', zeroblob(32), %3)")
                      .arg(next)
                      .arg(QString::fromLatin1(head.hash.toHex()))
                      .arg(head.commit + 1))
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

TEST(AuditAnchorSink, FailedAnchorAfterACommitReportsItButTheChangeIsSaved)
{
    test::TestSession store;
    Session& session = store.session();
    Database& db = session.database();
    const AuditHead before = session.audit().head();
    std::optional<FailingAnchorWrites> failing;
    failing.emplace(session.paths().anchorFile(), ENOSPC);

    Transaction tx(db);
    ASSERT_TRUE(
        db.exec(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES ('test_marker', 'x')"))
            .ok());
    ASSERT_TRUE(appendTestEvent(session, QStringLiteral("test.saved")).ok());
    Status committed = tx.commit();
    ASSERT_FALSE(committed.ok());
    EXPECT_EQ(committed.error().code, ErrorCode::DiskFull);
    EXPECT_TRUE(committed.error().message.contains(QLatin1String("The change was saved")))
        << committed.error().message.toStdString();
    EXPECT_TRUE(tx.isCommitted());
    EXPECT_FALSE(db.isInTransaction());
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM settings WHERE key = 'test_marker'")), 1);
    EXPECT_EQ(eventCount(db), before.sequence + 1);
    EXPECT_EQ(session.audit().head().sequence, before.sequence + 1);
    EXPECT_TRUE(session.audit().isAnchorOverdue());
    auto onDisk = anchorOnDisk(session);
    ASSERT_TRUE(onDisk.ok());
    EXPECT_EQ(*onDisk, before); // the anchor lags by that one commit

    failing.reset();
}

TEST(AuditAnchorSink, NoFurtherChangeIsSavedUntilTheAnchorCatchesUp)
{
    test::TestSession store;
    Session& session = store.session();
    Database& db = session.database();
    const int autoLock = session.autoLockMinutes();
    std::optional<FailingAnchorWrites> failing;
    failing.emplace(session.paths().anchorFile(), EIO);

    // An autocommitted event: saved, but the anchor could not follow.
    Status first = appendTestEvent(session, QStringLiteral("test.saved"));
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, ErrorCode::Io);
    EXPECT_TRUE(first.error().message.contains(QLatin1String("The change was saved")));
    EXPECT_TRUE(session.audit().isAnchorOverdue());
    const AuditHead saved = session.audit().head();
    EXPECT_EQ(eventCount(db), saved.sequence);

    // Now every change is refused and leaves nothing behind.
    Status refused = appendTestEvent(session, QStringLiteral("test.refused"));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("was not saved")))
        << refused.error().message.toStdString();
    EXPECT_EQ(eventCount(db), saved.sequence);
    EXPECT_EQ(session.audit().head(), saved);

    const int otherAutoLock = autoLock == 17 ? 18 : 17;
    EXPECT_FALSE(session.setAutoLockMinutes(otherAutoLock).ok());
    EXPECT_EQ(session.autoLockMinutes(), autoLock);
    EXPECT_EQ(eventCount(db), saved.sequence);

    // Verification cannot pass while the anchor lags.
    EXPECT_FALSE(session.verify().ok());

    // The disk works again: the next change first brings the anchor up to date, then goes through.
    failing.reset();
    ASSERT_TRUE(session.setAutoLockMinutes(otherAutoLock).ok());
    EXPECT_EQ(session.autoLockMinutes(), otherAutoLock);
    EXPECT_FALSE(session.audit().isAnchorOverdue());
    auto onDisk = anchorOnDisk(session);
    ASSERT_TRUE(onDisk.ok());
    EXPECT_EQ(*onDisk, session.audit().head());
    EXPECT_EQ(session.audit().head().commit, saved.commit + 1);
    EXPECT_TRUE(session.verify().ok());
}

TEST(AuditAnchorSink, DiskFullRefusalSaysSo)
{
    test::TestSession store;
    Session& session = store.session();
    std::optional<FailingAnchorWrites> failing;
    failing.emplace(session.paths().anchorFile(), ENOSPC);
    ASSERT_FALSE(appendTestEvent(session).ok());
    Status refused = appendTestEvent(session);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::DiskFull);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("not enough disk space")));
    failing.reset();
    EXPECT_TRUE(session.audit().anchorNow().ok());
    EXPECT_FALSE(session.audit().isAnchorOverdue());
}

TEST(AuditAnchorSink, ChangeSavedDespiteTheAnchorIsThereAfterReopening)
{
    test::TestSession store;
    const AuditHead before = store.session().audit().head();
    {
        FailingAnchorWrites failing(store.session().paths().anchorFile(), ENOSPC);
        ASSERT_FALSE(appendTestEvent(store.session(), QStringLiteral("test.durable")).ok());
    }
    store.sessionPtr().reset(); // lock: the anchor writes again, so it catches up here
    auto reopened = store.opener().unlock(QString::fromLatin1(test::TestSession::AdminLogin),
                                          test::TestSession::adminPassphrase());
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString() << " / "
                               << reopened.error().detail.toStdString();
    auto page = (*reopened)->audit().page(before.sequence + 2, 1);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->size(), 1u);
    EXPECT_EQ(page->front().record, QStringLiteral("test.durable"));
    EXPECT_EQ(page->front().commit, before.commit + 1);
    EXPECT_TRUE((*reopened)->verify().ok());
}

TEST(AuditLog, KeyChangeRecordsTheHeadAndTheNextGenerationInBothKeySlotCopies)
{
    test::TestSession store;
    Session& session = store.session();
    const qint64 generation = session.keySlots().generation;
    ASSERT_TRUE(session
                    .commitKeyChange([&](KeySlotFile&) {
                        return session.audit().append(QStringLiteral("admin"), AuditAction::SettingChange);
                    })
                    .ok());
    EXPECT_EQ(session.keySlots().generation, generation + 1);
    EXPECT_EQ(session.keySlots().auditHead, session.audit().head());
    EXPECT_EQ(
        scalar(session.database(), QStringLiteral("SELECT keyslot_generation FROM store_info WHERE id = 1")),
        generation + 1);
    for (const QString& path : {session.paths().keySlotFile(), session.paths().keySlotSecondCopy()}) {
        auto copy = KeySlotFile::load(path);
        ASSERT_TRUE(copy.ok()) << path.toStdString();
        EXPECT_EQ(copy->generation, generation + 1);
        EXPECT_EQ(copy->auditHead, session.audit().head());
        EXPECT_TRUE(copy->verifyMac(session.audit().key()));
    }
    EXPECT_TRUE(session.verify().ok());
}
