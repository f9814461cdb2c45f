#include "partnership/AgenciesModel.h"

#include "partnership/AgencyService.h"
#include "shell/IdData.h"

#include <QColor>
#include <QLocale>

namespace confer {

AgenciesModel::AgenciesModel(AgencyService& agencies, QObject* parent)
    : RowsModel({tr("Agency"), tr("Kind"), tr("ISP signatory"), tr("ISP signed"), tr("ICO registration"),
                 tr("Single point of contact")},
                parent)
    , m_agencies(&agencies)
{}

Status AgenciesModel::refresh()
{
    if (!m_agencies)
        return Status::success();
    auto agencies = m_agencies->agencies();
    if (!agencies.ok())
        return agencies.error();
    setRows(std::move(agencies.value()));
    return Status::success();
}

void AgenciesModel::clear()
{
    setRows({});
    m_agencies = nullptr;
}

int AgenciesModel::rowOf(AgencyId agencyId) const
{
    return rowWhere([agencyId](const Agency& agency) { return agency.id == agencyId; });
}

QVariant AgenciesModel::data(const QModelIndex& index, int role) const
{
    const Agency* agency = agencyAt(index.row());
    if (!agency)
        return {};
    if (role == AgencyIdRole)
        return idData(agency->id);
    const bool isUnsigned = !agency->ispSignedOn;
    if (role == Qt::ForegroundRole && isUnsigned && index.column() == SignedColumn)
        return QColor(0x8a, 0x4b, 0x00);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return agency->name;
    if (role == Qt::ToolTipRole && index.column() == ContactColumn) {
        QStringList lines;
        for (const QString& line : {agency->contactName, agency->contactEmail, agency->contactPhone}) {
            if (!line.isEmpty())
                lines << line;
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const QString none = role == Qt::AccessibleTextRole ? tr("Not recorded") : QStringLiteral("\u2014");
    switch (index.column()) {
    case NameColumn:
        return agency->name;
    case KindColumn:
        return agencyKindDisplayName(agency->kind);
    case SignatoryColumn:
        return agency->ispSignatory.isEmpty() ? none : agency->ispSignatory;
    case SignedColumn:
        return isUnsigned ? tr("Not signed")
                          : QLocale().toString(*agency->ispSignedOn, QStringLiteral("d MMM yyyy"));
    case RegistrationColumn:
        return agency->dataProtectionRegistration.isEmpty() ? none : agency->dataProtectionRegistration;
    case ContactColumn: {
        if (agency->contactName.isEmpty())
            return none;
        const QString reach = !agency->contactPhone.isEmpty() ? agency->contactPhone : agency->contactEmail;
        return reach.isEmpty() ? agency->contactName : tr("%1 \u00b7 %2").arg(agency->contactName, reach);
    }
    default:
        return {};
    }
}

} // namespace confer
