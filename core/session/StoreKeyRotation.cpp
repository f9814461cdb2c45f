#include "session/StoreKeyRotation.h"

#include "audit/AuditLog.h"
#include "crypto/SecureBytes.h"
#include "session/Session.h"
#include "store/Database.h"

#include <QCoreApplication>

namespace confer {

namespace {

QString trRotation(const char* text)
{
    return QCoreApplication::translate("confer::StoreKeyRotation", text);
}

Status appendRotationEvent(Session& session, const QString& detail)
{
    return session.audit().append(session.currentUser().login, QStringLiteral("store.key.rotate"), {},
                                  detail);
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
            trRotation("Confer tried to change the store key inside another change; nothing was saved."));
    SecureBytes next = SecureBytes::random(32);

    // 1. The account change and the next key's boxes, pending, in both copies of the key file.
    Status pending = session.commitKeyChange([&](KeySlotFile& file) -> Status {
        if (Status changed = accountChange(file); !changed.ok())
            return changed;
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
    if (!pending.ok())
        return pending;

    // 2. Every page under the next key. No old-key frame may stay behind in the WAL.
    if (Status checkpointed = session.database().checkpointTruncate(); !checkpointed.ok())
        return checkpointed;
    (void)session.database().rekey(next); // its status is not to be trusted: the probe below decides

    // 3. Close, reopen, and see which key opens the store.
    std::vector<SecureBytes> keys;
    keys.push_back(next.clone());
    keys.push_back(session.storeKey().clone());
    auto opened = session.reopen(std::move(keys));
    if (!opened.ok())
        return opened.error();
    const bool isOnNewKey = *opened == 0;
    if (Status settled = settle(session, isOnNewKey); !settled.ok())
        return settled;
    if (!isOnNewKey)
        return makeError(ErrorCode::Database,
                         trRotation("The store's key could not be changed. The account change was saved; try "
                                    "again to change the key."));
    return session.database().checkpointTruncate();
}

Status StoreKeyRotation::settle(Session& session, bool isOnPendingKey)
{
    return session.commitKeyChange([&](KeySlotFile& file) -> Status {
        settleBoxes(file, isOnPendingKey);
        return appendRotationEvent(session,
                                   isOnPendingKey ? QStringLiteral("done") : QStringLiteral("abandoned"));
    });
}

} // namespace confer
