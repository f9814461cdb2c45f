#pragma once

#include <QStyledItemDelegate>

namespace confer {

// Paints a risk cell as a RAG badge: the risk's name in a small rounded pill of its colour. Reads
// the risk from CaseloadModel::RiskRole and the words from the display text.
class RiskBadgeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace confer
