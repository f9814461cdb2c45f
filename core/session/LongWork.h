#pragma once

#include "common/Result.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace confer {

class Session;

// Runs one long operation (a demo fill; later paper import, purge, export) on a worker thread over a
// connection of its own, with progress and cancellation, so the GUI thread never waits on the store.
// The session's lock() cancels it and waits until that connection is closed, before any key is wiped.
class LongWork final : public QObject {
    Q_OBJECT
public:
    // What the operation reports to, on the worker thread.
    class Progress final {
    public:
        // `done` of `total` steps so far. Once cancel() has been asked it returns the Cancelled error: the
        // operation returns it in turn, so its transaction rolls back and the store stays as it was.
        Status report(int done, int total);

    private:
        friend class LongWork;
        explicit Progress(LongWork& work)
            : m_work(work)
        {}
        LongWork& m_work;
        int m_shownPermille = -1;
        QElapsedTimer m_sinceShown;
    };
    // Runs on the worker thread, against the worker's session (same user, its own connection).
    using Operation = std::function<Status(Session& worker, Progress& progress)>;

    LongWork(Session& session, Operation operation, QObject* parent = nullptr);
    ~LongWork() override; // cancels and waits if the operation still runs

    // Once. finished() follows, also when no worker could be started.
    void start();
    // Asks the operation to stop at its next report; finished() follows, with the Cancelled error unless
    // the operation had already got past its last report.
    void cancel() { m_isCancelled = true; }
    bool isRunning() const;
    // After finished(): what the operation returned.
    const Status& status() const { return m_status; }

    // "Stopped before it finished; nothing was changed." with ErrorCode::Cancelled.
    static Error cancelledError();

signals:
    // On this object's thread: the first report, the last, and in between at most ten a second, so that
    // the GUI thread repaints a bar, not a flood.
    void progressed(int done, int total);
    // On this object's thread; never after the session has locked (it is gone by then).
    void finished();

private:
    friend class Session;
    void run(); // on the worker thread
    void onThreadFinished();
    // The session is locking: cancel, wait until the worker's connection is closed, and emit nothing more.
    void stopForLock();

    Session* m_session; // null once finished or stopped for a lock
    Operation m_operation;
    std::unique_ptr<Session> m_worker; // made here, opened, used and closed on the worker thread
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_isCancelled{false};
    bool m_isStoppedForLock = false;
    Status m_status; // written by the worker thread before it ends
};

} // namespace confer
