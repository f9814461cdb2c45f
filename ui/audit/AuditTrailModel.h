#pragma once

#include "audit/AuditEvent.h"
#include "common/Result.h"
#include "shell/RowsModel.h"

#include <optional>

namespace confer {

class AuditLog;

// The audit trail, newest first, fetched from AuditLog::page() a page at a time as the view scrolls.
class AuditTrailModel final : public RowsModel<AuditEvent> {
    Q_OBJECT
public:
    enum Column { TimeColumn, UserColumn, ActionColumn, RecordColumn, DetailColumn, ColumnCount };
    static constexpr int PageSize = 200;

    explicit AuditTrailModel(AuditLog& log, QObject* parent = nullptr);

    // Starts again from the newest event.
    Status reload();
    // Drops every row and forgets the log; called before the session goes.
    void clear();
    std::optional<Error> lastError() const { return m_lastError; }
    const AuditEvent* eventAt(int row) const { return rowAt(row); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Status fetchPage();

    AuditLog* m_log;
    bool m_hasMore = true;
    std::optional<Error> m_lastError;
};

} // namespace confer
