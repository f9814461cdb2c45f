// The store under injected faults, through the bare Database and Transaction: a failed write or sync
// in a commit gives a clear error and rolls back, and the store reopens whole; a power loss at any
// write or sync never loses an acknowledged commit.
#include "FaultVfs.h"

#include "CrashPayload.h"
#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "files/SafeFile.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QProcess>

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <cerrno>
#include <iostream>
#include <set>

namespace confer {
namespace {

using test::describe;
using test::FaultVfs;
using test::mustOpen;
using test::TestStoreDir;

constexpr int BatchRows = 3; // rows per transaction: a commit of several pages
constexpr int WaitMs = 20000;

class StoreUnderFaults : public ::testing::Test {
protected:
    void SetUp() override
    {
        FaultVfs::install();
        FaultVfs::disarm();
        m_path = m_dir.file(QStringLiteral("store.db"));
        m_db = mustOpen(m_path, m_key, test::creating());
        ASSERT_NE(m_db, nullptr);
        test::mustExec(*m_db,
                       QStringLiteral("CREATE TABLE rows (n INTEGER PRIMARY KEY, payload BLOB NOT NULL)"));
    }
    void TearDown() override { FaultVfs::disarm(); }

    // One transaction inserting rows first..first+BatchRows-1; the first error on the way, if any.
    Status insertBatch(qint64 first)
    {
        Transaction transaction(*m_db);
        if (!transaction.isActive())
            return transaction.beginStatus();
        auto insert = m_db->prepare(QStringLiteral("INSERT INTO rows (n, payload) VALUES (:n, :payload)"));
        if (!insert.ok())
            return insert.error();
        for (qint64 n = first; n < first + BatchRows; ++n) {
            insert->bind(":n", n).bind(":payload", test::crashPayload(n));
            if (Status run = insert->run(); !run.ok())
                return run;
            insert->reset();
        }
        return transaction.commit();
    }

    std::set<qint64> rowsIn(Database& db)
    {
        std::set<qint64> rows;
        auto select = db.prepare(QStringLiteral("SELECT n, payload FROM rows ORDER BY n"));
        EXPECT_TRUE(select.ok()) << (select.ok() ? std::string() : describe(select.error()));
        if (!select.ok())
            return rows;
        for (;;) {
            auto hasRow = select->step();
            EXPECT_TRUE(hasRow.ok()) << (hasRow.ok() ? std::string() : describe(hasRow.error()));
            if (!hasRow.ok() || !*hasRow)
                break;
            EXPECT_EQ(select->columnBlob(1), test::crashPayload(select->columnInt(0)));
            rows.insert(select->columnInt(0));
        }
        return rows;
    }

    // Arms the fault for point n, runs one batch, and checks the connection, then a fresh one.
    // Gives whether the fault was delivered (false: the batch had fewer points and succeeded).
    bool runBatchWithFault(const std::function<void()>& arm, ErrorCode expectedCode)
    {
        const qint64 first = m_next;
        arm();
        const Status inserted = insertBatch(first);
        const bool hasFired = FaultVfs::hasFired();
        FaultVfs::disarm();
        std::set<qint64> batch;
        for (qint64 n = first; n < first + BatchRows; ++n)
            batch.insert(n);
        m_next += BatchRows;

        if (!hasFired) {
            EXPECT_TRUE(inserted.ok()) << describe(inserted.error());
            m_committed.insert(batch.begin(), batch.end());
            return false;
        }
        EXPECT_FALSE(inserted.ok()) << "a delivered fault must not be acknowledged as a saved change";
        if (!inserted.ok()) {
            EXPECT_EQ(inserted.error().code, expectedCode) << describe(inserted.error());
            EXPECT_FALSE(inserted.error().message.isEmpty());
        }
        // The same connection rolled back: not in a transaction, the batch absent, every commit there.
        EXPECT_FALSE(m_db->isInTransaction());
        EXPECT_EQ(rowsIn(*m_db), m_committed) << "the failed transaction was not rolled back";

        // A fresh connection, as after a restart: the store is whole; the failed batch is all or nothing
        // (a commit whose WAL sync failed may still have reached the disk).
        m_db.reset();
        m_db = mustOpen(m_path, m_key);
        if (!m_db)
            return true;
        const Status integrity = m_db->checkIntegrity();
        EXPECT_TRUE(integrity.ok()) << describe(integrity.error());
        std::set<qint64> reopened = rowsIn(*m_db);
        std::set<qint64> withBatch = m_committed;
        withBatch.insert(batch.begin(), batch.end());
        EXPECT_TRUE(reopened == m_committed || reopened == withBatch)
            << "after reopening: " << reopened.size() << " rows, " << m_committed.size() << " committed";
        if (reopened == withBatch)
            m_committed = withBatch;
        return true;
    }

    // Sweeps the fault over every point of one batch; gives the number of points tried.
    int sweep(const std::function<void(int)>& armAt, ErrorCode expectedCode)
    {
        int points = 0;
        for (int n = 1;; ++n) {
            SCOPED_TRACE(testing::Message() << "fault at point " << n);
            if (!runBatchWithFault([&] { armAt(n); }, expectedCode))
                break;
            ++points;
            if (HasFatalFailure() || n > 1000)
                break;
        }
        EXPECT_GT(points, 0) << "no fault point was ever reached: is the store going through the fault VFS?";
        return points;
    }

    TestStoreDir m_dir;
    QString m_path;
    SecureBytes m_key = SecureBytes::random(32);
    std::unique_ptr<Database> m_db;
    std::set<qint64> m_committed;
    qint64 m_next = 1;
};

TEST_F(StoreUnderFaults, StoreWritesAndSyncsGoThroughTheFaultVfs)
{
    FaultVfs::disarm();
    ASSERT_TRUE(insertBatch(1).ok());
    EXPECT_GT(FaultVfs::counts().writes, 0);
    EXPECT_GT(FaultVfs::counts().syncs, 0);
}

TEST_F(StoreUnderFaults, FullDiskAtAnyWriteOfACommitRollsBackWithDiskFull)
{
    const int points = sweep([](int n) { FaultVfs::armWriteFailure(n, SQLITE_FULL); }, ErrorCode::DiskFull);
    std::cout << "full disk: " << points << " write points, all rolled back\n";
}

TEST_F(StoreUnderFaults, WriteErrorAtAnyWriteOfACommitRollsBack)
{
    const int points =
        sweep([](int n) { FaultVfs::armWriteFailure(n, SQLITE_IOERR_WRITE); }, ErrorCode::Database);
    std::cout << "write error: " << points << " write points, all rolled back\n";
}

TEST_F(StoreUnderFaults, SyncErrorAtAnySyncOfACommitRollsBack)
{
    const int points = sweep([](int n) { FaultVfs::armSyncFailure(n); }, ErrorCode::Database);
    std::cout << "fsync error: " << points << " sync points, all rolled back\n";
}

TEST_F(StoreUnderFaults, DiskThatStaysFullRefusesEveryCommitAndTheStoreWorksOnceSpaceIsFreed)
{
    ASSERT_TRUE(insertBatch(1).ok());
    FaultVfs::armWriteFailure(1, SQLITE_FULL, /*isSticky=*/true);
    for (qint64 first : {10, 20, 30}) {
        const Status refused = insertBatch(first);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, ErrorCode::DiskFull) << describe(refused.error());
        EXPECT_EQ(
            refused.error().message.toStdString(),
            "There is not enough disk space for the store, so this change was not saved. Free some space "
            "and try again.");
    }
    FaultVfs::disarm();
    const Status retried = insertBatch(40);
    ASSERT_TRUE(retried.ok()) << describe(retried.error());
    EXPECT_EQ(rowsIn(*m_db), (std::set<qint64>{1, 2, 3, 40, 41, 42}));
}

// The same counter sees SafeFile's steps, so one sweep covers the store and the files beside it.
TEST(FaultVfsSafeFile, SafeFileStepsAreCountedAndTheNthFails)
{
    FaultVfs::install();
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    FaultVfs::disarm();
    ASSERT_TRUE(SafeFile::replace(path, QByteArrayLiteral("first")).ok());
    const int steps = FaultVfs::counts().safeFileSteps;
    EXPECT_GE(steps, 6);
    for (int n = 1; n <= steps; ++n) {
        SCOPED_TRACE(testing::Message() << "step " << n);
        FaultVfs::armSafeFileFailure(n, ENOSPC);
        const Status replaced = SafeFile::replace(path, QByteArrayLiteral("second"));
        EXPECT_TRUE(FaultVfs::hasFired());
        ASSERT_FALSE(replaced.ok());
        EXPECT_EQ(replaced.error().code, ErrorCode::DiskFull);
        FaultVfs::disarm();
        ASSERT_TRUE(SafeFile::replace(path, QByteArrayLiteral("first")).ok());
    }
}

// --- power loss ---

struct ChildRun {
    int exitCode = -1;
    bool isCrash = false;
    QList<qint64> acknowledged;
    bool diedInsideCommit = false; // its last line was "b n": inside a transaction
    int events = -1;               // printed when it ran to the end
    QByteArray errors;
};

ChildRun runWriter(const QString& path, const QByteArray& keyLine, int exitAt, int commits,
                   bool isUnsynced = false)
{
    ChildRun run;
    QProcess writer;
    writer.setProgram(QStringLiteral(CONFER_STORE_POWER_LOSS_WRITER));
    writer.setArguments({path, QString::number(exitAt), QString::number(commits)});
    if (isUnsynced)
        writer.setArguments(writer.arguments() << QStringLiteral("unsynced"));
    writer.start();
    if (!writer.waitForStarted(WaitMs))
        return run;
    writer.write(keyLine);
    writer.closeWriteChannel();
    if (!writer.waitForFinished(WaitMs))
        writer.kill();
    writer.waitForFinished(WaitMs);
    run.exitCode = writer.exitCode();
    run.isCrash = writer.exitStatus() == QProcess::CrashExit;
    run.errors = writer.readAllStandardError();
    const QByteArray output = writer.readAllStandardOutput();
    QByteArray lastLine;
    for (const QByteArray& line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        lastLine = line;
        if (line.startsWith("events "))
            run.events = line.mid(7).toInt();
        else if (!line.startsWith("b "))
            run.acknowledged << line.toLongLong();
    }
    run.diedInsideCommit = lastLine.startsWith("b ");
    return run;
}

QByteArray keyLineOf(const SecureBytes& key)
{
    return QByteArray(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size())).toHex() +
           '\n';
}

// The control: with synchronous off nothing is ever synced, so a power loss after ten commits must
// take them all. If this passed without losing anything, the model would not be dropping writes.
TEST(StorePowerLoss, ModelLosesCommitsThatWereNeverSynced)
{
    const SecureBytes key = SecureBytes::random(32);
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const ChildRun run = runWriter(path, keyLineOf(key), 40, 30, /*isUnsynced=*/true);
    ASSERT_EQ(run.exitCode, FaultVfs::PowerLossExit) << run.errors.toStdString();
    ASSERT_GE(run.acknowledged.size(), 5);
    auto db = mustOpen(path, key);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(test::queryInt(*db, QStringLiteral("SELECT count(*) FROM rows")), 0)
        << "unsynced commits survived the simulated power loss";
}

TEST(StorePowerLoss, PowerLossAtAnyWriteOrSyncNeverLosesAnAcknowledgedCommit)
{
    constexpr int Commits = 30;
    constexpr qint64 BudgetMs = 45000; // the sweep strides so it ends well inside a minute
    const SecureBytes key = SecureBytes::random(32);
    const QByteArray keyLine = keyLineOf(key);
    QElapsedTimer elapsed;
    elapsed.start();

    // A run without power loss tells how many events 30 commits and the close make.
    int events = 0;
    qint64 runMs = 0;
    {
        TestStoreDir dir;
        QElapsedTimer one;
        one.start();
        const ChildRun whole = runWriter(dir.file(QStringLiteral("store.db")), keyLine, 0, Commits);
        runMs = std::max<qint64>(1, one.elapsed());
        ASSERT_EQ(whole.exitCode, 0) << whole.errors.toStdString();
        ASSERT_EQ(whole.acknowledged.size(), Commits);
        events = whole.events;
        ASSERT_GT(events, Commits) << "every commit writes and syncs at least once";
    }
    // Every point when it fits the budget, else an even stride that still reaches the last event.
    const int stride = std::max<int>(1, static_cast<int>((events * runMs) / BudgetMs) + 1);

    int points = 0;
    int insideCommits = 0;
    int inFlightDurable = 0;
    int lostCommits = 0;
    for (int n = 1; n <= events; n += (n + stride > events && n != events) ? events - n : stride) {
        SCOPED_TRACE(testing::Message() << "power lost at event " << n << " of " << events);
        TestStoreDir dir;
        const QString path = dir.file(QStringLiteral("store.db"));
        const ChildRun run = runWriter(path, keyLine, n, Commits);
        ASSERT_FALSE(run.isCrash) << run.errors.toStdString();
        ASSERT_EQ(run.exitCode, FaultVfs::PowerLossExit) << run.errors.toStdString();
        ++points;
        if (run.diedInsideCommit)
            ++insideCommits;
        const qint64 highestAcked = run.acknowledged.isEmpty() ? 0 : run.acknowledged.last();

        auto db = mustOpen(path, key);
        ASSERT_NE(db, nullptr);
        const Status integrity = db->checkIntegrity();
        ASSERT_TRUE(integrity.ok()) << describe(integrity.error());
        const qint64 rows = test::queryInt(*db, QStringLiteral("SELECT count(*) FROM rows"));
        const qint64 highest = test::queryInt(*db, QStringLiteral("SELECT coalesce(max(n), 0) FROM rows"));
        const qint64 counter = test::queryInt(*db, QStringLiteral("SELECT value FROM counter"));
        if (highest < highestAcked)
            ++lostCommits;
        EXPECT_GE(highest, highestAcked) << "an acknowledged commit was lost";
        EXPECT_LE(highest, highestAcked + 1) << "at most the commit in flight may be there unacknowledged";
        EXPECT_EQ(rows, highest) << "rows run 1..max without a gap";
        EXPECT_EQ(counter, highest) << "the counter commits with its row or not at all";
        if (highest > highestAcked)
            ++inFlightDurable;
        if (highest > 0) {
            EXPECT_EQ(test::queryText(
                          *db, QStringLiteral("SELECT hex(payload) FROM rows WHERE n = %1").arg(highest)),
                      QString::fromLatin1(test::crashPayload(highest).toHex().toUpper()));
        }
    }
    std::cout << "power loss: " << events << " events in " << Commits << " commits and the close, " << points
              << " points tried (stride " << stride << "), " << insideCommits << " kills inside commits, "
              << inFlightDurable << " in-flight commits durable, " << lostCommits << " lost commits, "
              << elapsed.elapsed() << " ms\n";
    EXPECT_EQ(lostCommits, 0);
    EXPECT_GT(insideCommits, 0);
}

} // namespace
} // namespace confer
