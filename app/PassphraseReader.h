#pragma once

#include <QString>

namespace confer {

// Reads a passphrase: from the terminal with echo off, or one line of standard input when it is
// not a terminal (scripts, tests). The line buffer is scrubbed after use.
class PassphraseReader final {
public:
    static bool isInteractive();
    // Null QString at end of input.
    static QString read(const QString& prompt);
};

} // namespace confer
