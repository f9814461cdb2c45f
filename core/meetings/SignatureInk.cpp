#include "meetings/SignatureInk.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace confer {

namespace {

constexpr qreal ThinnestWidth = 0.8; // at no pressure: a light touch still leaves a visible line
constexpr qreal ThickestWidth = 3.6; // at full pressure
constexpr qreal WidthStep = 0.25;    // widths are grouped in steps, so a stroke is a few paths, not hundreds

QPointF at(const Signature::Point& point)
{
    return {point.x, point.y};
}

QPointF midpoint(const Signature::Point& a, const Signature::Point& b)
{
    return (at(a) + at(b)) / 2;
}

qreal steppedWidth(qreal pressure)
{
    return std::round(SignatureInk::widthAt(pressure) / WidthStep) * WidthStep;
}

void strokePath(QPainter& painter, const QPainterPath& path, qreal width)
{
    painter.setPen(QPen(SignatureInk::colour(), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
}

} // namespace

qreal SignatureInk::widthAt(qreal pressure)
{
    return ThinnestWidth + (ThickestWidth - ThinnestWidth) * std::clamp(pressure, 0.0, 1.0);
}

QColor SignatureInk::colour()
{
    return QColor(0x1b, 0x2a, 0x4a); // blue-black, like a pen's
}

void SignatureInk::paintStroke(QPainter& painter, const Signature::Stroke& stroke)
{
    if (stroke.empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (stroke.size() == 1) {
        const qreal radius = widthAt(stroke.front().pressure) / 2;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour());
        painter.drawEllipse(at(stroke.front()), radius, radius);
        painter.restore();
        return;
    }
    painter.setBrush(Qt::NoBrush);
    // Piece i runs from the midpoint before sample i to the midpoint after it, bending towards the
    // sample; the first and last pieces reach the stroke's real ends.
    const std::size_t last = stroke.size() - 1;
    QPainterPath path(at(stroke.front()));
    qreal width = steppedWidth(stroke.front().pressure);
    for (std::size_t i = 1; i <= last; ++i) {
        const qreal pieceWidth = steppedWidth(stroke[i].pressure);
        if (pieceWidth != width) {
            strokePath(painter, path, width);
            path = QPainterPath(path.currentPosition());
            width = pieceWidth;
        }
        if (i == last)
            path.lineTo(at(stroke[i]));
        else
            path.quadTo(at(stroke[i]), midpoint(stroke[i], stroke[i + 1]));
    }
    strokePath(painter, path, width);
    painter.restore();
}

void SignatureInk::paint(QPainter& painter, const Signature& signature)
{
    for (const Signature::Stroke& stroke : signature.strokes())
        paintStroke(painter, stroke);
}

void SignatureInk::paintFitted(QPainter& painter, const Signature& signature, const QRectF& target)
{
    if (signature.isEmpty() || target.isEmpty())
        return;
    // Room for half the thickest line on every side, so the ink stays inside the box.
    const QRectF ink = signature.bounds().adjusted(-ThickestWidth / 2, -ThickestWidth / 2, ThickestWidth / 2,
                                                   ThickestWidth / 2);
    const qreal scale = std::min(target.width() / ink.width(), target.height() / ink.height());
    painter.save();
    painter.translate(target.center());
    painter.scale(scale, scale);
    painter.translate(-ink.center());
    paint(painter, signature);
    painter.restore();
}

} // namespace confer
