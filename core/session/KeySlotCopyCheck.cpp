#include "session/KeySlotCopyCheck.h"

#include "session/OpenerErrors.h"
#include "session/StoreProbe.h"

#include <QCoreApplication>

#include <algorithm>

namespace confer {

namespace {

// StoreOpener's sentences, in the context lupdate sees for them.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreOpener)
};

} // namespace

QList<QByteArray> KeySlotCopyCheck::boxesOf(const QByteArray& current, const QByteArray& pending)
{
    QList<QByteArray> boxes;
    if (!pending.isEmpty())
        boxes.append(pending);
    boxes.append(current);
    return boxes;
}

bool KeySlotCopyCheck::mayBeInterrupted(const Copies& copies, const KeySlotCopies::Copy& copy)
{
    return copy.index == 0 &&
           std::any_of(copies.begin(), copies.end(), [&](const KeySlotCopies::Copy& other) {
               return other.index == 1 && other.file.generation < copy.file.generation;
           });
}

Status KeySlotCopyCheck::againstStore(const KeySlotFile& file, bool mayBeInterrupted, StoreProbe& probe)
{
    if (probe.storeId() != file.storeId)
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The key file beside the store belongs to a different store."),
                         QStringLiteral("store id differs"));
    if (!file.verifyMac(probe.auditKey()))
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The key file beside the store has been altered, so Confer will not use it. "
                                "Restore the store folder from a backup, or use the recovery key."),
                         QStringLiteral("key-slot MAC does not verify"));
    // The binding is authenticated twice: in each slot's sealed data and here, against the store.
    if (probe.isDeviceBound() != file.isDeviceBound)
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The key file's device binding does not match the store's own record: the "
                                "key file has been altered. Confer will not open the store with it."),
                         QStringLiteral("binding differs"));
    // The first copy ahead is what a change interrupted before its commit leaves (or whose commit failed
    // and whose first copy could not be put back): the other copy is used. The second copy is written
    // only after the commit, so the second copy ahead means the store is older.
    if (file.generation > probe.keySlotGeneration()) {
        if (mayBeInterrupted)
            return makeError(ErrorCode::StoreCorrupt,
                             Tr::tr("The key file holds a key change the store never saved (Confer stopped "
                                    "during the change). The other copy of the key file is needed."),
                             QStringLiteral("first copy one uncommitted change ahead"));
        return OpenerErrors::olderThanKeyFile(file.generation, probe.keySlotGeneration());
    }
    if (file.generation < probe.keySlotGeneration())
        return makeError(ErrorCode::AuditChainBroken,
                         Tr::tr("The key file is an older copy than the store expects: it could bring back "
                                "passphrases that were changed. Restore the current key file, or use the "
                                "recovery key."),
                         QStringLiteral("key-slot generation %1 behind store's %2")
                             .arg(file.generation)
                             .arg(probe.keySlotGeneration()));
    return {};
}

Status KeySlotCopyCheck::noNewerSecondCopy(const Copies& copies, const KeySlotCopies::Copy& chosen,
                                           StoreProbe& probe)
{
    for (const KeySlotCopies::Copy& other : copies) {
        if (&other == &chosen || other.file.generation <= chosen.file.generation ||
            !other.file.verifyMac(probe.auditKey()))
            continue;
        if (other.index != 0)
            return OpenerErrors::olderThanKeyFile(other.file.generation, probe.keySlotGeneration());
    }
    return {};
}

} // namespace confer
