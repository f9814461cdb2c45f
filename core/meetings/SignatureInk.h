#pragma once

#include "meetings/Signature.h"

#include <QColor>

class QPainter;

namespace confer {

// Draws signature strokes as smooth vector ink whose width follows the pressure: on the pad as it is
// written and on a certificate, so both show the same line. Curves run through the midpoints between
// samples (quadratic Béziers), and each run of equal width is one antialiased path with round caps.
class SignatureInk final {
public:
    // The line's width at a pressure from 0 to 1, in the signature's own pixels.
    static qreal widthAt(qreal pressure);
    static QColor colour();

    // One stroke in the signature's own coordinates (the pad, one pixel per pixel).
    static void paintStroke(QPainter& painter, const Signature::Stroke& stroke);
    static void paint(QPainter& painter, const Signature& signature);
    // The whole signature scaled to fit `target`, proportions kept and centred (a certificate's box).
    static void paintFitted(QPainter& painter, const Signature& signature, const QRectF& target);
};

} // namespace confer
