#include "demo/DemoSignature.h"

#include "demo/DemoDice.h"
#include "meetings/Signature.h"

#include <QStringList>
#include <QtMath>

#include <algorithm>

namespace confer {

namespace {

using Stroke = Signature::Stroke;

// One person's hand: how it leans, how big it writes, how hard it presses.
struct Hand {
    qreal slant = 0.2; // x moved right per pixel of height
    qreal baseline = 110;
    qreal xHeight = 18;
    qreal pressure = 0.55;
};

// A stable seed from the name (FNV-1a): qHash is seeded per process, which would change the demo each run.
quint32 seedOf(const QString& name)
{
    quint32 hash = 2166136261u;
    for (const QChar c : name) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

void addPoint(Stroke& stroke, const Hand& hand, qreal x, qreal y, qreal pressure)
{
    stroke.push_back({x + hand.slant * (hand.baseline - y), y, std::clamp(pressure, 0.1, 1.0)});
}

// A pen goes down lightly and lifts lightly: the pressure rises and falls at a stroke's ends.
void taper(Stroke& stroke)
{
    const std::size_t ends = std::min<std::size_t>(6, stroke.size() / 3);
    for (std::size_t i = 0; i < ends; ++i) {
        const qreal weight = 0.4 + 0.6 * qreal(i) / qreal(ends);
        stroke[i].pressure *= weight;
        stroke[stroke.size() - 1 - i].pressure *= weight;
    }
}

// A capital: a stem up from the baseline, a bowl out to the right and back to the stem, and now and then a
// leg kicked out to the baseline (a P, a D, an R in a hurry); the word starts where it ends.
Stroke capital(DemoDice& dice, const Hand& hand, qreal& x)
{
    Stroke stroke;
    const qreal height = hand.xHeight * (2.4 + dice.between(0, 8) / 10.0);
    const qreal bowl = height * (0.3 + dice.between(0, 3) / 10.0);
    const bool hasLeg = dice.chance(0.5);
    for (int i = 0; i <= 12; ++i) // the stem, pressing harder as it rises
        addPoint(stroke, hand, x, hand.baseline - height * i / 12, hand.pressure + 0.2 * i / 12);
    const qreal centreY = hand.baseline - height * 0.72;
    const qreal radiusY = height * 0.28;
    for (int i = 1; i <= 24; ++i) { // the bowl, from the top of the stem round to its middle
        const qreal t = M_PI * i / 24;
        addPoint(stroke, hand, x + bowl * qSin(t), centreY - radiusY * qCos(t),
                 hand.pressure + 0.15 * qSin(t));
    }
    const qreal legEnd = x + bowl * (hasLeg ? 1.3 : 0.9);
    for (int i = 1; i <= 10; ++i) { // out to the baseline, where the word begins
        const qreal u = qreal(i) / 10;
        const qreal y = centreY + radiusY + (hand.baseline - centreY - radiusY) * u;
        addPoint(stroke, hand, x + (legEnd - x) * u, y, hand.pressure - 0.1 * u);
    }
    x = legEnd;
    taper(stroke);
    return stroke;
}

// Cursive letters as a looped cycloid: each letter one loop of its own height, now and then a tall one.
Stroke word(DemoDice& dice, const Hand& hand, qreal& x, int letters)
{
    Stroke stroke;
    const int steps = 14;
    for (int letter = 0; letter < letters; ++letter) {
        const bool isTall = dice.chance(0.25);
        const qreal height = isTall ? hand.xHeight * (2.0 + dice.between(0, 5) / 10.0)
                                    : hand.xHeight * (0.8 + dice.between(0, 4) / 10.0);
        const qreal width = hand.xHeight * (1.1 + dice.between(0, 4) / 10.0);
        const qreal loop = width * (0.25 + dice.between(0, 3) / 10.0);
        const qreal press = hand.pressure + (dice.between(-10, 10) / 100.0);
        for (int i = letter == 0 ? 0 : 1; i <= steps; ++i) {
            const qreal t = 2 * M_PI * i / steps;
            const qreal px = x + width * t / (2 * M_PI) + loop * qSin(t); // loops at the top
            const qreal py = hand.baseline - height * (1 - qCos(t)) / 2;
            addPoint(stroke, hand, px, py, press + 0.2 * qSin(t));
        }
        x += width;
    }
    taper(stroke);
    return stroke;
}

// A quick line under the name, slightly curved, heavier in the middle.
Stroke underline(DemoDice& dice, const Hand& hand, qreal from, qreal to)
{
    Stroke stroke;
    const qreal y = hand.baseline + 10 + dice.between(0, 6);
    const qreal bow = dice.between(-6, 6);
    for (int i = 0; i <= 30; ++i) {
        const qreal u = qreal(i) / 30;
        stroke.push_back({from + (to - from) * u, y + bow * qSin(u * M_PI) - 4 * u,
                          std::clamp(hand.pressure + 0.3 * qSin(u * M_PI), 0.1, 1.0)});
    }
    taper(stroke);
    return stroke;
}

} // namespace

QByteArray DemoSignature::of(const QString& name)
{
    DemoDice dice(seedOf(name));
    Hand hand;
    hand.slant = dice.between(5, 35) / 100.0;
    hand.baseline = 100 + dice.between(-8, 8);
    hand.xHeight = 18 + dice.between(0, 8);
    hand.pressure = 0.45 + dice.between(0, 20) / 100.0;

    QStringList parts = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        parts << QStringLiteral("X");
    std::vector<Stroke> strokes;
    const qreal start = 24 + dice.between(0, 16);
    qreal x = start;
    for (int i = 0; i < parts.size(); ++i) {
        const bool isLast = i == parts.size() - 1;
        strokes.push_back(capital(dice, hand, x));
        // Initials for the first names now and then, the surname written out.
        const int letters = isLast ? std::clamp(int(parts[i].size()) - 1, 3, 7)
                                   : (dice.chance(0.4) ? 0 : std::clamp(int(parts[i].size()) - 1, 1, 4));
        if (letters > 0)
            strokes.push_back(word(dice, hand, x, letters));
        x += hand.xHeight * (0.6 + dice.between(0, 5) / 10.0);
    }
    if (dice.chance(0.5))
        strokes.push_back(underline(dice, hand, start + 4, x - hand.xHeight));
    return Signature(strokes).encode();
}

} // namespace confer
