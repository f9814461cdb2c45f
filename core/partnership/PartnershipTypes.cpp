#include "partnership/PartnershipTypes.h"

#include "common/EnumKeys.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Partnership)
};

} // namespace

QString agencyKindKey(Agency::Kind kind)
{
    switch (kind) {
    case Agency::Kind::ResponsibleAuthority:
        return QStringLiteral("responsible_authority");
    case Agency::Kind::CooperatingBody:
        return QStringLiteral("cooperating_body");
    case Agency::Kind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<Agency::Kind> agencyKindFromKey(const QString& key)
{
    return fromKey(key,
                   {Agency::Kind::ResponsibleAuthority, Agency::Kind::CooperatingBody, Agency::Kind::Other},
                   agencyKindKey);
}

QString agencyKindDisplayName(Agency::Kind kind)
{
    // Durham 4.1-4.4 names the two groups of partners.
    switch (kind) {
    case Agency::Kind::ResponsibleAuthority:
        return Tr::tr("Responsible authority");
    case Agency::Kind::CooperatingBody:
        return Tr::tr("Co-operating body");
    case Agency::Kind::Other:
        return Tr::tr("Other");
    }
    return {};
}

QString agencySectorKey(AgencySector sector)
{
    switch (sector) {
    case AgencySector::Police:
        return QStringLiteral("police");
    case AgencySector::LocalAuthority:
        return QStringLiteral("local_authority");
    case AgencySector::Probation:
        return QStringLiteral("probation");
    case AgencySector::Health:
        return QStringLiteral("health");
    case AgencySector::Housing:
        return QStringLiteral("housing");
    case AgencySector::Education:
        return QStringLiteral("education");
    case AgencySector::FireAndRescue:
        return QStringLiteral("fire_rescue");
    case AgencySector::VoluntarySector:
        return QStringLiteral("voluntary_sector");
    case AgencySector::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QList<AgencySector> allAgencySectors()
{
    return {AgencySector::Police,        AgencySector::LocalAuthority,  AgencySector::Probation,
            AgencySector::Health,        AgencySector::Housing,         AgencySector::Education,
            AgencySector::FireAndRescue, AgencySector::VoluntarySector, AgencySector::Other};
}

std::optional<AgencySector> agencySectorFromKey(const QString& key)
{
    for (AgencySector sector : allAgencySectors()) {
        if (agencySectorKey(sector) == key)
            return sector;
    }
    return std::nullopt;
}

QString agencySectorDisplayName(AgencySector sector)
{
    switch (sector) {
    case AgencySector::Police:
        return Tr::tr("Police");
    case AgencySector::LocalAuthority:
        return Tr::tr("Local authority");
    case AgencySector::Probation:
        return Tr::tr("Probation");
    case AgencySector::Health:
        return Tr::tr("Health");
    case AgencySector::Housing:
        return Tr::tr("Housing");
    case AgencySector::Education:
        return Tr::tr("Education");
    case AgencySector::FireAndRescue:
        return Tr::tr("Fire and rescue");
    case AgencySector::VoluntarySector:
        return Tr::tr("Voluntary sector");
    case AgencySector::Other:
        return Tr::tr("Other");
    }
    return {};
}

} // namespace confer
