#include "CrashPayload.h"
#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QElapsedTimer>
#include <QProcess>

#include <gtest/gtest.h>
#include <sys/types.h>

#include <csignal>
#include <iostream>
#include <random>

namespace confer {
namespace {

using test::describe;
using test::mustOpen;
using test::TestStoreDir;

constexpr int Cycles = 200;
constexpr unsigned Seed = 20260105; // fixed, so a failing kill pattern can be replayed
constexpr int WaitMs = 10000;       // for the child to start and acknowledge; never reached when healthy

// Everything the parent can see of the store after the writer died.
struct StoreState {
    qint64 rows = 0;
    qint64 lowest = 0;
    qint64 highest = 0;
    qint64 counter = 0;
    bool isLastPayloadWhole = false;
};

StoreState inspect(Database& db)
{
    StoreState state;
    auto summary = db.prepare(QStringLiteral("SELECT count(*), coalesce(min(n), 0), coalesce(max(n), 0), "
                                             "(SELECT value FROM counter WHERE id = 1) FROM rows"));
    EXPECT_TRUE(summary.ok()) << (summary.ok() ? std::string() : describe(summary.error()));
    if (!summary.ok())
        return state;
    auto hasRow = summary->step();
    EXPECT_TRUE(hasRow.ok() && *hasRow);
    if (!hasRow.ok() || !*hasRow)
        return state;
    state.rows = summary->columnInt(0);
    state.lowest = summary->columnInt(1);
    state.highest = summary->columnInt(2);
    state.counter = summary->columnInt(3);

    auto last = db.prepare(QStringLiteral("SELECT payload FROM rows WHERE n = :n"));
    EXPECT_TRUE(last.ok());
    if (!last.ok())
        return state;
    last->bind(":n", state.highest);
    auto found = last->step();
    state.isLastPayloadWhole =
        found.ok() && *found && last->columnBlob(0) == test::crashPayload(state.highest);
    return state;
}

// Complete lines only: a number cut off by the kill was never acknowledged.
QList<qint64> acknowledgements(const QByteArray& output)
{
    QList<qint64> numbers;
    const qsizetype end = output.lastIndexOf('\n');
    if (end < 0)
        return numbers;
    for (const QByteArray& line : output.left(end).split('\n'))
        numbers << line.toLongLong();
    return numbers;
}

TEST(StoreCrashSafety, KilledWriterNeverLosesAnAcknowledgedCommit)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    const QByteArray keyLine =
        QByteArray(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size())).toHex() +
        '\n';

    std::mt19937 random(Seed);
    std::uniform_int_distribution<int> killAfterMs(5, 60);
    qint64 durable = 0; // the highest row the store has shown to the parent so far
    int unacknowledgedCommits = 0;
    QElapsedTimer elapsed;
    elapsed.start();

    for (int cycle = 0; cycle < Cycles; ++cycle) {
        SCOPED_TRACE(testing::Message() << "cycle " << cycle << " (seed " << Seed << ")");
        QProcess writer;
        writer.setProgram(QStringLiteral(CONFER_STORE_CRASH_WRITER));
        writer.setArguments({path});
        writer.start();
        ASSERT_TRUE(writer.waitForStarted(WaitMs));
        writer.write(keyLine);
        writer.closeWriteChannel();

        // Kill only once it is in its commit loop: after its first acknowledgement, then a random while.
        QByteArray output;
        while (!output.contains('\n')) {
            ASSERT_TRUE(writer.waitForReadyRead(WaitMs))
                << "writer gave no acknowledgement: " << writer.readAllStandardError().toStdString();
            output += writer.readAllStandardOutput();
        }
        const int window = killAfterMs(random);
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        while (sinceFirst.elapsed() < window) {
            writer.waitForReadyRead(static_cast<int>(window - sinceFirst.elapsed()));
            output += writer.readAllStandardOutput();
        }
        ASSERT_EQ(::kill(static_cast<pid_t>(writer.processId()), SIGKILL), 0);
        ASSERT_TRUE(writer.waitForFinished(WaitMs));
        EXPECT_EQ(writer.exitStatus(), QProcess::CrashExit) << writer.readAllStandardError().toStdString();
        output += writer.readAllStandardOutput();

        const QList<qint64> acked = acknowledgements(output);
        ASSERT_FALSE(acked.isEmpty());
        EXPECT_EQ(acked.first(), durable + 1) << "the writer continues right after the last durable row";
        for (qsizetype i = 1; i < acked.size(); ++i)
            ASSERT_EQ(acked[i], acked[i - 1] + 1);
        const qint64 highestAcked = acked.last();

        auto db = mustOpen(path, key);
        ASSERT_NE(db, nullptr);
        const Status integrity = db->checkIntegrity();
        ASSERT_TRUE(integrity.ok()) << describe(integrity.error());
        const StoreState state = inspect(*db);
        ASSERT_GE(state.highest, highestAcked) << "an acknowledged commit was lost";
        ASSERT_LE(state.highest, highestAcked + 1)
            << "at most the one commit in flight may be unacknowledged";
        ASSERT_EQ(state.rows, state.highest) << "rows must run 1..max without a gap";
        ASSERT_EQ(state.lowest, 1);
        ASSERT_EQ(state.counter, state.highest) << "the counter commits with its row or not at all";
        ASSERT_TRUE(state.isLastPayloadWhole);
        if (state.highest > highestAcked)
            ++unacknowledgedCommits;
        durable = state.highest;
    }
    std::cout << "crash safety: " << Cycles << " kills, " << durable << " rows, " << unacknowledgedCommits
              << " commits durable before their acknowledgement, " << elapsed.elapsed() << " ms\n";
}

} // namespace
} // namespace confer
