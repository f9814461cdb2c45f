#pragma once

#include "accounts/User.h"
#include "common/Result.h"

#include <functional>
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
    Status writeSlot(const QString& login, const QString& passphrase);
    Status removeSlot(const QString& login);
    Status changeWithSlot(const std::function<Status(Database&)>& change, const QString& action,
                          const QString& record, const QString& detail,
                          const std::function<Status()>& slotChange);
    Session& m_session;
};

} // namespace confer
