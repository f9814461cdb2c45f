#include "StoreFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace confer::test {

namespace {
bool isLeftOut(const QString& name)
{
    return name.endsWith(QLatin1String("-shm")) || name == QLatin1String("confer.lock");
}

bool isNamed(const QString& name, const QStringList& names)
{
    return names.isEmpty() || names.contains(name) ||
           (name.endsWith(QLatin1String("-wal")) && names.contains(name.chopped(4)));
}
} // namespace

FolderSnapshot snapshotFolder(const QString& directory)
{
    FolderSnapshot files;
    for (const QFileInfo& info : QDir(directory).entryInfoList(QDir::Files | QDir::Hidden)) {
        if (!isLeftOut(info.fileName()))
            files[info.fileName()] = readFile(info.filePath());
    }
    return files;
}

void putBack(const QString& directory, const FolderSnapshot& files, const QStringList& names)
{
    for (const QFileInfo& info : QDir(directory).entryInfoList(QDir::Files | QDir::Hidden)) {
        if (isNamed(info.fileName(), names))
            QFile::remove(info.filePath());
    }
    for (const auto& [name, bytes] : files) {
        if (isNamed(name, names))
            writeFile(directory + QLatin1Char('/') + name, bytes);
    }
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace confer::test
