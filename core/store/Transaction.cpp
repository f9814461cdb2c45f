#include "store/Transaction.h"

#include "store/Database.h"

#include <QCoreApplication>

namespace confer {

Transaction::Transaction(Database& db)
    : m_db(db)
    // IMMEDIATE takes the write lock now, so a busy store fails here rather than halfway through.
    , m_begin(db.exec(QStringLiteral("BEGIN IMMEDIATE")))
    , m_active(m_begin.ok())
{}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    // SQLite may already have rolled back on its own (a failed COMMIT after an I/O error).
    if (m_db.isInTransaction())
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
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
    if (Status committed = m_db.exec(QStringLiteral("COMMIT")); !committed.ok())
        return committed;
    m_active = false;
    m_db.notifyCommitted();
    return {};
}

} // namespace confer
