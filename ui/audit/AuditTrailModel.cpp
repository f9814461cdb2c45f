#include "audit/AuditTrailModel.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"

#include <QLocale>

#include <limits>

namespace confer {

AuditTrailModel::AuditTrailModel(AuditLog& log, QObject* parent)
    : QAbstractTableModel(parent)
    , m_log(&log)
{}

Status AuditTrailModel::reload()
{
    beginResetModel();
    m_events.clear();
    m_hasMore = m_log != nullptr;
    m_lastError.reset();
    endResetModel();
    return fetchPage();
}

void AuditTrailModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_hasMore = false;
    m_log = nullptr;
    endResetModel();
}

Status AuditTrailModel::fetchPage()
{
    if (!m_log || !m_hasMore)
        return Status::success();
    const qint64 before = m_events.empty() ? std::numeric_limits<qint64>::max() : m_events.back().sequence;
    auto page = m_log->page(before, PageSize);
    if (!page.ok()) {
        m_hasMore = false;
        m_lastError = page.error();
        return page.error();
    }
    std::vector<AuditEvent>& events = page.value();
    m_hasMore = int(events.size()) == PageSize;
    if (events.empty())
        return Status::success();
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(events.size()) - 1);
    for (AuditEvent& event : events)
        m_events.push_back(std::move(event));
    endInsertRows();
    return Status::success();
}

const AuditEvent* AuditTrailModel::eventAt(int row) const
{
    if (row < 0 || row >= int(m_events.size()))
        return nullptr;
    return &m_events[std::size_t(row)];
}

int AuditTrailModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditTrailModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTrailModel::data(const QModelIndex& index, int role) const
{
    const AuditEvent* event = eventAt(index.row());
    if (!event || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(event->atUtc.toLocalTime(), QStringLiteral("d MMM yyyy  HH:mm:ss"));
    case UserColumn:
        // A failed sign-in carries the login as it was typed, which may name no account; the
        // placeholder is only for an event recorded with no login at all.
        return event->actor.isEmpty() ? tr("(not signed in)") : event->actor;
    case ActionColumn:
        // The code stays in the tooltip, for whoever reads the trail next to `confer verify` output.
        return role == Qt::ToolTipRole ? event->action : auditActionDisplayName(event->action);
    case RecordColumn:
        return event->record;
    case DetailColumn:
        return event->detail;
    default:
        return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case RecordColumn:
        return tr("Record");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

bool AuditTrailModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_log && m_hasMore;
}

void AuditTrailModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid())
        (void)fetchPage();
}

} // namespace confer
