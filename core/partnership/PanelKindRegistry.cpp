#include "partnership/PanelKind.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelKindRegistry)
};

// Embedded by core/panels/CMakeLists.txt from resources/panels/.
const QLatin1String ShippedDirectory(":/panels");

QString describeDirectory(const QString& directory)
{
    if (directory == ShippedDirectory)
        return Tr::tr("the kinds built into Confer");
    return directory;
}

} // namespace

Result<PanelKindRegistry> PanelKindRegistry::load(const StageGateRegistry& gates,
                                                  const QStringList& extraDirectories)
{
    PanelKindRegistry registry(gates);
    QHash<QString, QString> directoryOfKey;
    const QStringList directories = QStringList{ShippedDirectory} + extraDirectories;
    for (const QString& directory : directories) {
        Result<QList<PanelKind>> kinds = PanelKindLoader::loadDirectory(directory, gates);
        const bool isShipped = directory == ShippedDirectory;
        if (!kinds.ok() && !(isShipped && kinds.error().code == ErrorCode::NotFound))
            return kinds.error();
        if (isShipped && (!kinds.ok() || kinds->isEmpty())) {
            // A build that lost its resources must not start with no way to record a case.
            return makeError(ErrorCode::NotFound,
                             Tr::tr("The panel kinds built into Confer are missing; reinstall Confer."));
        }
        for (PanelKind& kind : *kinds) {
            // An extra kind may add to the shipped ones, never silently replace one.
            if (directoryOfKey.contains(kind.key)) {
                return makeError(ErrorCode::Conflict,
                                 Tr::tr("The panel kind “%1” is defined twice, in %2 and in %3.")
                                     .arg(kind.key, describeDirectory(directoryOfKey.value(kind.key)),
                                          describeDirectory(directory)));
            }
            directoryOfKey.insert(kind.key, directory);
            registry.m_kinds.append(std::move(kind));
        }
    }
    return registry;
}

const PanelKind* PanelKindRegistry::kind(const QString& key) const
{
    for (const PanelKind& candidate : m_kinds) {
        if (candidate.key == key)
            return &candidate;
    }
    return nullptr;
}

} // namespace confer
