#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"
#include "crypto/PassphraseKdf.h"
#include "crypto/RecoveryKey.h"
#include "session/OpenedStore.h"
#include "session/Session.h"
#include "session/StorePaths.h"

#include <QDateTime>
#include <QList>

#include <memory>
#include <optional>

namespace confer {

class Clock;
class DeviceSecretStore;

// Creates a store, and opens one: by passphrase, or by the recovery key (which then binds this
// device). Failed attempts are audited once the store can be opened, and never reveal whether
// the login, the passphrase or the file was at fault. The parts: StoreSetup (a new store),
// PassphraseUnlock and RecoveryUnlock (the read-only search for a key-slot copy that opens the store),
// KeySlotCopyCheck (what a copy must match), OpenerErrors (the refusals).
class StoreOpener final {
public:
    StoreOpener(StorePaths paths, DeviceSecretStore& deviceSecrets, const Clock& clock,
                KdfPolicy policy = KdfPolicy::product());

    bool storeExists() const { return m_paths.exists(); }
    const StorePaths& paths() const { return m_paths; }
    // Logins with a key slot, for the unlock screen. Empty when there is no readable slot file.
    QStringList logins() const;
    bool isDeviceBound() const;

    struct SetupRequest {
        QString adminLogin;
        QString adminDisplayName;
        QString passphrase;
        bool bindToDevice = true;
        // KDF cost for every slot; when empty, tuned on this machine to ~0.75 s.
        std::optional<KdfParams> kdf;
    };
    struct SetupOutcome {
        std::unique_ptr<Session> session;
        RecoveryKey recoveryKey; // show once, then drop
    };
    Result<SetupOutcome> create(const SetupRequest& request);

    Result<std::unique_ptr<Session>> unlock(const QString& login, const QString& passphrase);

    // Opens with the recovery key and reseals the login's slot under newPassphrase. Binds the store to
    // this computer when its device secret is missing here (a new entry: a secret that is only locked
    // is never overwritten). Also how an administrator accepts a backup restored on purpose: an older
    // store is re-anchored, and the acceptance is audited.
    Result<std::unique_ptr<Session>> recover(const QString& recoveryKeyText, const QString& login,
                                             const QString& newPassphrase);

private:
    struct FailedAttempt {
        QString login;
        QDateTime atUtc;
        AuditAction action; // SignInFailure or RecoveryFailure
    };
    // Opens the store read-write, mends the key-slot copies and the anchor, signs the user in and
    // audits it, with `events` (action, detail) first.
    Result<std::unique_ptr<Session>> openSession(OpenedStore opened, const QString& login, const QString& how,
                                                 const QList<std::pair<AuditAction, QString>>& events = {});
    // The failed attempts since the last sign-in, `events` and the sign-in itself, in one transaction.
    Status auditSignIn(Session& session, const QString& how,
                       const QList<std::pair<AuditAction, QString>>& events);
    Error failed(const Error& error, const QString& login, AuditAction action);
    // The request's KDF cost, or one tuned on this machine; never below the policy's floor.
    Result<KdfParams> kdfFor(const SetupRequest& request) const;

    StorePaths m_paths;
    DeviceSecretStore& m_deviceSecrets;
    const Clock& m_clock;
    KdfPolicy m_policy;
    // Failed attempts since the last sign-in: the store is locked when they happen, so they are
    // written to the audit trail by the next successful unlock (nothing on disk changes before).
    QList<FailedAttempt> m_failedAttempts;
};

} // namespace confer
