#pragma once

#include "caseload/CaseloadQuery.h"
#include "common/Id.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>
#include <vector>

namespace confer {

struct Caseload;

// The caseload table: the cases the user may see, for one filter and sort order, read from
// CaseloadQuery a page at a time. It knows the total from count() and keeps only the few pages
// around the rows being looked at (a windowed cache), so scrolling through 100,000 cases never
// holds them all.
class CaseloadModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ReferenceColumn,
        SubjectColumn,
        PanelColumn,
        StageColumn,
        RiskColumn,
        LeadAgencyColumn,
        NextReviewColumn,
        ColumnCount
    };
    static constexpr int DefaultPageSize = 100;
    static constexpr int CachedPageLimit = 10;
    static constexpr int CaseIdRole = Qt::UserRole + 1;
    static constexpr int RiskRole = Qt::UserRole + 2;      // int(Risk)
    static constexpr int IsOverdueRole = Qt::UserRole + 3; // the review is overdue

    explicit CaseloadModel(Caseload& caseload, QObject* parent = nullptr);

    // Reads the panels again (for stage names) and counts; cached pages are dropped.
    Status reload() { return reload(m_filter); }
    Status reload(const CaseloadQuery::Filter& filter);
    Status setFilter(const CaseloadQuery::Filter& filter);
    Status setSortOrder(const CaseloadQuery::Sort& sort);
    const CaseloadQuery::Filter& filter() const { return m_filter; }
    const CaseloadQuery::Sort& sortOrder() const { return m_sort; }
    // Rows per query. Tests use small pages to cross many page boundaries on a small store.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // Drops every row and forgets the services; called before the session goes.
    void clear();

    std::optional<Error> lastError() const { return m_lastError; }
    // The case on a row, reading its page from the store if it is not cached.
    const CaseSummary* caseAt(int row) const;
    // The row of a case among the cached pages, or -1.
    int cachedRowOf(CaseId caseId) const;
    int cachedPageCount() const { return int(m_pages.size()); }

    static std::optional<CaseloadQuery::SortKey> sortKeyFor(int column);
    static int columnFor(CaseloadQuery::SortKey key);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Columns the store can sort by; the others (lead agency) are left as they are.
    void sort(int column, Qt::SortOrder order) override;

private:
    struct CachedPage {
        std::vector<CaseSummary> rows;
        quint64 lastUse = 0;
    };
    Status recount();
    const CachedPage* page(int pageIndex) const;
    QString stageLabel(const CaseSummary& summary) const;
    QVariant displayText(const CaseSummary& summary, int column) const;
    QVariant accessibleText(const CaseSummary& summary, int column) const;

    Caseload* m_caseload;
    CaseloadQuery::Filter m_filter;
    CaseloadQuery::Sort m_sort;
    int m_count = 0;
    int m_pageSize = DefaultPageSize;
    QHash<PanelId, QString> m_kindOfPanel; // panel id -> kind key, for stage labels
    // The windowed cache: filled while painting, so mutable.
    mutable QHash<int, CachedPage> m_pages;
    mutable quint64 m_useClock = 0;
    mutable std::optional<Error> m_lastError;
};

} // namespace confer
