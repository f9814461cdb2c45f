#pragma once

#include <QRectF>
#include <QString>

class QPainter;

namespace confer {

// The frame around every page of a marked PDF: the protective marking centred at the top and at the
// bottom (with DEMONSTRATION beside it for a demonstration store), the title and "Page x of y" under
// the bottom marking, and the rectangle left for the content. Sizes in millimetres, A4 portrait.
class MarkedPageFrame final {
public:
    struct Marks {
        QString marking; // e.g. OFFICIAL-SENSITIVE
        QString title;
        bool isDemonstration = false;
    };

    // pageSize in the device's pixels; dotsPerMm of the same device.
    MarkedPageFrame(Marks marks, const QSizeF& pageSize, qreal dotsPerMm);

    QRectF contentRect() const;
    // The marking line as printed, top and bottom.
    QString markingLine() const;
    void paint(QPainter& painter, int pageNumber, int pageCount) const;

private:
    QRectF band(qreal topMm, qreal heightMm) const;

    Marks m_marks;
    QSizeF m_pageSize;
    qreal m_dotsPerMm;
};

} // namespace confer
