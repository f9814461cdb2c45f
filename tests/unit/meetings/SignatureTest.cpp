// A signature as strokes: what is kept of each point, the one "too small" rule, and an encoding that
// gives back exactly what it was given and refuses anything it could not have written.
#include "meetings/Signature.h"

#include <QtMath>

#include <gtest/gtest.h>

using namespace confer;

namespace {

using Point = Signature::Point;
using Stroke = Signature::Stroke;

// A line from one point to another in `steps` samples, at one pressure.
Stroke line(QPointF from, QPointF to, int steps = 20, qreal pressure = 0.6)
{
    Stroke stroke;
    for (int i = 0; i <= steps; ++i) {
        const QPointF at = from + (to - from) * (qreal(i) / steps);
        stroke.push_back({at.x(), at.y(), pressure});
    }
    return stroke;
}

// Initials "JS" about 60 px tall, with pressure rising and falling along each stroke.
Signature initials()
{
    Stroke j, s;
    for (int i = 0; i <= 30; ++i) {
        const qreal t = qreal(i) / 30;
        j.push_back({40 + 10 * qSin(t * M_PI), 20 + 60 * t, 0.3 + 0.5 * qSin(t * M_PI)});
        s.push_back({90 + 15 * qCos(t * 2 * M_PI), 20 + 60 * t, 0.8 - 0.4 * t});
    }
    return Signature({j, s});
}

} // namespace

TEST(Signature, EmptySignatureIsRefusedWithASentenceForTheAttendee)
{
    const Status refused = Signature().checkAcceptable();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("Nothing has been signed")))
        << refused.error().message.toStdString();
}

TEST(Signature, ADotOrATickIsTooSmallToKeep)
{
    const Signature dot({Stroke{{100, 50, 0.5}}});
    const Signature tick({line({100, 50}, {110, 60}, 5), line({110, 60}, {130, 30}, 5)});
    for (const Signature& mark : {dot, tick}) {
        const Status refused = mark.checkAcceptable();
        ASSERT_FALSE(refused.ok());
        EXPECT_TRUE(refused.error().message.contains(QLatin1String("too small")))
            << refused.error().message.toStdString();
        EXPECT_TRUE(refused.error().detail.contains(QLatin1String("px of ink")))
            << refused.error().detail.toStdString();
    }
}

TEST(Signature, ALongStrokeInsideATinyBoxIsStillTooSmall)
{
    // Scribbling back and forth on the same spot: plenty of ink, nothing a reader could tell apart.
    Stroke scribble;
    for (int i = 0; i < 40; ++i)
        scribble.push_back({200.0 + (i % 2) * 20, 80.0 + (i % 3) * 5, 0.5});
    const Signature signature({scribble});
    ASSERT_GE(signature.inkLength(), Signature::MinInkLength);
    EXPECT_FALSE(signature.checkAcceptable().ok());
}

TEST(Signature, ShortInkAcrossAWideBoxIsStillTooSmall)
{
    // Two dots far apart: wide, but almost no ink.
    const Signature dots({Stroke{{10, 10, 0.5}}, Stroke{{300, 150, 0.5}}});
    ASSERT_GE(dots.bounds().width(), Signature::MinExtent);
    EXPECT_FALSE(dots.checkAcceptable().ok());
}

TEST(Signature, InitialsAreEnough)
{
    const Signature signature = initials();
    EXPECT_TRUE(signature.checkAcceptable().ok());
    EXPECT_EQ(signature.strokes().size(), 2u);
    EXPECT_EQ(signature.pointCount(), 62);
}

TEST(Signature, BoundsAndInkLengthMeasureTheStrokes)
{
    const Signature signature({line({10, 20}, {110, 20}), line({10, 40}, {10, 70})});
    EXPECT_EQ(signature.bounds(), QRectF(QPointF(10, 20), QPointF(110, 70)));
    EXPECT_DOUBLE_EQ(signature.inkLength(), 130.0);
}

TEST(Signature, PointsAreKeptToAQuarterPixelAndPressureTo255Steps)
{
    const Signature signature({Stroke{{10.13, 20.88, 0.501}, {-5, 1e9, 7}, {qQNaN(), 3, qQNaN()}}});
    const Stroke& kept = signature.strokes().front();
    EXPECT_DOUBLE_EQ(kept[0].x, 10.25);
    EXPECT_DOUBLE_EQ(kept[0].y, 21.0);
    EXPECT_DOUBLE_EQ(kept[0].pressure, 128 / 255.0);
    // Out of range is pinned to the edge; a coordinate that is not a number is 0, its pressure nominal.
    EXPECT_DOUBLE_EQ(kept[1].x, 0.0);
    EXPECT_DOUBLE_EQ(kept[1].y, Signature::MaxCoordinate);
    EXPECT_DOUBLE_EQ(kept[1].pressure, 1.0);
    EXPECT_DOUBLE_EQ(kept[2].x, 0.0);
    EXPECT_DOUBLE_EQ(kept[2].pressure, 128 / 255.0);
}

TEST(Signature, EmptyStrokesAreDroppedAndTheLimitsHold)
{
    std::vector<Stroke> many(Signature::MaxStrokes + 10, Stroke{{1, 1, 0.5}});
    many.insert(many.begin(), Stroke{});
    EXPECT_EQ(Signature(many).strokes().size(), static_cast<std::size_t>(Signature::MaxStrokes));

    Stroke long_(Signature::MaxPoints + 5, Point{3, 4, 0.5});
    EXPECT_EQ(Signature({long_}).pointCount(), Signature::MaxPoints);
}

TEST(Signature, EncodingGivesBackTheSameSignature)
{
    const Signature signature = initials();
    const QByteArray bytes = signature.encode();
    EXPECT_EQ(bytes.size(), 6 + 2 * 2 + 62 * 5); // header, two point counts, five bytes a point
    EXPECT_TRUE(bytes.startsWith(QByteArrayLiteral("CSG\x01")));
    const Result<Signature> decoded = Signature::decode(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail.toStdString();
    EXPECT_EQ(*decoded, signature);
    EXPECT_EQ(decoded->encode(), bytes);
}

TEST(Signature, AnEmptySignatureEncodesAndDecodes)
{
    const Result<Signature> decoded = Signature::decode(Signature().encode());
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded->isEmpty());
}

TEST(Signature, DecodeRefusesEveryTruncation)
{
    const QByteArray bytes = initials().encode();
    for (qsizetype length = 0; length < bytes.size(); ++length) {
        const Result<Signature> decoded = Signature::decode(bytes.left(length));
        EXPECT_FALSE(decoded.ok()) << "accepted the first " << length << " bytes";
    }
}

TEST(Signature, DecodeRefusesBytesLeftOver)
{
    const Result<Signature> decoded = Signature::decode(initials().encode() + '\0');
    ASSERT_FALSE(decoded.ok());
    EXPECT_TRUE(decoded.error().detail.contains(QLatin1String("left over")))
        << decoded.error().detail.toStdString();
}

TEST(Signature, DecodeRefusesAnotherMagicOrANewerVersion)
{
    QByteArray bytes = initials().encode();
    QByteArray otherMagic = bytes;
    otherMagic[0] = 'X';
    EXPECT_FALSE(Signature::decode(otherMagic).ok());

    QByteArray newer = bytes;
    newer[3] = 2;
    const Result<Signature> decoded = Signature::decode(newer);
    ASSERT_FALSE(decoded.ok());
    EXPECT_TRUE(decoded.error().message.contains(QLatin1String("newer version")))
        << decoded.error().message.toStdString();
}

TEST(Signature, DecodeRefusesAStrokeWithoutPoints)
{
    const QByteArray bytes = QByteArrayLiteral("CSG\x01\x00\x01\x00\x00");
    const Result<Signature> decoded = Signature::decode(bytes);
    ASSERT_FALSE(decoded.ok());
    EXPECT_TRUE(decoded.error().detail.contains(QLatin1String("no points")))
        << decoded.error().detail.toStdString();
}

TEST(Signature, DecodeRefusesCountsOverTheLimitsBeforeReadingThem)
{
    QByteArray tooManyStrokes = QByteArrayLiteral("CSG\x01");
    tooManyStrokes.append(char(0xff)).append(char(0xff));
    EXPECT_FALSE(Signature::decode(tooManyStrokes).ok());

    // One stroke claiming 65535 points, with all its bytes present: over MaxPoints all the same.
    QByteArray tooManyPoints = QByteArrayLiteral("CSG\x01\x00\x01");
    tooManyPoints.append(char(0xff)).append(char(0xff));
    tooManyPoints.append(QByteArray(65535 * 5, '\x01'));
    const Result<Signature> decoded = Signature::decode(tooManyPoints);
    ASSERT_FALSE(decoded.ok());
    EXPECT_TRUE(decoded.error().detail.contains(QLatin1String("more than")))
        << decoded.error().detail.toStdString();
}
