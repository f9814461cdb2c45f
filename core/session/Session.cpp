#include "session/Session.h"

#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "keys/DeviceSecretStore.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

namespace {

constexpr int DefaultAutoLockMinutes = 5;
const char* const AutoLockKey = "auto_lock_minutes";

QString trSession(const char* text)
{
    return QCoreApplication::translate("confer::Session", text);
}

} // namespace

Session::Session(StorePaths paths, KeySlotFile slotFile, SecureBytes storeKey, std::unique_ptr<Database> db,
                 DeviceSecretStore& deviceSecrets, const Clock& clock, KdfPolicy policy)
    : m_paths(std::move(paths))
    , m_slotFile(std::move(slotFile))
    , m_storeKey(std::move(storeKey))
    , m_db(std::move(db))
    , m_deviceSecrets(deviceSecrets)
    , m_clock(clock)
    , m_policy(policy)
{
    m_audit = std::make_unique<AuditLog>(*m_db, AuditLog::deriveAuditKey(m_storeKey), m_clock,
                                         [this](const AuditAnchor& anchor) {
                                             m_slotFile.auditAnchor = anchor;
                                             return saveKeySlots();
                                         });
    m_accounts = std::make_unique<AccountService>(*this);
}

Session::~Session()
{
    lock();
}

Status Session::start(const QString& login)
{
    auto row = m_db->prepare(QStringLiteral("SELECT id, login, display_name, role, is_disabled, created_utc "
                                            "FROM users WHERE login = :login"));
    if (!row.ok())
        return row.error();
    row->bind(":login", login);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const Error refused =
        makeError(ErrorCode::WrongCredentials, trSession("The user name or passphrase is not correct."));
    if (!*hasRow)
        return refused;
    m_user.id = row->columnInt(0);
    m_user.login = row->columnText(1);
    m_user.displayName = row->columnText(2);
    m_user.role = roleFromKey(row->columnText(3)).value_or(Role::Member);
    m_user.isDisabled = row->columnInt(4) != 0;
    m_user.createdUtc = QDateTime::fromString(row->columnText(5), Qt::ISODate);
    if (m_user.isDisabled) {
        (void)m_audit->append(m_user.login, QStringLiteral("signin.refused"),
                              QStringLiteral("user:%1").arg(m_user.id), QStringLiteral("account disabled"));
        return refused;
    }
    return {};
}

int Session::autoLockMinutes() const
{
    auto row = m_db->prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    if (!row.ok())
        return DefaultAutoLockMinutes;
    row->bind(":key", QString::fromLatin1(AutoLockKey));
    auto hasRow = row->step();
    if (!hasRow.ok() || !*hasRow)
        return DefaultAutoLockMinutes;
    bool isNumber = false;
    const int minutes = row->columnText(0).toInt(&isNumber);
    return isNumber && minutes >= 1 && minutes <= 60 ? minutes : DefaultAutoLockMinutes;
}

Status Session::setAutoLockMinutes(int minutes)
{
    if (!isAdministrator()) {
        (void)m_audit->append(m_user.login, QStringLiteral("access.denied"),
                              QStringLiteral("setting:auto-lock"));
        return makeError(ErrorCode::AccessDenied,
                         trSession("Only an administrator can change the auto-lock time."));
    }
    if (minutes < 1 || minutes > 60)
        return makeError(ErrorCode::InvalidInput,
                         trSession("Choose an auto-lock time from 1 to 60 minutes."));
    Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    // INSERT OR REPLACE: SQLite 3.15 has no UPSERT.
    auto write =
        m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (:key, :value)"));
    if (!write.ok())
        return write.error();
    write->bind(":key", QString::fromLatin1(AutoLockKey)).bind(":value", QString::number(minutes));
    if (Status run = write->run(); !run.ok())
        return run;
    if (Status audited =
            m_audit->append(m_user.login, QStringLiteral("setting.change"),
                            QStringLiteral("setting:auto-lock"), QStringLiteral("minutes=%1").arg(minutes));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status Session::verify()
{
    if (Status integrity = m_db->checkIntegrity(); !integrity.ok())
        return integrity;
    auto result = m_audit->verify(m_slotFile.auditAnchor);
    if (!result.ok())
        return result.error();
    if (!result->isIntact)
        return makeError(ErrorCode::AuditChainBroken, result->problem);
    return {};
}

void Session::lock(const QString& reason)
{
    if (!m_db)
        return;
    if (m_audit)
        (void)m_audit->append(m_user.login, QStringLiteral("session.lock"), {}, reason);
    m_accounts.reset();
    m_audit.reset();
    m_db.reset();
    m_storeKey.wipe();
}

Status Session::saveKeySlots()
{
    return m_slotFile.save(m_paths.keySlotFile());
}

Result<SecureBytes> Session::deviceSecret()
{
    if (!m_slotFile.isDeviceBound)
        return SecureBytes();
    return m_deviceSecrets.read(m_slotFile.storeId);
}

} // namespace confer
