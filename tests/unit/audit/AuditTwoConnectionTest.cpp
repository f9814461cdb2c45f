// Two connections to one store append to one audit chain: the session's own and a worker's (the
// connection a LongWork runs on). Each append reads the chain head inside its write transaction, so the
// two never fork the chain, and the anchor follows every commit whichever connection made it.
#include "TestSession.h"
#include "accounts/AccountService.h"
#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <gtest/gtest.h>

#include <memory>
#include <thread>

using namespace confer;

namespace {

// Every event in sequence order: (sequence, commit number, previous hash, hash).
struct Link {
    qint64 sequence = 0;
    qint64 commit = 0;
    QByteArray previousHash;
    QByteArray hash;
};

std::vector<Link> chainOf(Database& db)
{
    std::vector<Link> links;
    auto rows =
        db.prepare(QStringLiteral("SELECT seq, commit_no, prev_hash, hash FROM audit_events ORDER BY seq"));
    EXPECT_TRUE(rows.ok());
    while (rows.ok()) {
        auto hasRow = rows->step();
        if (!hasRow.ok() || !*hasRow)
            break;
        links.push_back({rows->columnInt(0), rows->columnInt(1), rows->columnBlob(2), rows->columnBlob(3)});
    }
    return links;
}

// One chain, no fork: sequences 1..n with no gap, each event sealed over the one before it, commit numbers
// never going back and never skipping.
void expectLinear(const std::vector<Link>& links)
{
    for (std::size_t i = 1; i < links.size(); ++i) {
        EXPECT_EQ(links[i].sequence, links[i - 1].sequence + 1) << "at event " << links[i].sequence;
        EXPECT_EQ(links[i].previousHash, links[i - 1].hash) << "event " << links[i].sequence << " forks";
        EXPECT_GE(links[i].commit, links[i - 1].commit) << "at event " << links[i].sequence;
        EXPECT_LE(links[i].commit, links[i - 1].commit + 1) << "at event " << links[i].sequence;
    }
}

class AuditTwoConnections : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto made = store.session().makeWorker();
        ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
        worker = std::move(*made);
        Status opened = worker->openWorkerConnection();
        ASSERT_TRUE(opened.ok()) << opened.error().detail.toStdString();
    }

    Session& session() { return store.session(); }
    // A harmless real action; the label goes in the record, where the test can tell the events apart.
    Status append(Session& on, const QString& label)
    {
        return on.audit().append(QStringLiteral("admin"), AuditAction::SettingChange, label);
    }
    void expectIntactAndAnchored()
    {
        auto verified = session().audit().verifyChain();
        ASSERT_TRUE(verified.ok());
        EXPECT_TRUE(verified->isIntact) << verified->problem.toStdString();
        expectLinear(chainOf(session().database()));
        const AuditHead head = session().audit().head();
        EXPECT_EQ(worker->audit().head(), head) << "the two connections see different heads";
        auto anchored = AuditAnchorFile::load(session().paths().anchorFile(), session().keySlots().storeId,
                                              session().audit().key());
        ASSERT_TRUE(anchored.ok()) << anchored.error().detail.toStdString();
        EXPECT_EQ(*anchored, head) << "the anchor is not at the last commit";
        EXPECT_TRUE(session().verify().ok());
    }

    test::TestSession store;
    std::unique_ptr<Session> worker;
};

} // namespace

TEST_F(AuditTwoConnections, InterleavedAppendsMakeOneLinearChain)
{
    const qint64 before = session().audit().head().sequence;
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(append(session(), QStringLiteral("test.session")).ok());
        ASSERT_TRUE(append(*worker, QStringLiteral("test.worker")).ok());
    }
    // Transactions on either side, each appending twice, between lone appends of the other.
    for (int i = 0; i < 3; ++i) {
        {
            Transaction tx(worker->database());
            ASSERT_TRUE(tx.isActive());
            ASSERT_TRUE(append(*worker, QStringLiteral("test.worker.tx")).ok());
            ASSERT_TRUE(append(*worker, QStringLiteral("test.worker.tx")).ok());
            ASSERT_TRUE(tx.commit().ok());
        }
        ASSERT_TRUE(append(session(), QStringLiteral("test.session")).ok());
        {
            Transaction tx(session().database());
            ASSERT_TRUE(tx.isActive());
            ASSERT_TRUE(append(session(), QStringLiteral("test.session.tx")).ok());
            ASSERT_TRUE(append(session(), QStringLiteral("test.session.tx")).ok());
            ASSERT_TRUE(tx.commit().ok());
        }
        ASSERT_TRUE(append(*worker, QStringLiteral("test.worker")).ok());
    }
    EXPECT_EQ(session().audit().head().sequence, before + 10 + 3 * 6);
    expectIntactAndAnchored();

    // The two events of each transaction share a commit; everything else has one of its own.
    const std::vector<Link> links = chainOf(session().database());
    const qint64 firstTx = before + 11;
    for (int i = 0; i < 3; ++i) {
        const std::size_t at = std::size_t(firstTx + i * 6 - 1);
        EXPECT_EQ(links[at].commit, links[at + 1].commit) << "worker transaction " << i;
        EXPECT_EQ(links[at + 3].commit, links[at + 4].commit) << "session transaction " << i;
        EXPECT_EQ(links[at + 2].commit, links[at + 1].commit + 1);
    }
}

TEST_F(AuditTwoConnections, AWorkersRolledBackTransactionLeavesTheOtherConnectionsEvents)
{
    const AuditHead before = session().audit().head();
    {
        Transaction tx(worker->database());
        ASSERT_TRUE(tx.isActive());
        ASSERT_TRUE(append(*worker, QStringLiteral("test.worker.undone")).ok());
        // never committed
    }
    EXPECT_EQ(session().audit().head(), before);
    ASSERT_TRUE(append(session(), QStringLiteral("test.session")).ok());
    ASSERT_TRUE(append(*worker, QStringLiteral("test.worker")).ok());
    EXPECT_EQ(session().audit().head().sequence, before.sequence + 2);
    EXPECT_EQ(session().audit().head().commit, before.commit + 2);
    expectIntactAndAnchored();
}

TEST_F(AuditTwoConnections, ConcurrentAppendsFromTwoThreadsStayLinear)
{
    constexpr int PerThread = 40;
    const qint64 before = session().audit().head().sequence;
    std::atomic<int> workerFailures{0};
    std::thread other([&] {
        for (int i = 0; i < PerThread; ++i) {
            if (!append(*worker, QStringLiteral("test.worker")).ok())
                ++workerFailures;
        }
    });
    int sessionFailures = 0;
    for (int i = 0; i < PerThread; ++i) {
        if (!append(session(), QStringLiteral("test.session")).ok())
            ++sessionFailures;
    }
    other.join();
    EXPECT_EQ(sessionFailures, 0);
    EXPECT_EQ(workerFailures.load(), 0);
    EXPECT_EQ(session().audit().head().sequence, before + 2 * PerThread);
    const std::vector<Link> links = chainOf(session().database());
    for (std::size_t i = std::size_t(before); i < links.size(); ++i)
        EXPECT_EQ(links[i].commit, links[i - 1].commit + 1) << "every lone append is a commit of its own";
    expectIntactAndAnchored();
}

TEST_F(AuditTwoConnections, AKeyChangeOnTheWorkerReachesTheSessionsKeyFile)
{
    AccountService::NewUser request{QStringLiteral("chair.one"), QStringLiteral("Chair One"), Role::Chair,
                                    QStringLiteral("lantern orchard velvet compass")};
    auto added = worker->accounts().addUser(request);
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    EXPECT_TRUE(session().keySlots().slotFor(QStringLiteral("chair.one")));
    // A key change on the session now starts from the worker's file, so the new slot is kept.
    ASSERT_TRUE(session().accounts().changeRole(added->id, Role::Member).ok());
    auto other =
        session().accounts().addUser({QStringLiteral("member.two"), QStringLiteral("Member Two"),
                                      Role::Member, QStringLiteral("harbour lantern quietly rowing")});
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    const KeySlotFile file = worker->keySlots();
    EXPECT_TRUE(file.slotFor(QStringLiteral("chair.one")));
    EXPECT_TRUE(file.slotFor(QStringLiteral("member.two")));
    expectIntactAndAnchored();

    // Both copies on disk hold both slots, with the generation the store records.
    worker.reset();
    session().lock();
    auto unlocked = store.opener().unlock(QStringLiteral("chair.one"), request.initialPassphrase);
    ASSERT_TRUE(unlocked.ok()) << unlocked.error().message.toStdString();
    EXPECT_TRUE((*unlocked)->notices().isEmpty())
        << (*unlocked)->notices().join(QLatin1Char(' ')).toStdString();
}

TEST_F(AuditTwoConnections, TheStoreKeyIsNotRotatedWhileAWorkerIsOpen)
{
    auto added =
        session().accounts().addUser({QStringLiteral("chair.one"), QStringLiteral("Chair One"), Role::Chair,
                                      QStringLiteral("lantern orchard velvet compass")});
    ASSERT_TRUE(added.ok());
    const AuditHead before = session().audit().head();
    Status disabled = session().accounts().setDisabled(added->id, true);
    ASSERT_FALSE(disabled.ok());
    EXPECT_EQ(disabled.error().code, ErrorCode::Conflict);
    EXPECT_EQ(session().audit().head(), before) << "a refused rotation saved something";
    worker.reset();
    EXPECT_TRUE(session().accounts().setDisabled(added->id, true).ok());
}
