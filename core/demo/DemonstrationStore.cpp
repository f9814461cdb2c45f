#include "demo/DemonstrationStore.h"

#include "audit/AuditLog.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

Result<bool> DemonstrationStore::isDemonstration(Database& db)
{
    auto row = db.prepare(QStringLiteral("SELECT is_demonstration FROM store_info WHERE id = 1"));
    if (!row.ok())
        return row.error();
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow && row->columnInt(0) == 1;
}

Status DemonstrationStore::mark(Session& session)
{
    if (!session.isAdministrator())
        return makeError(
            ErrorCode::AccessDenied,
            QCoreApplication::translate("confer::DemonstrationStore",
                                        "Only an administrator can make a demonstration store."));
    Database& db = session.database();
    auto already = isDemonstration(db);
    if (!already.ok())
        return already.error();
    if (*already)
        return {};
    // The flag and its audit event commit together, or neither does.
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral("UPDATE store_info SET is_demonstration = 1 WHERE id = 1"));
    if (!update.ok())
        return update.error();
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status audited = session.audit().append(session.currentUser().login, auditAction(),
                                                QStringLiteral("store"), QStringLiteral("demonstration=1"));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
