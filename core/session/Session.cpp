#include "session/Session.h"

#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "session/StoreLock.h"
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

Session::Session(Parts parts, const Clock& clock, KdfPolicy policy)
    : m_paths(std::move(parts.paths))
    , m_lock(std::move(parts.lock))
    , m_slotFile(std::move(parts.slotFile))
    , m_storeKey(std::move(parts.storeKey))
    , m_deviceSecret(std::move(parts.deviceSecret))
    , m_db(std::move(parts.db))
    , m_clock(clock)
    , m_policy(policy)
{
    m_audit = std::make_unique<AuditLog>(*m_db, AuditLog::deriveAuditKey(m_storeKey), m_clock,
                                         [this](const AuditAnchor& anchor) {
                                             return updateKeySlots([&](KeySlotFile& file) {
                                                 file.auditAnchor = anchor;
                                                 return Status{};
                                             });
                                         });
    m_accounts = std::make_unique<AccountService>(*this);
}

Session::~Session()
{
    lock();
}

Status Session::start(const QString& login)
{
    const Error refused =
        makeError(ErrorCode::WrongCredentials, trSession("The user name or passphrase is not correct."));
    auto user = m_accounts->userByLogin(login);
    if (!user.ok())
        return user.error().code == ErrorCode::NotFound ? refused : user.error();
    m_user = *user;
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
    abandon();
}

void Session::abandon()
{
    m_accounts.reset();
    m_audit.reset();
    m_db.reset();
    m_storeKey.wipe();
    m_deviceSecret.wipe();
    m_lock.reset();
}

Status Session::updateKeySlots(const std::function<Status(KeySlotFile&)>& change)
{
    auto current = KeySlotFile::load(m_paths.keySlotFile());
    if (!current.ok())
        return current.error();
    if (Status changed = change(*current); !changed.ok())
        return changed;
    if (Status saved = current->save(m_paths.keySlotFile()); !saved.ok())
        return saved;
    m_slotFile = std::move(*current);
    return {};
}

} // namespace confer
