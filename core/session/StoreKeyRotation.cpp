#include "session/StoreKeyRotation.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotCrypto.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>

namespace confer {

namespace {

// In the store's settings while a new store key is owed: set with the account change that needs it,
// cleared when the new key is in place, so a rotation that could not finish is done at the next sign-in.
const char* const OwedKey = "store_key_rotation_owed";

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreKeyRotation)
};

Status appendRotationEvent(Session& session, const QString& detail)
{
    return session.audit().append(session.currentUser().login, AuditAction::StoreKeyRotate, {}, detail);
}

// Every box of the file: the next key's become current (isKept) or are dropped.
void settleBoxes(KeySlotFile& file, bool isKept)
{
    for (KeySlot& slot : file.userSlots) {
        if (isKept && !slot.pendingStoreKeyBox.isEmpty())
            slot.storeKeyBox = slot.pendingStoreKeyBox;
        slot.pendingStoreKeyBox.clear();
    }
    if (file.recovery) {
        if (isKept && !file.recovery->pendingStoreKeyBox.isEmpty())
            file.recovery->storeKeyBox = file.recovery->pendingStoreKeyBox;
        file.recovery->pendingStoreKeyBox.clear();
    }
}

} // namespace

Status StoreKeyRotation::rotate(Session& session, const std::function<Status(KeySlotFile&)>& accountChange)
{
    if (session.database().isInTransaction())
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("Confer tried to change the store key inside another change; nothing was saved."));
    // A rekey reopens this connection only: a long operation's connection would be left on the old key.
    if (session.hasWorkers())
        return makeError(ErrorCode::Conflict,
                         Tr::tr("Confer is still busy with a long operation. Wait until it has finished, "
                                "then try again; nothing was saved."));
    SecureBytes next = SecureBytes::random(32);

    // 1. The account change, the record that a new key is owed, and the next key's boxes, pending, in
    //    both copies of the key file: all or nothing.
    Status pending = session.commitKeyChange([&](KeySlotFile& file) -> Status {
        if (Status changed = accountChange(file); !changed.ok())
            return changed;
        if (Status owed = setOwed(session, true); !owed.ok())
            return owed;
        for (KeySlot& slot : file.userSlots) {
            auto box = KeySlotCrypto::sealStoreKeyBox(next, slot.publicKey, file.storeId);
            if (!box.ok())
                return box.error();
            slot.pendingStoreKeyBox = *box;
        }
        if (file.recovery) {
            auto box = KeySlotCrypto::sealStoreKeyBox(next, file.recovery->publicKey, file.storeId);
            if (!box.ok())
                return box.error();
            file.recovery->pendingStoreKeyBox = *box;
        }
        return appendRotationEvent(session, QStringLiteral("started"));
    });
    if (!pending.ok() && !isOwed(session))
        return pending; // nothing was saved

    // 2–4. From here the account change is saved whatever happens; the new key is owed until it is done.
    Status finished = pending.ok() ? finish(session, std::move(next)) : pending;
    if (finished.ok())
        return {};
    // The files are left as the failure left them: unlock tries the pending key first, keeps whichever
    // opens the store, and the owed rotation runs again. A slot added meanwhile is sealed with the key the
    // session is on, which is the one that opens the store.
    return makeError(finished.error().code,
                     Tr::tr("The account change was saved, but the store's own key could not be changed "
                            "yet. Confer changes it at the next sign-in; until then an old copy of the "
                            "removed key still opens the store."),
                     finished.error().message + QStringLiteral(" | ") + finished.error().detail);
}

Status StoreKeyRotation::finish(Session& session, SecureBytes next)
{
    // 2. Every page under the next key. No old-key frame may stay behind in the WAL.
    if (Status checkpointed = session.database().checkpointTruncate(); !checkpointed.ok())
        return checkpointed;
    (void)session.database().rekey(next); // its status is not to be trusted: the probe below decides

    // 3. Close, reopen, and see which key opens the store.
    auto isOnNextKey = session.reopen(std::move(next));
    if (!isOnNextKey.ok())
        return isOnNextKey.error();
    if (!*isOnNextKey)
        return makeError(ErrorCode::Database, Tr::tr("The store's key could not be changed."),
                         QStringLiteral("the old key still opens the store after the rekey"));
    // 4. The new key's boxes become the current ones; the old key's go.
    if (Status settled = settle(session, true); !settled.ok())
        return settled;
    return session.database().checkpointTruncate();
}

Status StoreKeyRotation::settle(Session& session, bool isOnPendingKey)
{
    return session.commitKeyChange([&](KeySlotFile& file) -> Status {
        settleBoxes(file, isOnPendingKey);
        if (isOnPendingKey) {
            if (Status paid = setOwed(session, false); !paid.ok())
                return paid;
        }
        return appendRotationEvent(session,
                                   isOnPendingKey ? QStringLiteral("done") : QStringLiteral("abandoned"));
    });
}

Status StoreKeyRotation::finishOwed(Session& session)
{
    if (!isOwed(session))
        return {};
    return rotate(session, [](KeySlotFile&) { return Status{}; });
}

bool StoreKeyRotation::isOwed(Session& session)
{
    auto row = session.database().prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    if (!row.ok())
        return false;
    row->bind(":key", QString::fromLatin1(OwedKey));
    auto hasRow = row->step();
    return hasRow.ok() && *hasRow && row->columnText(0) == QLatin1String("1");
}

Status StoreKeyRotation::setOwed(Session& session, bool isOwedNow)
{
    auto write = session.database().prepare(
        isOwedNow ? QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (:key, '1')")
                  : QStringLiteral("DELETE FROM settings WHERE key = :key"));
    if (!write.ok())
        return write.error();
    write->bind(":key", QString::fromLatin1(OwedKey));
    return write->run();
}

} // namespace confer
