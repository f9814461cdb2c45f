#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QRectF>

#include <vector>

namespace confer {

// A handwritten signature as vector strokes: where the pen, finger or mouse went, and how hard it
// pressed. No timing is kept: the declaration's own time is the evidence of when, and the speed of a
// hand is biometric detail the protocols do not ask for.
//
// Coordinates are logical pixels (about 1/96 inch) from the top-left of the pad the person signed on,
// kept to a quarter pixel; pressure runs from 0 to 1, kept to 1/255. The constructor rounds every point
// to exactly what the encoding keeps, so a signature decoded from its bytes equals the one encoded.
class Signature final {
public:
    struct Point {
        qreal x = 0;
        qreal y = 0;
        qreal pressure = NominalPressure;
        bool operator==(const Point&) const = default;
    };
    using Stroke = std::vector<Point>;

    // What a device without pressure (a mouse, most touch screens) records: a middling line.
    static constexpr qreal NominalPressure = 0.5;
    // The largest coordinate the encoding holds (16383.75 px, far beyond any screen).
    static constexpr qreal MaxCoordinate = 65535 / 4.0;
    // More ink than this is not a signature; the pad stops taking it and decode() refuses it.
    static constexpr int MaxStrokes = 500;
    static constexpr int MaxPoints = 20000;

    // "Trivially small" (one rule, here): less ink than MinInkLength, or a shape whose width and height
    // are both under MinExtent. About 2.5 cm of ink and 1 cm across at 96 dpi: a short scribble, a
    // dot or a tick is refused; a set of initials passes.
    static constexpr qreal MinInkLength = 100;
    static constexpr qreal MinExtent = 40;

    Signature() = default;
    // Rounds each point to what the encoding keeps, clamps it into [0, MaxCoordinate] and pressure into
    // [0, 1], drops empty strokes, and keeps at most MaxStrokes strokes and MaxPoints points.
    explicit Signature(const std::vector<Stroke>& strokes);

    const std::vector<Stroke>& strokes() const { return m_strokes; }
    bool isEmpty() const { return m_strokes.empty(); }
    int pointCount() const;
    // The smallest rectangle holding every point (empty for no strokes).
    QRectF bounds() const;
    // The length of every stroke added up, in logical pixels (a dot adds nothing).
    qreal inkLength() const;

    // The one rule for "is this a signature Confer may keep": refuses an empty or trivially small one
    // with a sentence for the person signing.
    Status checkAcceptable() const;

    // Version 1: "CSG" 0x01, stroke count (uint16, big-endian), then per stroke its point count
    // (uint16) and per point x, y (uint16, quarter pixels) and pressure (uint8). 5 bytes a point.
    QByteArray encode() const;
    // Refuses anything encode() could not have written: another magic or version, a stroke without
    // points, counts over the limits, bytes missing or left over. An empty signature (no strokes)
    // encodes and decodes; whether it may be kept is checkAcceptable()'s question.
    static Result<Signature> decode(const QByteArray& bytes);

    bool operator==(const Signature&) const = default;

private:
    std::vector<Stroke> m_strokes;
};

} // namespace confer
