#include "meetings/Signature.h"

#include <QCoreApplication>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <optional>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Signature)
};

constexpr char Magic[] = {'C', 'S', 'G'};
constexpr quint8 Version = 1;
constexpr int HeaderSize = sizeof Magic + 1 + 2; // magic, version, stroke count
constexpr int PointSize = 5;                     // x, y (uint16 each), pressure (uint8)
constexpr qreal QuarterPixels = 4;
constexpr qreal PressureSteps = 255;

quint16 toQuarterPixels(qreal coordinate)
{
    if (!std::isfinite(coordinate))
        return 0;
    return static_cast<quint16>(
        std::lround(std::clamp(coordinate, 0.0, Signature::MaxCoordinate) * QuarterPixels));
}

quint8 toPressureStep(qreal pressure)
{
    if (!std::isfinite(pressure))
        pressure = Signature::NominalPressure;
    return static_cast<quint8>(std::lround(std::clamp(pressure, 0.0, 1.0) * PressureSteps));
}

Signature::Point pointFrom(quint16 x, quint16 y, quint8 pressure)
{
    return {x / QuarterPixels, y / QuarterPixels, pressure / PressureSteps};
}

void appendUint16(QByteArray& out, quint16 value)
{
    out.append(static_cast<char>(value >> 8));
    out.append(static_cast<char>(value & 0xff));
}

// Reads big-endian fields; the caller asks hasRoomFor() before each read.
class Reader final {
public:
    explicit Reader(const QByteArray& bytes)
        : m_bytes(bytes)
    {}
    bool hasRoomFor(qsizetype count) const { return m_position + count <= m_bytes.size(); }
    bool isAtEnd() const { return m_position == m_bytes.size(); }
    quint8 byte() { return static_cast<quint8>(m_bytes.at(m_position++)); }
    quint16 uint16()
    {
        const quint16 high = byte();
        return static_cast<quint16>((high << 8) | byte());
    }

private:
    const QByteArray& m_bytes;
    qsizetype m_position = 0;
};

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("The stored signature is damaged, so Confer cannot show it."),
                     QStringLiteral("signature encoding: ") + detail);
}

std::optional<Error> readHeader(Reader& reader, int& strokeCount)
{
    if (!reader.hasRoomFor(HeaderSize))
        return malformed(QStringLiteral("shorter than its header"));
    for (char expected : Magic) {
        if (reader.byte() != static_cast<quint8>(expected))
            return malformed(QStringLiteral("not a signature (magic)"));
    }
    if (const quint8 version = reader.byte(); version != Version) {
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("This signature was saved by a newer version of Confer, so this version "
                   "cannot show it."),
            QStringLiteral("signature encoding: version %1, this build reads %2").arg(version).arg(Version));
    }
    strokeCount = reader.uint16();
    if (strokeCount > Signature::MaxStrokes)
        return malformed(QStringLiteral("%1 strokes, over the limit").arg(strokeCount));
    return std::nullopt;
}

} // namespace

Signature::Signature(const std::vector<Stroke>& strokes)
{
    int points = 0;
    for (const Stroke& stroke : strokes) {
        if (m_strokes.size() == static_cast<std::size_t>(MaxStrokes) || points == MaxPoints)
            break;
        Stroke kept;
        for (const Point& point : stroke) {
            if (points == MaxPoints)
                break;
            kept.push_back(pointFrom(toQuarterPixels(point.x), toQuarterPixels(point.y),
                                     toPressureStep(point.pressure)));
            ++points;
        }
        if (!kept.empty())
            m_strokes.push_back(std::move(kept));
    }
}

int Signature::pointCount() const
{
    int count = 0;
    for (const Stroke& stroke : m_strokes)
        count += static_cast<int>(stroke.size());
    return count;
}

QRectF Signature::bounds() const
{
    if (m_strokes.empty())
        return {};
    const Point& first = m_strokes.front().front();
    qreal left = first.x, right = first.x, top = first.y, bottom = first.y;
    for (const Stroke& stroke : m_strokes) {
        for (const Point& point : stroke) {
            left = std::min(left, point.x);
            right = std::max(right, point.x);
            top = std::min(top, point.y);
            bottom = std::max(bottom, point.y);
        }
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

qreal Signature::inkLength() const
{
    qreal length = 0;
    for (const Stroke& stroke : m_strokes) {
        for (std::size_t i = 1; i < stroke.size(); ++i)
            length += QLineF(stroke[i - 1].x, stroke[i - 1].y, stroke[i].x, stroke[i].y).length();
    }
    return length;
}

Status Signature::checkAcceptable() const
{
    if (isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Nothing has been signed yet. Please sign in the box with the pen, a finger "
                                "or the mouse."),
                         QStringLiteral("signature: no strokes"));
    }
    const QRectF box = bounds();
    const qreal ink = inkLength();
    const bool isTooShort = ink < MinInkLength;
    const bool isTooNarrow = box.width() < MinExtent && box.height() < MinExtent;
    if (isTooShort || isTooNarrow) {
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("This signature is too small to tell apart from a stray mark. Please clear "
                   "the box and sign again, a little larger."),
            QStringLiteral("signature: %1 px of ink (minimum %2), %3 x %4 px across (minimum %5)")
                .arg(ink, 0, 'f', 1)
                .arg(MinInkLength)
                .arg(box.width(), 0, 'f', 1)
                .arg(box.height(), 0, 'f', 1)
                .arg(MinExtent));
    }
    return {};
}

QByteArray Signature::encode() const
{
    QByteArray out;
    out.reserve(HeaderSize + static_cast<qsizetype>(m_strokes.size()) * 2 + pointCount() * PointSize);
    out.append(Magic, sizeof Magic);
    out.append(static_cast<char>(Version));
    appendUint16(out, static_cast<quint16>(m_strokes.size()));
    for (const Stroke& stroke : m_strokes) {
        appendUint16(out, static_cast<quint16>(stroke.size()));
        for (const Point& point : stroke) {
            appendUint16(out, toQuarterPixels(point.x));
            appendUint16(out, toQuarterPixels(point.y));
            out.append(static_cast<char>(toPressureStep(point.pressure)));
        }
    }
    return out;
}

Result<Signature> Signature::decode(const QByteArray& bytes)
{
    Reader reader(bytes);
    int strokeCount = 0;
    if (std::optional<Error> refused = readHeader(reader, strokeCount))
        return *refused;
    Signature signature;
    int points = 0;
    for (int s = 0; s < strokeCount; ++s) {
        if (!reader.hasRoomFor(2))
            return malformed(QStringLiteral("stroke %1 of %2 is missing").arg(s + 1).arg(strokeCount));
        const int pointsInStroke = reader.uint16();
        if (pointsInStroke == 0)
            return malformed(QStringLiteral("stroke %1 has no points").arg(s + 1));
        points += pointsInStroke;
        if (points > MaxPoints)
            return malformed(QStringLiteral("more than %1 points").arg(MaxPoints));
        if (!reader.hasRoomFor(static_cast<qsizetype>(pointsInStroke) * PointSize))
            return malformed(QStringLiteral("stroke %1 is cut short").arg(s + 1));
        Stroke stroke;
        stroke.reserve(static_cast<std::size_t>(pointsInStroke));
        for (int p = 0; p < pointsInStroke; ++p) {
            const quint16 x = reader.uint16();
            const quint16 y = reader.uint16();
            stroke.push_back(pointFrom(x, y, reader.byte()));
        }
        signature.m_strokes.push_back(std::move(stroke));
    }
    if (!reader.isAtEnd())
        return malformed(QStringLiteral("bytes left over after the last stroke"));
    return signature;
}

} // namespace confer
