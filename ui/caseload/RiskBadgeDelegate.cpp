#include "caseload/RiskBadgeDelegate.h"

#include "caseload/CaseloadLook.h"
#include "caseload/CaseloadModel.h"

#include <QApplication>
#include <QPainter>

namespace confer {

namespace {
constexpr int HorizontalPadding = 9;
constexpr int VerticalPadding = 2;
constexpr int CellMargin = 4;
} // namespace

void RiskBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    const QVariant riskValue = index.data(CaseloadModel::RiskRole);
    if (!riskValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's background and selection as usual, without the text: the badge replaces it.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString text = background.text;
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 2 * HorizontalPadding;
    const int height = metrics.height() + 2 * VerticalPadding;
    const QRect badge(option.rect.left() + CellMargin, option.rect.center().y() - height / 2 + 1, width,
                      height);

    const CaseloadLook::BadgeColours colours = CaseloadLook::risk(Risk(riskValue.toInt()));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colours.border, 1));
    painter->setBrush(colours.background);
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(colours.text);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize RiskBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font);
    const QString text = index.data(Qt::DisplayRole).toString();
    size.setWidth(
        qMax(size.width(), metrics.horizontalAdvance(text) + 2 * HorizontalPadding + 2 * CellMargin));
    return size;
}

} // namespace confer
