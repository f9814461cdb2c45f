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

} // namespace confer
