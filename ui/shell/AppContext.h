#pragma once

#include "crypto/PassphraseKdf.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <optional>

namespace confer {

class Clock;
class DeviceSecretStore;
class PanelKindRegistry;

// Everything the shell needs from outside, injected so tests can pass an in-memory device secret, a
// clock they move by hand and cheap KDF parameters, while the app passes the keychain and the real clock.
// The panel kinds are loaded by whoever makes the context (app/main.cpp, the test support).
struct AppContext {
    StorePaths paths;
    DeviceSecretStore& deviceSecrets;
    const Clock& clock;
    // The panel kinds, loaded once at start; every unlocked session's caseload reads them.
    const PanelKindRegistry& panelKinds;
    KdfPolicy kdfPolicy;
    // Pins the Argon2id cost at setup (tests, screenshot tour). Empty in the product: setup then
    // tunes the cost on this computer.
    std::optional<KdfParams> fixedKdf = {};

    StoreOpener makeOpener() const { return StoreOpener(paths, deviceSecrets, clock, kdfPolicy); }
};

} // namespace confer
