#pragma once

#include <QString>

namespace confer {

// Where one store lives: a directory holding the SQLCipher file and its key-slot file, and
// nothing else (no temp files, no logs).
class StorePaths final {
public:
    explicit StorePaths(QString directory);
    static StorePaths defaultLocation(); // <user data dir>/store, e.g. ~/.local/share/Confer/store

    QString directory() const { return m_directory; }
    QString storeFile() const;   // confer.store
    QString keySlotFile() const; // confer.keyslots
    bool exists() const;         // both files present

private:
    QString m_directory;
};

} // namespace confer
