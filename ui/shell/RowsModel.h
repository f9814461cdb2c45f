#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>
#include <vector>

namespace confer {

// A table whose rows are values of one kind held in a vector, under fixed column titles: the shape
// the list pages' models share. A subclass fills the rows from its service and says what each cell
// shows (data()).
template <typename Row>
class RowsModel : public QAbstractTableModel {
public:
    const Row* rowAt(int row) const
    {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_titles.size());
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        return m_titles.value(section);
    }

protected:
    // titles: one per column, in column order.
    RowsModel(QStringList titles, QObject* parent)
        : QAbstractTableModel(parent)
        , m_titles(std::move(titles))
    {}

    void setRows(std::vector<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }

    // More rows after the last, as a view that fetches page by page asks for them.
    void appendRows(std::vector<Row> rows)
    {
        if (rows.empty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        for (Row& row : rows)
            m_rows.push_back(std::move(row));
        endInsertRows();
    }

    // The first row `matches` says yes to, or -1.
    int rowWhere(const std::function<bool(const Row&)>& matches) const
    {
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (matches(m_rows[i]))
                return int(i);
        }
        return -1;
    }

private:
    QStringList m_titles;
    std::vector<Row> m_rows;
};

} // namespace confer
