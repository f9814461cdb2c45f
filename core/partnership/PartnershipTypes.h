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

} // namespace confer
