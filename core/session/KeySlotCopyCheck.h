#pragma once

#include "common/Result.h"
#include "keys/KeySlotCopies.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace confer {

class StoreProbe;

// The read-only checks a key-slot copy must pass against the store its key opened (keyslot-format.md,
// 5.4): the same store, an intact MAC, the same device binding, the generation the store records. A
// copy that fails them is not used; the caller may try the other copy.
class KeySlotCopyCheck final {
public:
    using Copies = std::vector<KeySlotCopies::Copy>;

    // The store keys a slot (or the recovery slot) offers: during a key rotation the pending one first.
    static QList<QByteArray> boxesOf(const QByteArray& current, const QByteArray& pending);
    // This is the first copy and the other copy is older, as a change that never committed leaves them.
    static bool mayBeInterrupted(const Copies& copies, const KeySlotCopies::Copy& copy);
    // StoreCorrupt for a copy that is not this store's or was altered; AuditChainBroken (evidence of a
    // rollback: no other copy is tried) for a generation that differs from the store's, except a first
    // copy that mayBeInterrupted is ahead.
    static Status againstStore(const KeySlotFile& file, bool mayBeInterrupted, StoreProbe& probe);
    // A genuine second copy newer than the chosen one is evidence of a rollback too (the first copy may
    // be ahead after a change that never committed).
    static Status noNewerSecondCopy(const Copies& copies, const KeySlotCopies::Copy& chosen,
                                    StoreProbe& probe);
};

} // namespace confer
