#include "session/LongWork.h"

#include "session/Session.h"

#include <QThread>

namespace confer {

Status LongWork::Progress::report(int done, int total)
{
    if (m_work.m_isCancelled.load())
        return cancelledError();
    // Each report shown is a repaint on the GUI thread: a bar moves visibly at ten a second.
    constexpr qint64 ShowEveryMs = 100;
    const int permille = total > 0 ? int(qint64(done) * 1000 / total) : 0;
    const bool isDue = !m_sinceShown.isValid() || done >= total || m_sinceShown.elapsed() >= ShowEveryMs;
    if (permille != m_shownPermille && isDue) {
        m_shownPermille = permille;
        m_sinceShown.start();
        emit m_work.progressed(done, total); // queued to the receivers' thread
    }
    return {};
}

LongWork::LongWork(Session& session, Operation operation, QObject* parent)
    : QObject(parent)
    , m_session(&session)
    , m_operation(std::move(operation))
{}

LongWork::~LongWork()
{
    if (m_thread) {
        m_isCancelled = true;
        m_thread->wait();
    }
    if (m_session)
        m_session->detachLongWork(this);
}

Error LongWork::cancelledError()
{
    return makeError(ErrorCode::Cancelled, tr("Stopped before it finished; nothing was changed."));
}

void LongWork::start()
{
    if (m_thread || !m_session)
        return;
    auto worker = m_session->makeWorker();
    if (!worker.ok()) {
        m_status = worker.error();
        m_session = nullptr;
        QMetaObject::invokeMethod(this, &LongWork::finished, Qt::QueuedConnection);
        return;
    }
    m_worker = std::move(*worker);
    m_session->attachLongWork(this);
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("confer-long-work"));
    connect(m_thread.get(), &QThread::finished, this, &LongWork::onThreadFinished, Qt::QueuedConnection);
    m_thread->start();
}

bool LongWork::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void LongWork::run()
{
    Status status = m_worker->openWorkerConnection();
    if (status.ok()) {
        Progress progress(*this);
        status = m_isCancelled.load() ? Status(cancelledError()) : m_operation(*m_worker, progress);
    }
    // Closes the worker's connection (a transaction left open rolls back) and wipes its copies of the keys,
    // here on the thread that used them.
    m_worker.reset();
    m_status = std::move(status);
}

void LongWork::onThreadFinished()
{
    if (m_isStoppedForLock)
        return;       // queued before the lock; the session and whoever listened are gone
    m_thread->wait(); // returns at once: it orders the worker's last writes before the reads below
    if (m_session) {
        m_session->detachLongWork(this);
        m_session = nullptr;
    }
    emit finished();
}

void LongWork::stopForLock()
{
    m_isCancelled = true;
    m_isStoppedForLock = true;
    if (m_thread)
        m_thread->wait();
    m_session = nullptr; // the session detached this already
}

} // namespace confer
