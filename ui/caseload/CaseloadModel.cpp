#include "caseload/CaseloadModel.h"

#include "caseload/Caseload.h"
#include "caseload/CaseloadLook.h"
#include "partnership/PanelKind.h"
#include "shell/IdData.h"

#include <QFont>
#include <QLocale>

namespace confer {

namespace {

QString shortDate(const QDate& date)
{
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}

} // namespace

CaseloadModel::CaseloadModel(Caseload& caseload, QObject* parent)
    : QAbstractTableModel(parent)
    , m_caseload(&caseload)
{}

Status CaseloadModel::reload(const CaseloadQuery::Filter& filter)
{
    beginResetModel();
    m_filter = filter;
    m_pages.clear();
    m_kindOfPanel.clear();
    m_lastError.reset();
    Status status = Status::success();
    if (m_caseload) {
        if (auto panels = m_caseload->panels.panels(); panels.ok()) {
            for (const Panel& panel : panels.value())
                m_kindOfPanel.insert(panel.id, panel.kindKey);
        } else {
            status = panels.error();
        }
    }
    const Status counted = recount();
    endResetModel();
    if (!status.ok()) {
        m_lastError = status.error();
        return status;
    }
    return counted;
}

Status CaseloadModel::setFilter(const CaseloadQuery::Filter& filter)
{
    beginResetModel();
    m_filter = filter;
    m_pages.clear();
    const Status status = recount();
    endResetModel();
    return status;
}

Status CaseloadModel::setSortOrder(const CaseloadQuery::Sort& sort)
{
    beginResetModel();
    m_sort = sort;
    m_pages.clear();
    // The count does not change with the order; only the pages do.
    endResetModel();
    return Status::success();
}

void CaseloadModel::setPageSize(int rows)
{
    beginResetModel();
    m_pageSize = qMax(1, rows);
    m_pages.clear();
    endResetModel();
}

void CaseloadModel::clear()
{
    beginResetModel();
    m_pages.clear();
    m_kindOfPanel.clear();
    m_count = 0;
    m_caseload = nullptr;
    endResetModel();
}

Status CaseloadModel::recount()
{
    m_count = 0;
    m_lastError.reset();
    if (!m_caseload)
        return Status::success();
    auto count = m_caseload->query.count(m_filter);
    if (!count.ok()) {
        m_lastError = count.error();
        return count.error();
    }
    m_count = count.value();
    return Status::success();
}

const CaseloadModel::CachedPage* CaseloadModel::page(int pageIndex) const
{
    if (auto found = m_pages.find(pageIndex); found != m_pages.end()) {
        found->lastUse = ++m_useClock;
        return &found.value();
    }
    if (!m_caseload)
        return nullptr;
    auto rows = m_caseload->query.page(m_filter, m_sort, pageIndex * m_pageSize, m_pageSize);
    if (!rows.ok()) {
        m_lastError = rows.error();
        return nullptr;
    }
    if (m_pages.size() >= CachedPageLimit) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
    CachedPage& cached = m_pages[pageIndex];
    cached.rows = std::move(rows.value());
    cached.lastUse = ++m_useClock;
    return &cached;
}

const CaseSummary* CaseloadModel::caseAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const CachedPage* cached = page(row / m_pageSize);
    if (!cached)
        return nullptr;
    const std::size_t offset = std::size_t(row % m_pageSize);
    // The store may have changed since the count: a short page leaves the rest blank until reload.
    return offset < cached->rows.size() ? &cached->rows[offset] : nullptr;
}

int CaseloadModel::cachedRowOf(CaseId caseId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (std::size_t i = 0; i < it->rows.size(); ++i) {
            if (it->rows[i].id == caseId)
                return it.key() * m_pageSize + int(i);
        }
    }
    return -1;
}

std::optional<CaseloadQuery::SortKey> CaseloadModel::sortKeyFor(int column)
{
    switch (column) {
    case ReferenceColumn:
        return CaseloadQuery::SortKey::Reference;
    case SubjectColumn:
        return CaseloadQuery::SortKey::Subject;
    case PanelColumn:
        return CaseloadQuery::SortKey::Panel;
    case StageColumn:
        return CaseloadQuery::SortKey::Stage;
    case RiskColumn:
        return CaseloadQuery::SortKey::Risk;
    case NextReviewColumn:
        return CaseloadQuery::SortKey::NextReview;
    default:
        return std::nullopt;
    }
}

int CaseloadModel::columnFor(CaseloadQuery::SortKey key)
{
    switch (key) {
    case CaseloadQuery::SortKey::Reference:
        return ReferenceColumn;
    case CaseloadQuery::SortKey::Subject:
        return SubjectColumn;
    case CaseloadQuery::SortKey::Panel:
        return PanelColumn;
    case CaseloadQuery::SortKey::Stage:
        return StageColumn;
    case CaseloadQuery::SortKey::Risk:
        return RiskColumn;
    case CaseloadQuery::SortKey::NextReview:
        return NextReviewColumn;
    }
    return NextReviewColumn;
}

void CaseloadModel::sort(int column, Qt::SortOrder order)
{
    const auto key = sortKeyFor(column);
    if (!key)
        return;
    const CaseloadQuery::Sort sort{*key, order == Qt::AscendingOrder};
    if (sort.key == m_sort.key && sort.isAscending == m_sort.isAscending)
        return;
    (void)setSortOrder(sort);
}

int CaseloadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int CaseloadModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseloadModel::stageLabel(const CaseSummary& summary) const
{
    if (!m_caseload)
        return summary.stage;
    const PanelKind* kind = m_caseload->kinds.kind(m_kindOfPanel.value(summary.panelId));
    const StageDefinition* stage = kind ? kind->stage(summary.stage) : nullptr;
    return stage ? stage->label : summary.stage;
}

QVariant CaseloadModel::displayText(const CaseSummary& summary, int column) const
{
    switch (column) {
    case ReferenceColumn:
        return summary.reference;
    case SubjectColumn:
        return summary.subjectName;
    case PanelColumn:
        return summary.panelName;
    case StageColumn:
        return stageLabel(summary);
    case RiskColumn:
        return riskDisplayName(summary.risk);
    case LeadAgencyColumn:
        return summary.leadAgencyName.isEmpty() ? QStringLiteral("\u2014") : summary.leadAgencyName;
    case NextReviewColumn:
        return summary.reviewDue ? shortDate(*summary.reviewDue) : QStringLiteral("\u2014");
    default:
        return {};
    }
}

QVariant CaseloadModel::accessibleText(const CaseSummary& summary, int column) const
{
    switch (column) {
    case RiskColumn:
        return tr("Risk: %1").arg(riskDisplayName(summary.risk));
    case LeadAgencyColumn:
        return summary.leadAgencyName.isEmpty() ? tr("No lead agency") : summary.leadAgencyName;
    case NextReviewColumn:
        if (!summary.reviewDue)
            return tr("No review date set");
        return summary.isReviewOverdue ? tr("Overdue: review was due %1").arg(shortDate(*summary.reviewDue))
                                       : tr("Next review %1").arg(shortDate(*summary.reviewDue));
    default:
        return displayText(summary, column);
    }
}

QVariant CaseloadModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.column() >= ColumnCount)
        return {};
    const CaseSummary* summary = caseAt(index.row());
    if (!summary)
        return {};
    const bool isOverdueCell = index.column() == NextReviewColumn && summary->isReviewOverdue;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*summary, index.column());
    case Qt::AccessibleTextRole:
        return accessibleText(*summary, index.column());
    case Qt::ToolTipRole:
        if (isOverdueCell)
            return tr("Review overdue: it was due on %1.").arg(shortDate(*summary->reviewDue));
        // Long names may be cut short to fit their column: the whole of them on hover.
        if (index.column() == SubjectColumn || index.column() == PanelColumn ||
            index.column() == StageColumn || index.column() == LeadAgencyColumn)
            return displayText(*summary, index.column());
        return {};
    case Qt::ForegroundRole:
        if (isOverdueCell)
            return CaseloadLook::overdue();
        return {};
    case Qt::FontRole:
        if (isOverdueCell || index.column() == ReferenceColumn) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (isOverdueCell)
            return CaseloadLook::overdueIcon();
        return {};
    case CaseIdRole:
        return idData(summary->id);
    case RiskRole:
        return int(summary->risk);
    case IsOverdueRole:
        return summary->isReviewOverdue;
    default:
        return {};
    }
}

QVariant CaseloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // A first click on Risk puts red cases first; every other column starts ascending.
    if (role == Qt::InitialSortOrderRole)
        return int(section == RiskColumn ? Qt::DescendingOrder : Qt::AscendingOrder);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReferenceColumn:
        return tr("Reference");
    case SubjectColumn:
        return tr("Subject");
    case PanelColumn:
        return tr("Panel");
    case StageColumn:
        return tr("Stage");
    case RiskColumn:
        return tr("Risk");
    case LeadAgencyColumn:
        return tr("Lead agency");
    case NextReviewColumn:
        return tr("Next review");
    default:
        return {};
    }
}

} // namespace confer
