#include "store/Transaction.h"

#include "store/Database.h"

#include <QCoreApplication>

#include <atomic>

namespace confer {

namespace {
QString nextSavepointName()
{
    // Connections on several threads name savepoints at once (LongWork).
    static std::atomic<quint64> counter{0};
    return QStringLiteral("confer_savepoint_%1").arg(++counter);
}
} // namespace

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_savepoint(db.isInTransaction() ? nextSavepointName() : QString())
    // IMMEDIATE takes the write lock now, so a busy store fails here rather than halfway through.
    , m_begin(db.exec(m_savepoint.isEmpty() ? QStringLiteral("BEGIN IMMEDIATE")
                                            : QStringLiteral("SAVEPOINT ") + m_savepoint))
    , m_active(m_begin.ok())
{}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    const auto gate = m_db.holdCommitGate(); // the listener mends shared state (Database::shareCommitGate)
    if (!m_savepoint.isEmpty()) {
        (void)m_db.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        (void)m_db.exec(QStringLiteral("RELEASE ") + m_savepoint);
    } else if (m_db.isInTransaction()) {
        // SQLite may already have rolled back on its own (a failed COMMIT after an I/O error).
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    }
    m_db.notifyRolledBack();
}

Status Transaction::commit()
{
    if (!m_active) {
        if (!m_begin.ok())
            return m_begin;
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Transaction",
                                        "Confer tried to save a change twice; nothing more was saved."));
    }
    // A failed COMMIT leaves the transaction open (or already undone); the destructor rolls back.
    if (!m_savepoint.isEmpty()) {
        // Folds into the outer transaction; only its commit makes anything durable.
        if (Status released = m_db.exec(QStringLiteral("RELEASE ") + m_savepoint); !released.ok())
            return released;
        m_active = false;
        return {};
    }
    // No other connection of this session commits until this commit's anchor is written.
    const auto gate = m_db.holdCommitGate();
    if (Status committed = m_db.exec(QStringLiteral("COMMIT")); !committed.ok())
        return committed;
    m_active = false;
    m_isCommitted = true;
    return m_db.notifyCommitted();
}

} // namespace confer
