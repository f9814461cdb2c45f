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
    QString keySlotFile() const;       // confer.keyslots: the first copy
    QString keySlotSecondCopy() const; // confer.keyslots.2
    QString anchorFile() const;        // confer.anchor: the audit head, MAC'd
    bool exists() const;               // the store file and a key-slot copy present

private:
    QString m_directory;
};

} // namespace confer
