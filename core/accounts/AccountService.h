#pragma once

#include "accounts/User.h"
#include "common/Result.h"
#include "keys/KeySlotFile.h"

#include <QVariant>

#include <functional>
#include <optional>
#include <vector>

namespace confer {

class Database;
class Session;

// Local accounts. Administrators add, disable and reset; everyone changes their own passphrase.
// Each change reseals or removes exactly one key slot and is audited.
class AccountService final {
public:
    explicit AccountService(Session& session);

    Result<std::vector<User>> users() const;
    Result<User> user(qint64 id) const;
    Result<User> userByLogin(const QString& login) const; // NotFound when there is none

    struct NewUser {
        QString login;
        QString displayName;
        Role role = Role::Member;
        QString initialPassphrase; // the administrator tells the person; they change it on first use
    };
    Result<User> addUser(const NewUser& request); // administrators only
    Status setDisabled(qint64 userId, bool isDisabled, const QString& newPassphraseIfEnabling = {});
    Status resetPassphrase(qint64 userId, const QString& newPassphrase); // administrators only
    Status changeRole(qint64 userId, Role role); // administrators only; never the last admin
    Status changeOwnPassphrase(const QString& current, const QString& replacement);

private:
    Status requireAdministrator(const QString& action) const;
    Result<int> activeAdministratorCount() const;
    Result<User> findUser(const QString& where, const QVariant& key) const;
    Result<KeySlot> sealSlot(const QString& login, const QString& passphrase) const;
    // Runs change and its audit event in one transaction and leaves login's key slot as newSlot
    // (std::nullopt removes it): everything or nothing.
    Status changeWithSlot(const std::function<Status(Database&)>& change, const QString& action,
                          const QString& record, const QString& detail, const QString& login,
                          const std::optional<KeySlot>& newSlot);
    Session& m_session;
};

} // namespace confer
