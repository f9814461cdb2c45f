#include "session/StorePaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace confer {

StorePaths::StorePaths(QString directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{}

StorePaths StorePaths::defaultLocation()
{
    return StorePaths(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                      QStringLiteral("/Confer/store"));
}

QString StorePaths::storeFile() const
{
    return m_directory + QStringLiteral("/confer.store");
}

QString StorePaths::keySlotFile() const
{
    return m_directory + QStringLiteral("/confer.keyslots");
}

QString StorePaths::keySlotSecondCopy() const
{
    return m_directory + QStringLiteral("/confer.keyslots.2");
}

QString StorePaths::anchorFile() const
{
    return m_directory + QStringLiteral("/confer.anchor");
}

bool StorePaths::exists() const
{
    return QFileInfo::exists(storeFile()) &&
           (QFileInfo::exists(keySlotFile()) || QFileInfo::exists(keySlotSecondCopy()));
}

} // namespace confer
