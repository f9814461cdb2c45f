#include "audit/AuditTrailModel.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"

#include <QLocale>

#include <limits>

namespace confer {

AuditTrailModel::AuditTrailModel(AuditLog& log, QObject* parent)
    : RowsModel({tr("Time"), tr("User"), tr("Action"), tr("Record"), tr("Detail")}, parent)
    , m_log(&log)
{}

Status AuditTrailModel::reload()
{
    m_hasMore = m_log != nullptr;
    m_lastError.reset();
    setRows({});
    return fetchPage();
}

void AuditTrailModel::clear()
{
    m_hasMore = false;
    m_log = nullptr;
    setRows({});
}

Status AuditTrailModel::fetchPage()
{
    if (!m_log || !m_hasMore)
        return Status::success();
    const AuditEvent* last = rowAt(rowCount() - 1);
    const qint64 before = last ? last->sequence : std::numeric_limits<qint64>::max();
    auto page = m_log->page(before, PageSize);
    if (!page.ok()) {
        m_hasMore = false;
        m_lastError = page.error();
        return page.error();
    }
    m_hasMore = int(page->size()) == PageSize;
    appendRows(std::move(page.value()));
    return Status::success();
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
