#pragma once

#include "common/Id.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace confer {

// Which part of public life an agency belongs to. A panel kind names the sectors a meeting needs to be
// quorate (Channel: the local authority and the police, Durham 5.10).
enum class AgencySector {
    Police,
    LocalAuthority,
    Probation,
    Health,
    Housing,
    Education,
    FireAndRescue,
    VoluntarySector,
    Other,
};
QString agencySectorKey(AgencySector sector); // "police", "local_authority", ... as stored and in kind files
std::optional<AgencySector> agencySectorFromKey(const QString& key);
QString agencySectorDisplayName(AgencySector sector); // "Police", "Local authority", ...
QList<AgencySector> allAgencySectors();               // in the order above

// The partnership's agencies and panels (Durham 4.1-4.4: responsible authorities and co-operating bodies).
struct Agency {
    enum class Kind { ResponsibleAuthority, CooperatingBody, Other };
    AgencyId id;
    QString name;
    Kind kind = Kind::Other;
    AgencySector sector = AgencySector::Other;
    QString ispSignatory;
    std::optional<QDate> ispSignedOn;
    QString dataProtectionRegistration;
    QString contactName;
    QString contactEmail;
    QString contactPhone;
};
QString agencyKindKey(Agency::Kind kind); // "responsible_authority", "cooperating_body", "other"
std::optional<Agency::Kind> agencyKindFromKey(const QString& key);
QString agencyKindDisplayName(Agency::Kind kind);

struct Panel {
    PanelId id;
    QString name;
    QString kindKey; // PanelKind::key
    std::optional<UserId> chairUserId;
    bool isArchived = false;
};

// A panel as the panels page lists it: its kind's name, its chair's name and how many sit on it.
struct PanelSummary {
    Panel panel;
    QString kindName;  // the kind's key when the kind is no longer defined
    QString chairName; // empty when there is no chair
    int memberCount = 0;
};

} // namespace confer
