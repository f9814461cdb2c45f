#pragma once

#include "common/Result.h"

#include <QString>

namespace confer {

// NCSC/NIST-style passphrase rules: at least 12 characters (Unicode code points), no upper bound
// worth meeting, any characters, no composition rules, and the most common passwords refused
// (resources/passwords/common.txt). The slow KDF is the brake on guessing.
class PassphrasePolicy final {
public:
    static constexpr int MinimumLength = 12;
    static constexpr int MaximumLength = 1024;
    // InvalidInput with a sentence saying what to change; login is refused as the passphrase too.
    static Status check(const QString& passphrase, const QString& login = {});
};

} // namespace confer
