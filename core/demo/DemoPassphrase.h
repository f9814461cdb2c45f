#pragma once

#include "common/Result.h"

#include <QString>

namespace confer {

// The one passphrase `confer demo --with-demo-accounts` gives every demo account in a run: five groups
// of four letters drawn by libsodium (about 93 bits), new each run and printed once, so no passphrase
// that opens a demo account is ever published. It always passes PassphrasePolicy.
class DemoPassphrase final {
public:
    static constexpr int GroupCount = 5;
    static constexpr int GroupLength = 4;
    static Result<QString> generate(); // Crypto when libsodium cannot start
};

} // namespace confer
