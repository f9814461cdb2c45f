#include "accounts/AccountService.h"

#include "accounts/PassphrasePolicy.h"
#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "keys/KeySlotFile.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::AccountService)
};

const char* const SelectUser = "SELECT id, login, display_name, role, is_disabled, created_utc FROM users";

User readUser(const Statement& row)
{
    User user;
    user.id = row.columnId<UserId>(0);
    user.login = row.columnText(1);
    user.displayName = row.columnText(2);
    user.role = roleFromKey(row.columnText(3)).value_or(Role::Member);
    user.isDisabled = row.columnInt(4) != 0;
    user.createdUtc = QDateTime::fromString(row.columnText(5), Qt::ISODateWithMs);
    return user;
}

QString userRecord(UserId id)
{
    return AuditRecord::ofUser(id);
}

} // namespace

AccountService::AccountService(AccountSession& session)
    : m_session(session)
{}

Status AccountService::requireAdministrator(AuditAction action) const
{
    if (m_session.currentUser().role == Role::Administrator)
        return {};
    (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied, {},
                                   auditActionKey(action));
    return makeError(ErrorCode::AccessDenied, Tr::tr("Only an administrator can manage accounts."));
}

Result<std::vector<User>> AccountService::users() const
{
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectUser) +
                                             QStringLiteral(" ORDER BY display_name COLLATE NOCASE"));
    if (!rows.ok())
        return rows.error();
    return rows->collect<User>(readUser);
}

Result<User> AccountService::user(UserId id) const
{
    return findUser(QStringLiteral(" WHERE id = :key"), id.value());
}

Result<User> AccountService::userByLogin(const QString& login) const
{
    return findUser(QStringLiteral(" WHERE login = :key"), login);
}

Result<User> AccountService::findUser(const QString& where, const QVariant& key) const
{
    auto row = m_session.database().prepare(QString::fromLatin1(SelectUser) + where);
    if (!row.ok())
        return row.error();
    if (key.typeId() == QMetaType::QString)
        row->bind(":key", key.toString());
    else
        row->bind(":key", key.toLongLong());
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That account does not exist."));
    return readUser(*row);
}

Result<int> AccountService::activeAdministratorCount() const
{
    auto row = m_session.database().prepare(
        QStringLiteral("SELECT count(*) FROM users WHERE role = 'administrator' AND is_disabled = 0"));
    if (!row.ok())
        return row.error();
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    return static_cast<int>(row->columnInt(0));
}

Status AccountService::changeWithSlot(const std::function<Status(Database&)>& change, AuditAction action,
                                      const QString& record, const QString& detail, const QString& login,
                                      const std::optional<KeySlot>& newSlot, bool rotatesStoreKey)
{
    // The change, its audit event and the key-slot change as one key change: all or nothing.
    const auto keyChange = [&](KeySlotFile& file) -> Status {
        if (Status changed = change(m_session.database()); !changed.ok())
            return changed;
        if (Status audited = m_session.audit().append(m_session.currentUser().login, action, record, detail);
            !audited.ok())
            return audited;
        if (newSlot)
            file.upsertSlot(*newSlot);
        else
            file.removeSlot(login);
        return {};
    };
    return rotatesStoreKey ? m_session.commitKeyChangeWithNewStoreKey(keyChange)
                           : m_session.commitKeyChange(keyChange);
}

Result<User> AccountService::addUser(const NewUser& request)
{
    if (Status allowed = requireAdministrator(AuditAction::AccountCreate); !allowed.ok())
        return allowed.error();
    if (Status valid = validateLogin(request.login); !valid.ok())
        return valid.error();
    if (request.displayName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the person's full name."));
    if (Status strong = PassphrasePolicy::check(request.initialPassphrase, request.login); !strong.ok())
        return strong.error();
    if (userByLogin(request.login).ok())
        return makeError(ErrorCode::Conflict, Tr::tr("That user name is already taken."));
    auto slot = m_session.sealSlot(request.login, request.initialPassphrase);
    if (!slot.ok())
        return slot.error();

    UserId newId;
    QString record; // known once the row exists; the audit event reads it after the insert
    Status status = changeWithSlot(
        [&](Database& db) -> Status {
            auto insert =
                db.prepare(QStringLiteral("INSERT INTO users (login, display_name, role, created_utc) "
                                          "VALUES (:login, :name, :role, :at)"));
            if (!insert.ok())
                return insert.error();
            insert->bind(":login", request.login)
                .bind(":name", request.displayName.trimmed())
                .bind(":role", roleKey(request.role))
                .bind(":at", m_session.clock().nowUtc().toString(Qt::ISODateWithMs));
            if (Status run = insert->run(); !run.ok()) {
                if (run.error().code == ErrorCode::Conflict ||
                    run.error().detail.contains(QLatin1String("UNIQUE")))
                    return makeError(ErrorCode::Conflict, Tr::tr("That user name is already taken."));
                return run;
            }
            newId = db.lastInsertId<UserId>();
            record = userRecord(newId);
            return {};
        },
        AuditAction::AccountCreate, record, QStringLiteral("role=%1").arg(roleKey(request.role)),
        request.login, *slot);
    if (!status.ok())
        return status.error();
    return user(newId);
}

Status AccountService::setDisabled(UserId userId, bool isDisabled, const QString& newPassphraseIfEnabling,
                                   KeyRotation rotation)
{
    if (Status allowed = requireAdministrator(AuditAction::AccountDisable); !allowed.ok())
        return allowed;
    auto target = user(userId);
    if (!target.ok())
        return target.error();
    if (target->isDisabled == isDisabled)
        return {};
    if (isDisabled && target->id == m_session.currentUser().id)
        return makeError(ErrorCode::InvalidInput, Tr::tr("You cannot disable your own account."));
    if (isDisabled && target->role == Role::Administrator) {
        auto admins = activeAdministratorCount();
        if (!admins.ok())
            return admins.error();
        if (*admins <= 1)
            return makeError(ErrorCode::InvalidInput, Tr::tr("The last administrator cannot be disabled."));
    }
    std::optional<KeySlot> slot;
    if (!isDisabled) {
        if (Status strong = PassphrasePolicy::check(newPassphraseIfEnabling, target->login); !strong.ok())
            return strong;
        auto sealed = m_session.sealSlot(target->login, newPassphraseIfEnabling);
        if (!sealed.ok())
            return sealed.error();
        slot = *sealed;
    }
    return changeWithSlot(
        [&](Database& db) -> Status {
            auto update =
                db.prepare(QStringLiteral("UPDATE users SET is_disabled = :disabled WHERE id = :id"));
            if (!update.ok())
                return update.error();
            update->bind(":disabled", isDisabled).bind(":id", userId);
            return update->run();
        },
        isDisabled ? AuditAction::AccountDisable : AuditAction::AccountEnable, userRecord(userId), {},
        target->login, slot, isDisabled&& rotation == KeyRotation::Rotate);
}

Status AccountService::resetPassphrase(UserId userId, const QString& newPassphrase, ResetReason reason)
{
    if (Status allowed = requireAdministrator(AuditAction::AccountReset); !allowed.ok())
        return allowed;
    auto target = user(userId);
    if (!target.ok())
        return target.error();
    if (target->isDisabled)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Enable the account before resetting its passphrase."));
    if (Status strong = PassphrasePolicy::check(newPassphrase, target->login); !strong.ok())
        return strong;
    auto slot = m_session.sealSlot(target->login, newPassphrase);
    if (!slot.ok())
        return slot.error();
    const bool mayBeKnown = reason == ResetReason::MayBeKnown;
    return changeWithSlot([](Database&) { return Status{}; }, AuditAction::AccountReset, userRecord(userId),
                          mayBeKnown ? QStringLiteral("may be known") : QString(), target->login, *slot,
                          mayBeKnown);
}

Status AccountService::changeRole(UserId userId, Role role)
{
    if (Status allowed = requireAdministrator(AuditAction::AccountRole); !allowed.ok())
        return allowed;
    auto target = user(userId);
    if (!target.ok())
        return target.error();
    if (target->role == role)
        return {};
    if (target->role == Role::Administrator && !target->isDisabled) {
        auto admins = activeAdministratorCount();
        if (!admins.ok())
            return admins.error();
        if (*admins <= 1)
            return makeError(ErrorCode::InvalidInput, Tr::tr("The last administrator must keep that role."));
    }
    Status status = [&]() -> Status {
        Database& db = m_session.database();
        Transaction tx(db);
        if (!tx.isActive())
            return tx.beginStatus();
        auto update = db.prepare(QStringLiteral("UPDATE users SET role = :role WHERE id = :id"));
        if (!update.ok())
            return update.error();
        update->bind(":role", roleKey(role)).bind(":id", userId);
        if (Status run = update->run(); !run.ok())
            return run;
        if (Status audited = m_session.audit().append(
                m_session.currentUser().login, AuditAction::AccountRole, userRecord(userId),
                QStringLiteral("%1->%2").arg(roleKey(target->role), roleKey(role)));
            !audited.ok())
            return audited;
        return tx.commit();
    }();
    if (status.ok() && userId == m_session.currentUser().id) {
        User updated = m_session.currentUser();
        updated.role = role;
        m_session.currentUserChanged(updated);
    }
    return status;
}

Status AccountService::changeOwnPassphrase(const QString& current, const QString& replacement)
{
    const User& me = m_session.currentUser();
    const KeySlotFile slotFile = m_session.keySlots();
    const KeySlot* slot = slotFile.slotFor(me.login);
    if (!slot)
        return makeError(ErrorCode::NotFound,
                         Tr::tr("Your key slot is missing; ask an administrator to reset it."));
    if (!m_session.opensSlot(*slot, current)) {
        (void)m_session.audit().append(me.login, AuditAction::PassphraseChangeRefused, userRecord(me.id));
        return makeError(ErrorCode::WrongCredentials, Tr::tr("The current passphrase is not correct."));
    }
    if (Status strong = PassphrasePolicy::check(replacement, me.login); !strong.ok())
        return strong;
    if (current == replacement)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The new passphrase must differ from the current one."));
    auto replacementSlot = m_session.sealSlot(me.login, replacement);
    if (!replacementSlot.ok())
        return replacementSlot.error();
    return changeWithSlot([](Database&) { return Status{}; }, AuditAction::PassphraseChange,
                          userRecord(me.id), {}, me.login, *replacementSlot);
}

Status AccountService::setAgency(UserId userId, std::optional<AgencyId> agencyId,
                                 const std::function<Status()>& checkAgency)
{
    const QString record = userRecord(userId);
    if (m_session.currentUser().role != Role::Administrator) {
        (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied, record,
                                       auditActionKey(AuditAction::UserAgency));
        return makeError(ErrorCode::AccessDenied,
                         Tr::tr("Only an administrator can say which agency a user works for."));
    }
    if (Status exists = user(userId); !exists.ok())
        return exists;
    if (Status known = checkAgency(); !known.ok())
        return known;

    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto change = db.prepare(QStringLiteral("UPDATE users SET agency_id = :agency WHERE id = :id"));
    if (!change.ok())
        return change.error();
    change->bind(":agency", agencyId).bind(":id", userId);
    if (Status run = change->run(); !run.ok())
        return run;
    const QString agency = agencyId ? AuditRecord::ofAgency(*agencyId) : QStringLiteral("agency:none");
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::UserAgency, record, agency);
        !audited.ok())
        return audited;
    return tx.commit();
}

Status AccountService::checkFirstAdministrator(const QString& login, const QString& displayName,
                                               const QString& passphrase)
{
    if (Status valid = validateLogin(login); !valid.ok())
        return valid;
    if (displayName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the administrator's full name."));
    return PassphrasePolicy::check(passphrase, login);
}

Result<User> AccountService::createFirstAdministrator(const QString& login, const QString& displayName)
{
    Database& db = m_session.database();
    auto count = db.prepare(QStringLiteral("SELECT count(*) FROM users"));
    if (!count.ok())
        return count.error();
    auto hasRow = count->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (count->columnInt(0) != 0)
        return makeError(ErrorCode::Conflict, Tr::tr("This store already has its first administrator."));

    // Nobody is signed in yet: the new administrator is the actor of their own creation.
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto admin = db.prepare(QStringLiteral("INSERT INTO users (login, display_name, role, created_utc) "
                                           "VALUES (:login, :name, 'administrator', :at)"));
    if (!admin.ok())
        return admin.error();
    admin->bind(":login", login)
        .bind(":name", displayName.trimmed())
        .bind(":at", m_session.clock().nowUtc().toString(Qt::ISODateWithMs));
    if (Status run = admin->run(); !run.ok())
        return run.error();
    const auto id = db.lastInsertId<UserId>();
    if (Status audited = m_session.audit().append(login, AuditAction::AccountCreate, userRecord(id),
                                                  QStringLiteral("role=administrator"));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return user(id);
}

} // namespace confer
