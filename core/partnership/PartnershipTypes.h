#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace confer {

// The partnership's agencies and panels (Durham 4.1-4.4: responsible authorities and co-operating bodies).
struct Agency {
    enum class Kind { ResponsibleAuthority, CooperatingBody, Other };
    qint64 id = 0;
    QString name;
    Kind kind = Kind::Other;
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
    qint64 id = 0;
    QString name;
    QString kindKey; // PanelKind::key
    std::optional<qint64> chairUserId;
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
