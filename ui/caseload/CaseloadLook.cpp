#include "caseload/CaseloadLook.h"

#include <QPainter>
#include <QPixmap>

namespace confer {

CaseloadLook::BadgeColours CaseloadLook::risk(Risk risk)
{
    switch (risk) {
    case Risk::Red:
        return {QColor(0xfb, 0xe3, 0xe1), QColor(0x9b, 0x20, 0x19), QColor(0xe3, 0xa1, 0x9b)};
    case Risk::Amber:
        return {QColor(0xfd, 0xf0, 0xd8), QColor(0x7a, 0x43, 0x00), QColor(0xe9, 0xb2, 0x61)};
    case Risk::Green:
        return {QColor(0xe1, 0xf1, 0xe5), QColor(0x1e, 0x5c, 0x2e), QColor(0xa9, 0xd3, 0xb4)};
    case Risk::Unassessed:
        break;
    }
    return {QColor(0xee, 0xf1, 0xf4), QColor(0x3b, 0x46, 0x50), QColor(0xcf, 0xd6, 0xdd)};
}

QColor CaseloadLook::overdue()
{
    return QColor(0xb3, 0x26, 0x1e);
}

QIcon CaseloadLook::overdueIcon()
{
    static const QIcon icon = [] {
        QIcon drawn;
        for (const int side : {16, 32}) {
            QPixmap pixmap(side, side);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(overdue());
            const qreal inset = side / 16.0;
            painter.drawEllipse(QRectF(inset, inset, side - 2 * inset, side - 2 * inset));
            painter.setBrush(Qt::white);
            const qreal unit = side / 16.0;
            painter.drawRoundedRect(QRectF(7 * unit, 3.5 * unit, 2 * unit, 6 * unit), unit, unit);
            painter.drawEllipse(QRectF(7 * unit, 10.75 * unit, 2 * unit, 2 * unit));
            painter.end();
            drawn.addPixmap(pixmap);
        }
        return drawn;
    }();
    return icon;
}

} // namespace confer
