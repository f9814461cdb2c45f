// The signature pad with real input events: the mouse through QTest, a stylus's QTabletEvents (Qt 6.4's
// QTest has no tablet helper, so they are sent with QApplication::sendEvent from a stylus device), and a
// finger through QTest::touchEvent. Each must leave the vector strokes that will be stored.
#include "meetings/SignaturePad.h"

#include "meetings/SignatureInk.h"

#include <QApplication>
#include <QImage>
#include <QPointingDevice>
#include <QTabletEvent>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace confer;

namespace {

class SignaturePadTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_pad.resize(600, 200);
        m_pad.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_pad));
        QObject::connect(&m_pad, &SignaturePad::signatureChanged,
                         [this](const Signature& signature) { m_emitted.push_back(signature); });
    }

    // One stroke with the left button held down, through the given points.
    void drawWithMouse(const QList<QPoint>& points)
    {
        QTest::mousePress(&m_pad, Qt::LeftButton, {}, points.front());
        for (qsizetype i = 1; i < points.size(); ++i)
            QTest::mouseMove(&m_pad, points.at(i));
        QTest::mouseRelease(&m_pad, Qt::LeftButton, {}, points.back());
    }

    void sendTablet(QEvent::Type type, const QPointF& position, qreal pressure)
    {
        const Qt::MouseButtons buttons = type == QEvent::TabletRelease ? Qt::NoButton : Qt::LeftButton;
        QTabletEvent event(type, &m_stylus, position, m_pad.mapToGlobal(position), pressure, 0, 0, 0, 0, 0,
                           Qt::NoModifier, Qt::LeftButton, buttons);
        QApplication::sendEvent(&m_pad, &event);
    }

    int inkPixels()
    {
        const QImage image = m_pad.grab().toImage();
        int count = 0;
        // Inside the frame, which may take the (bluish) focus colour.
        for (int y = 3; y < image.height() - 3; ++y) {
            for (int x = 3; x < image.width() - 3; ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.blue() - pixel.red() >= 25 && pixel.blue() < 200)
                    ++count;
            }
        }
        return count;
    }

    SignaturePad m_pad;
    QPointingDevice m_stylus{QStringLiteral("test stylus"),
                             4242,
                             QInputDevice::DeviceType::Stylus,
                             QPointingDevice::PointerType::Pen,
                             QInputDevice::Capability::Position | QInputDevice::Capability::Pressure,
                             1,
                             2};
    std::vector<Signature> m_emitted;
};

const QList<QPoint> Loop = {{60, 60}, {90, 40}, {130, 60}, {160, 120}, {200, 140}, {240, 100}};
const QList<QPoint> Underline = {{60, 160}, {150, 165}, {260, 158}};

} // namespace

TEST_F(SignaturePadTest, MouseStrokesAreKeptAsVectorStrokesWithTheMiddlingPressure)
{
    drawWithMouse(Loop);
    drawWithMouse(Underline);

    const Signature signature = m_pad.signature();
    ASSERT_EQ(signature.strokes().size(), 2u);
    const Signature::Stroke& first = signature.strokes().front();
    ASSERT_EQ(first.size(), static_cast<std::size_t>(Loop.size()));
    for (qsizetype i = 0; i < Loop.size(); ++i) {
        EXPECT_EQ(QPointF(first[i].x, first[i].y), QPointF(Loop.at(i))) << "point " << i;
        EXPECT_NEAR(first[i].pressure, Signature::NominalPressure, 1 / 255.0);
    }
    EXPECT_EQ(signature.strokes().back().size(), static_cast<std::size_t>(Underline.size()));
    ASSERT_EQ(m_emitted.size(), 2u);
    EXPECT_EQ(m_emitted.back(), signature);
    EXPECT_TRUE(m_pad.signatureToKeep().ok());
}

TEST_F(SignaturePadTest, PenStrokesKeepThePressureOfEachPoint)
{
    const QList<QPair<QPointF, qreal>> pen = {
        {{80, 50}, 0.2}, {{110, 70}, 0.45}, {{150, 110}, 0.9}, {{200, 130}, 0.7}, {{260, 90}, 0.3}};
    sendTablet(QEvent::TabletPress, pen.front().first, pen.front().second);
    for (qsizetype i = 1; i < pen.size(); ++i)
        sendTablet(QEvent::TabletMove, pen.at(i).first, pen.at(i).second);
    sendTablet(QEvent::TabletRelease, pen.back().first, 0);

    const Signature signature = m_pad.signature();
    ASSERT_EQ(signature.strokes().size(), 1u);
    const Signature::Stroke& stroke = signature.strokes().front();
    ASSERT_EQ(stroke.size(), static_cast<std::size_t>(pen.size())) << "the lift adds no point of its own";
    for (qsizetype i = 0; i < pen.size(); ++i) {
        EXPECT_EQ(QPointF(stroke[i].x, stroke[i].y), pen.at(i).first) << "point " << i;
        EXPECT_NEAR(stroke[i].pressure, pen.at(i).second, 0.5 / 255) << "point " << i;
    }
    EXPECT_EQ(m_emitted.size(), 1u);
    EXPECT_TRUE(m_pad.signatureToKeep().ok());
}

TEST_F(SignaturePadTest, TouchStrokesFollowTheFirstFingerOnly)
{
    QPointingDevice* screen = QTest::createTouchDevice();
    QTest::touchEvent(&m_pad, screen).press(0, QPoint(70, 60));
    QTest::touchEvent(&m_pad, screen).move(0, QPoint(120, 90)).press(1, QPoint(400, 40)); // a palm lands
    QTest::touchEvent(&m_pad, screen).move(0, QPoint(180, 130)).move(1, QPoint(420, 60));
    QTest::touchEvent(&m_pad, screen).move(0, QPoint(240, 110)).release(1, QPoint(420, 60));
    QTest::touchEvent(&m_pad, screen).release(0, QPoint(240, 110));

    const Signature signature = m_pad.signature();
    ASSERT_EQ(signature.strokes().size(), 1u);
    const Signature::Stroke& stroke = signature.strokes().front();
    const QList<QPointF> expected = {{70, 60}, {120, 90}, {180, 130}, {240, 110}};
    ASSERT_EQ(stroke.size(), static_cast<std::size_t>(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(QPointF(stroke[i].x, stroke[i].y), expected.at(i)) << "point " << i;
        EXPECT_NEAR(stroke[i].pressure, Signature::NominalPressure, 1 / 255.0) << "a screen without pressure";
    }
    EXPECT_TRUE(m_pad.signatureToKeep().ok());
}

TEST_F(SignaturePadTest, UndoTakesBackTheLastStrokeAndClearTakesAll)
{
    drawWithMouse(Loop);
    drawWithMouse(Underline);
    drawWithMouse({{300, 60}, {340, 120}});
    ASSERT_EQ(m_pad.signature().strokes().size(), 3u);

    m_pad.undo();
    EXPECT_EQ(m_pad.signature().strokes().size(), 2u);
    EXPECT_EQ(m_pad.signature().strokes().back().size(), static_cast<std::size_t>(Underline.size()));

    m_pad.setFocus();
    QTest::keySequence(&m_pad, QKeySequence::Undo);
    ASSERT_EQ(m_pad.signature().strokes().size(), 1u);
    EXPECT_EQ(m_pad.signature().strokes().front().size(), static_cast<std::size_t>(Loop.size()));

    m_pad.clear();
    EXPECT_TRUE(m_pad.isEmpty());
    EXPECT_TRUE(m_pad.signature().isEmpty());
    EXPECT_TRUE(m_emitted.back().isEmpty());
}

TEST_F(SignaturePadTest, AnEmptyPadOrADotIsRefused)
{
    const Result<Signature> empty = m_pad.signatureToKeep();
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(empty.error().message.contains(QLatin1String("Nothing has been signed")))
        << empty.error().message.toStdString();

    QTest::mouseClick(&m_pad, Qt::LeftButton, {}, QPoint(300, 100));
    ASSERT_EQ(m_pad.signature().strokes().size(), 1u);
    const Result<Signature> dot = m_pad.signatureToKeep();
    ASSERT_FALSE(dot.ok());
    EXPECT_TRUE(dot.error().message.contains(QLatin1String("too small")))
        << dot.error().message.toStdString();
}

TEST_F(SignaturePadTest, InkThatRunsOffThePadIsPinnedToItsEdge)
{
    drawWithMouse({{500, 100}, {580, 150}, {700, 260}});
    const Signature signature = m_pad.signature();
    const Signature::Stroke& stroke = signature.strokes().front();
    EXPECT_EQ(QPointF(stroke.back().x, stroke.back().y), QPointF(600, 200));
}

TEST_F(SignaturePadTest, ThePadShowsTheInkItHolds)
{
    EXPECT_EQ(inkPixels(), 0);
    drawWithMouse(Loop);
    EXPECT_GT(inkPixels(), 100);
    m_pad.undo();
    EXPECT_EQ(inkPixels(), 0);
}

TEST_F(SignaturePadTest, TheKeptSignatureSurvivesItsEncoding)
{
    drawWithMouse(Loop);
    drawWithMouse(Underline);
    const Result<Signature> kept = m_pad.signatureToKeep();
    ASSERT_TRUE(kept.ok());
    const Result<Signature> decoded = Signature::decode(kept->encode());
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, *kept);
}
