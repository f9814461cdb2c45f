#include "session/StoreProbe.h"

#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>

namespace confer {

StoreProbe::~StoreProbe() = default;

Result<std::unique_ptr<StoreProbe>> StoreProbe::open(const StorePaths& paths, const SecureBytes& storeKey)
{
    Database::Options options;
    options.readOnly = true;
    auto db = Database::open(paths.storeFile(), storeKey, options);
    if (!db.ok())
        return db.error();
    std::unique_ptr<StoreProbe> probe(new StoreProbe);
    probe->m_db = std::move(*db);

    auto info = probe->m_db->prepare(
        QStringLiteral("SELECT store_id, is_device_bound, keyslot_generation FROM store_info WHERE id = 1"));
    if (!info.ok())
        return info.error();
    auto hasRow = info->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::StoreCorrupt,
                         QCoreApplication::translate(
                             "confer::StoreProbe", "The store is damaged: it does not say which store it is. "
                                                   "Restore the store folder from a backup."),
                         QStringLiteral("store_info row missing"));
    probe->m_storeId = info->columnText(0);
    probe->m_isDeviceBound = info->columnInt(1) != 0;
    probe->m_keySlotGeneration = info->columnInt(2);

    auto key = AuditLog::readKey(*probe->m_db);
    if (!key.ok())
        return key.error();
    probe->m_auditKey = std::move(*key);
    auto head = AuditLog::readHead(*probe->m_db);
    if (!head.ok())
        return head.error();
    probe->m_head = *head;
    return probe;
}

Result<bool> StoreProbe::hasEnabledAccount(const QString& login)
{
    auto row =
        m_db->prepare(QStringLiteral("SELECT count(*) FROM users WHERE login = :login AND is_disabled = 0"));
    if (!row.ok())
        return row.error();
    row->bind(":login", login);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow && row->columnInt(0) > 0;
}

} // namespace confer
