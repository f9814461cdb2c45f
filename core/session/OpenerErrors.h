#pragma once

#include "common/Error.h"

#include <QtGlobal>

namespace confer {

// The sentences StoreOpener refuses with, shared by creating, unlocking and recovering a store. None
// of them tells a guesser whether the login, the passphrase or the file was at fault.
class OpenerErrors final {
public:
    // Every way an unlock can fail that could help a guesser: unknown login, wrong passphrase, damaged
    // slot file, a store file that is not ours.
    static Error genericFailure();
    // The keychain did not answer, or has no device secret for a bound store.
    static Error deviceSecretProblem(const Error& error);
    // The right passphrase (the slot opened) but a store file the key does not open.
    static Error storeDamaged(const Error& error);
    // The key opened a store, but not the one the slot was made for: someone put another store in its place.
    static Error notThisStore();
    // The key-slot file is newer than the store: an older copy of the store was put back.
    static Error olderThanKeyFile(qint64 fileGeneration, qint64 storeGeneration);
};

} // namespace confer
