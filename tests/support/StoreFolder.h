#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>

namespace confer::test {

// A store folder as bytes, the way an attacker with a copy of it (or a backup tool) sees it: each file
// by name, the -shm index and the lock file left out (SQLite and the lock rewrite them on any open,
// and they hold no data of their own).
using FolderSnapshot = std::map<QString, QByteArray>;
FolderSnapshot snapshotFolder(const QString& directory);
// Puts files of a snapshot back: all of them (every other file removed), or only those named (and
// their -wal files).
void putBack(const QString& directory, const FolderSnapshot& files, const QStringList& names = {});

QByteArray readFile(const QString& path); // empty when it cannot be read
// Replaces a file's bytes directly, as an editor would (not through SafeFile); false on failure.
bool writeFile(const QString& path, const QByteArray& bytes);

} // namespace confer::test
