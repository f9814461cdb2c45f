// Long work runs on a worker thread over a connection of its own, reports progress to the GUI thread,
// and stops when asked: cancelled, or because the session locks, it rolls back, and a lock waits until
// the worker's connection is closed before it wipes the keys.
#include "session/LongWork.h"

#include "StoreCallRecorder.h"
#include "TestSession.h"
#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace confer;

namespace {

const QString Marker = QStringLiteral("long.work.marker");

qint64 markerRows(Database& db)
{
    auto row = db.prepare(QStringLiteral("SELECT count(*) FROM settings WHERE key = :key"));
    if (!row.ok())
        return -1;
    row->bind(":key", Marker);
    auto hasRow = row->step();
    return hasRow.ok() && *hasRow ? row->columnInt(0) : -1;
}

// Events whose action key (column "action") or record (column "record") is value.
qint64 eventsWith(Database& db, const char* column, const QString& value)
{
    auto row = db.prepare(QStringLiteral("SELECT count(*) FROM audit_events WHERE %1 = :value")
                              .arg(QString::fromLatin1(column)));
    if (!row.ok())
        return -1;
    row->bind(":value", value);
    auto hasRow = row->step();
    return hasRow.ok() && *hasRow ? row->columnInt(0) : -1;
}

// A change and its audit event, as a service writes them, on whichever session it is given.
Status writeMarker(Session& session)
{
    auto insert =
        session.database().prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, '1')"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":key", Marker);
    if (Status run = insert->run(); !run.ok())
        return run;
    return session.audit().append(session.currentUser().login, AuditAction::SettingChange, Marker);
}

// Always in the middle of a change when the test stops it: the change is written inside a transaction,
// then the operation reports until it is told to stop (bounded, so a broken cancel fails, not hangs).
Status changeUntilStopped(Session& worker, LongWork::Progress& progress)
{
    Transaction tx(worker.database());
    if (!tx.isActive())
        return tx.beginStatus();
    if (Status written = writeMarker(worker); !written.ok())
        return written;
    const QDeadlineTimer limit(60000);
    while (!limit.hasExpired()) {
        if (Status reported = progress.report(1, 2); !reported.ok())
            return reported;
        QThread::yieldCurrentThread();
    }
    return makeError(ErrorCode::Database, QStringLiteral("the operation was never stopped"));
}

bool waitForFirstProgress(LongWork& work)
{
    QSignalSpy progressed(&work, &LongWork::progressed);
    return progressed.count() > 0 || progressed.wait(30000);
}

class LongWorkTest : public ::testing::Test {
protected:
    Session& session() { return store.session(); }
    AuditLog::Verification verifyChain()
    {
        auto verified = session().audit().verifyChain();
        EXPECT_TRUE(verified.ok());
        return verified.ok() ? *verified : AuditLog::Verification{};
    }

    test::TestSession store;
};

} // namespace

TEST_F(LongWorkTest, RunsTheOperationOnAnotherThreadOverAConnectionOfItsOwn)
{
    const AuditHead before = session().audit().head();
    Qt::HANDLE operationThread = nullptr;
    bool hasOwnConnection = false;
    const Session* const mine = &session();
    const Database* const myConnection = &session().database();
    LongWork work(session(), [&](Session& worker, LongWork::Progress&) {
        operationThread = QThread::currentThreadId();
        hasOwnConnection = &worker != mine && &worker.database() != myConnection;
        return writeMarker(worker);
    });
    QSignalSpy finished(&work, &LongWork::finished);
    work.start();
    ASSERT_TRUE(finished.wait(30000));
    ASSERT_TRUE(work.status().ok()) << work.status().error().detail.toStdString();
    EXPECT_NE(operationThread, QThread::currentThreadId());
    EXPECT_TRUE(hasOwnConnection);
    EXPECT_FALSE(work.isRunning());
    EXPECT_FALSE(session().hasWorkers()) << "the worker session outlived its work";
    EXPECT_EQ(markerRows(session().database()), 1);
    EXPECT_EQ(session().audit().head().sequence, before.sequence + 1);
    EXPECT_TRUE(verifyChain().isIntact);
    EXPECT_TRUE(session().verify().ok());
}

TEST_F(LongWorkTest, ReportsProgressOnTheThreadThatStartedIt)
{
    LongWork work(session(), [](Session&, LongWork::Progress& progress) {
        for (int done = 1; done <= 10; ++done) {
            if (Status reported = progress.report(done, 10); !reported.ok())
                return reported;
        }
        return Status{};
    });
    std::vector<int> seen;
    bool isOnStartingThread = true;
    QObject receiver; // on this thread, as a progress dialog is
    QObject::connect(&work, &LongWork::progressed, &receiver, [&](int done, int total) {
        isOnStartingThread = isOnStartingThread && QThread::currentThread() == work.thread();
        EXPECT_EQ(total, 10);
        seen.push_back(done);
    });
    QSignalSpy finished(&work, &LongWork::finished);
    work.start();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(work.status().ok());
    EXPECT_TRUE(isOnStartingThread);
    // The first report and the last always arrive, in order; in between at most ten a second.
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front(), 1);
    EXPECT_EQ(seen.back(), 10);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_LT(seen.size(), 10u) << "every step was shown: the GUI thread would repaint each";
}

TEST_F(LongWorkTest, CancelRollsTheWholeChangeBack)
{
    const AuditHead before = session().audit().head();
    LongWork work(session(), changeUntilStopped);
    QSignalSpy finished(&work, &LongWork::finished);
    work.start();
    ASSERT_TRUE(waitForFirstProgress(work)); // the change is written, not committed
    work.cancel();
    ASSERT_TRUE(finished.count() > 0 || finished.wait(30000));
    ASSERT_FALSE(work.status().ok());
    EXPECT_EQ(work.status().error().code, ErrorCode::Cancelled);
    EXPECT_FALSE(work.status().error().message.isEmpty());
    EXPECT_EQ(markerRows(session().database()), 0);
    EXPECT_EQ(eventsWith(session().database(), "record", Marker), 0);
    EXPECT_EQ(session().audit().head(), before);
    EXPECT_TRUE(verifyChain().isIntact);
    EXPECT_TRUE(session().verify().ok()); // the anchor is where the store is
}

TEST_F(LongWorkTest, LockCancelsTheWorkAndClosesItsConnectionBeforeTheKeysGo)
{
    LongWork work(session(), changeUntilStopped);
    QSignalSpy finished(&work, &LongWork::finished);
    work.start();
    ASSERT_TRUE(waitForFirstProgress(work));

    test::StoreCallRecorder recorder;
    const Qt::HANDLE lockingThread = QThread::currentThreadId();
    session().lock(QStringLiteral("idle"));
    EXPECT_TRUE(session().isLocked());
    EXPECT_FALSE(work.isRunning()) << "lock returned while the work still ran";
    ASSERT_FALSE(work.status().ok());
    EXPECT_EQ(work.status().error().code, ErrorCode::Cancelled);

    // The worker's connection closed before the session made its own last calls (the lock event).
    const auto calls = recorder.calls();
    const auto workerClose = std::find_if(calls.begin(), calls.end(), [&](const auto& call) {
        return call.thread != lockingThread && call.kind == StoreCallObserver::Call::Close;
    });
    const auto sessionFirst = std::find_if(calls.begin(), calls.end(),
                                           [&](const auto& call) { return call.thread == lockingThread; });
    ASSERT_NE(workerClose, calls.end()) << "the worker's connection was not closed";
    ASSERT_NE(sessionFirst, calls.end()) << "the lock wrote no event";
    EXPECT_LT(workerClose - calls.begin(), sessionFirst - calls.begin());

    // Nothing more is said once the session has gone.
    QCoreApplication::processEvents();
    EXPECT_EQ(finished.count(), 0);

    // The store holds nothing of the cancelled change, and its chain ends with the lock.
    auto reopened = store.opener().unlock(QString::fromLatin1(test::TestSession::AdminLogin),
                                          test::TestSession::adminPassphrase());
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    Database& db = (*reopened)->database();
    EXPECT_EQ(markerRows(db), 0);
    EXPECT_EQ(eventsWith(db, "record", Marker), 0);
    EXPECT_EQ(eventsWith(db, "action", auditActionKey(AuditAction::SessionLock)), 1);
    auto verified = (*reopened)->audit().verifyChain();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->isIntact) << verified->problem.toStdString();
}

TEST_F(LongWorkTest, DestroyingRunningWorkCancelsItAndWaits)
{
    const AuditHead before = session().audit().head();
    auto work = std::make_unique<LongWork>(session(), changeUntilStopped);
    work->start();
    ASSERT_TRUE(waitForFirstProgress(*work));
    work.reset();
    EXPECT_FALSE(session().hasWorkers());
    EXPECT_EQ(markerRows(session().database()), 0);
    EXPECT_EQ(session().audit().head(), before);
    // The session locks as usual afterwards, with nothing left to stop.
    session().lock();
    EXPECT_TRUE(session().isLocked());
}

TEST_F(LongWorkTest, NoWorkStartsOnALockedSession)
{
    session().lock();
    bool hasRun = false;
    LongWork work(session(), [&](Session&, LongWork::Progress&) {
        hasRun = true;
        return Status{};
    });
    QSignalSpy finished(&work, &LongWork::finished);
    work.start();
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(hasRun);
    EXPECT_FALSE(work.status().ok());
    EXPECT_FALSE(work.isRunning());
}
