#pragma once

#include "accounts/AccountSession.h"
#include "accounts/User.h"
#include "audit/AuditAction.h"
#include "common/Result.h"
#include "keys/KeySlotFile.h"

#include <QVariant>

#include <functional>
#include <optional>
#include <vector>

namespace confer {

class Database;

// Local accounts, and the only writer of the `users` table. Administrators add, disable and reset;
// everyone changes their own passphrase. Each change reseals or removes exactly one key slot and is
// audited.
class AccountService final {
public:
    explicit AccountService(AccountSession& session);

    Result<std::vector<User>> users() const;
    Result<User> user(UserId id) const;
    Result<User> userByLogin(const QString& login) const; // NotFound when there is none

    struct NewUser {
        QString login;
        QString displayName;
        Role role = Role::Member;
        QString initialPassphrase; // the administrator tells the person; they change it on first use
    };
    Result<User> addUser(const NewUser& request); // administrators only
    // Disabling removes the person's key slot and rotates the store key, so a copy of their old slot
    // opens no later copy of the store. NotNeeded is only for an account whose passphrase nobody was ever
    // told (the demonstration's record-only people).
    enum class KeyRotation { Rotate, NotNeeded };
    Status setDisabled(UserId userId, bool isDisabled, const QString& newPassphraseIfEnabling = {},
                       KeyRotation rotation = KeyRotation::Rotate);
    enum class ResetReason {
        Forgotten,  // reseal the one slot
        MayBeKnown, // someone else may know the old passphrase: also rotate the store key
    };
    Status resetPassphrase(UserId userId, const QString& newPassphrase,
                           ResetReason reason = ResetReason::Forgotten); // administrators only
    Status changeRole(UserId userId, Role role); // administrators only; never the last admin
    Status changeOwnPassphrase(const QString& current, const QString& replacement);

    // Which agency a user works for (administrators only). `checkAgency` is the partnership's check that
    // the agency exists; it runs after the administrator and account checks, so a refusal is audited first.
    Status setAgency(UserId userId, std::optional<AgencyId> agencyId,
                     const std::function<Status()>& checkAgency);

    // A new store's first administrator: what the setup request must satisfy before any file is made,
    // then the account itself, inside the store's first transaction (its key slot is sealed before the
    // store exists). Refused once the store has any account.
    static Status checkFirstAdministrator(const QString& login, const QString& displayName,
                                          const QString& passphrase);
    Result<User> createFirstAdministrator(const QString& login, const QString& displayName);

private:
    Status requireAdministrator(AuditAction action) const;
    Result<int> activeAdministratorCount() const;
    Result<User> findUser(const QString& where, const QVariant& key) const;
    // Runs change and its audit event in one transaction and leaves login's key slot as newSlot
    // (std::nullopt removes it): everything or nothing.
    // With rotatesStoreKey, the store gets a new key in the same change (StoreKeyRotation).
    Status changeWithSlot(const std::function<Status(Database&)>& change, AuditAction action,
                          const QString& record, const QString& detail, const QString& login,
                          const std::optional<KeySlot>& newSlot, bool rotatesStoreKey = false);
    AccountSession& m_session;
};

} // namespace confer
