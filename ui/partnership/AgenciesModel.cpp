#include "partnership/AgenciesModel.h"

#include "partnership/AgencyService.h"

#include <QColor>
#include <QLocale>

namespace confer {

AgenciesModel::AgenciesModel(AgencyService& agencies, QObject* parent)
    : QAbstractTableModel(parent)
    , m_agencies(&agencies)
{}

Status AgenciesModel::refresh()
{
    if (!m_agencies)
        return Status::success();
    auto agencies = m_agencies->agencies();
    if (!agencies.ok())
        return agencies.error();
    beginResetModel();
    m_rows = std::move(agencies.value());
    endResetModel();
    return Status::success();
}

void AgenciesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_agencies = nullptr;
    endResetModel();
}

const Agency* AgenciesModel::agencyAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[std::size_t(row)];
}

int AgenciesModel::rowOf(qint64 agencyId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == agencyId)
            return int(i);
    }
    return -1;
}

int AgenciesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgenciesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgenciesModel::data(const QModelIndex& index, int role) const
{
    const Agency* agency = agencyAt(index.row());
    if (!agency)
        return {};
    if (role == AgencyIdRole)
        return agency->id;
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

QVariant AgenciesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Agency");
    case KindColumn:
        return tr("Kind");
    case SignatoryColumn:
        return tr("ISP signatory");
    case SignedColumn:
        return tr("ISP signed");
    case RegistrationColumn:
        return tr("ICO registration");
    case ContactColumn:
        return tr("Single point of contact");
    default:
        return {};
    }
}

} // namespace confer
