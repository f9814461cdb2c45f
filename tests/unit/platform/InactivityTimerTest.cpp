#include "platform/InactivityTimer.h"

#include "common/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTabletEvent>
#include <QTest>
#include <QTouchEvent>
#include <QWindow>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <ostream>

namespace confer {
namespace {

constexpr qint64 TimeoutMs = 60 * 1000;

class InactivityTimerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_timer.setTimeoutMs(TimeoutMs);
        m_timer.start();
    }

    ManualClock m_clock;
    InactivityTimer m_timer{m_clock};
    QSignalSpy m_inactive{&m_timer, &InactivityTimer::inactive};
};

TEST_F(InactivityTimerTest, InactivityTimer_FiresOnceTheTimeoutHasPassed)
{
    m_clock.advanceMs(TimeoutMs);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 1);
    EXPECT_FALSE(m_timer.isActive());
}

TEST_F(InactivityTimerTest, InactivityTimer_DoesNotFireBeforeTheTimeout)
{
    m_clock.advanceMs(TimeoutMs - 1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 0);
    EXPECT_TRUE(m_timer.isActive());
}

TEST_F(InactivityTimerTest, InactivityTimer_FiresOnlyOnceUntilRestarted)
{
    m_clock.advanceMs(TimeoutMs);
    m_timer.check();
    m_clock.advanceMs(TimeoutMs);
    m_timer.check();
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 1);

    m_timer.start();
    m_clock.advanceMs(TimeoutMs - 1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 1); // restarted from now, not from the first start
    m_clock.advanceMs(1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 2);
}

TEST_F(InactivityTimerTest, InactivityTimer_StoppedTimerDoesNotFire)
{
    m_timer.stop();
    m_clock.advanceMs(2 * TimeoutMs);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 0);
}

TEST_F(InactivityTimerTest, InactivityTimer_KeyPressSentToAnyObjectResetsIdleTime)
{
    QObject somewhere;
    m_clock.advanceMs(TimeoutMs - 1000);
    QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QCoreApplication::sendEvent(&somewhere, &press);

    m_clock.advanceMs(TimeoutMs - 1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 0);
    m_clock.advanceMs(1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 1);
}

TEST_F(InactivityTimerTest, InactivityTimer_EventsThatAreNotInputDoNotResetIdleTime)
{
    QObject somewhere;
    m_clock.advanceMs(TimeoutMs - 1000);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_A, Qt::NoModifier);
    QEvent user(QEvent::User);
    QEvent timer(QEvent::Timer);
    QCoreApplication::sendEvent(&somewhere, &release);
    QCoreApplication::sendEvent(&somewhere, &user);
    QCoreApplication::sendEvent(&somewhere, &timer);

    m_clock.advanceMs(1000);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 1);
}

// Real input delivered to a window the way the platform delivers it (QTest goes through
// QWindowSystemInterface and the application's event dispatch).
struct InputCase {
    const char* name;
    std::function<void(QWindow&)> send;
};

class InactivityTimerInputTest
    : public InactivityTimerTest
    , public ::testing::WithParamInterface<InputCase> {};

TEST_P(InactivityTimerInputTest, InactivityTimer_InputOnAWindowResetsIdleTime)
{
    QWindow window;
    window.resize(200, 200);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    // The pointer rests where the inputs happen, so Qt adds no move of its own to a press or wheel.
    QTest::mouseMove(&window, QPoint(50, 50));

    m_clock.advanceMs(TimeoutMs - 1000);
    GetParam().send(window);
    m_clock.advanceMs(TimeoutMs - 1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 0) << GetParam().name;
    m_clock.advanceMs(1);
    m_timer.check();
    EXPECT_EQ(m_inactive.count(), 1) << GetParam().name;
}

void PrintTo(const InputCase& input, std::ostream* out)
{
    *out << input.name;
}

// Sent straight to the window: through QTest, an unaccepted touch or tablet event would come back
// as a synthesised mouse press, and the test would no longer show that the touch itself counts.
void sendTouchBegin(QWindow& window)
{
    static QPointingDevice* touchScreen = QTest::createTouchDevice();
    QEventPoint point(0, QEventPoint::Pressed, QPointF(40, 40), window.mapToGlobal(QPointF(40, 40)));
    QTouchEvent touch(QEvent::TouchBegin, touchScreen, Qt::NoModifier, {point});
    QCoreApplication::sendEvent(&window, &touch);
}

void sendTabletPress(QWindow& window)
{
    static QPointingDevice pen(QStringLiteral("test pen"), 4242, QInputDevice::DeviceType::Stylus,
                               QPointingDevice::PointerType::Pen, QInputDevice::Capability::Position, 1, 1);
    QTabletEvent press(QEvent::TabletPress, &pen, QPointF(30, 30), window.mapToGlobal(QPointF(30, 30)), 0.5,
                       0, 0, 0, 0, 0, Qt::NoModifier, Qt::LeftButton, Qt::LeftButton);
    QCoreApplication::sendEvent(&window, &press);
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, InactivityTimerInputTest,
    ::testing::Values(InputCase{"key", [](QWindow& w) { QTest::keyClick(&w, Qt::Key_Space); }},
                      InputCase{
                          "mouse press",
                          [](QWindow& w) { QTest::mousePress(&w, Qt::LeftButton, {}, QPoint(50, 50)); }},
                      InputCase{"mouse move", [](QWindow& w) { QTest::mouseMove(&w, QPoint(60, 70)); }},
                      InputCase{"wheel",
                                [](QWindow& w) {
                                    QWheelEvent wheel(QPointF(50, 50), w.mapToGlobal(QPointF(50, 50)),
                                                      QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                                                      Qt::NoScrollPhase, false);
                                    QCoreApplication::sendEvent(&w, &wheel);
                                }},
                      InputCase{"touch", sendTouchBegin}, InputCase{"tablet", sendTabletPress}),
    [](const ::testing::TestParamInfo<InputCase>& param) {
        std::string name = param.param.name;
        std::replace(name.begin(), name.end(), ' ', '_');
        return name;
    });

// The real QTimer and the system clock, with a short timeout: nothing fires early, the signal comes
// once the timeout has passed (bounded wait), and a key press restarts the wait.
TEST(InactivityTimerRealTime, InactivityTimer_RealTimerFiresAfterAShortTimeoutAndKeysPutItOff)
{
    constexpr qint64 ShortTimeoutMs = 200;
    InactivityTimer timer(SystemClock::instance());
    QSignalSpy inactive(&timer, &InactivityTimer::inactive);
    timer.setTimeoutMs(ShortTimeoutMs);
    QWindow window;

    // Keys every 50 ms for 400 ms (twice the timeout): the user is active, it must not fire.
    QElapsedTimer elapsed;
    elapsed.start();
    timer.start();
    for (int i = 0; i < 8; ++i) {
        QTest::qWait(50);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
        QCoreApplication::sendEvent(&window, &press);
    }
    EXPECT_EQ(inactive.count(), 0) << "fired while keys were being pressed";
    EXPECT_TRUE(timer.isActive());

    // Then idle: it fires once, no sooner than the timeout after the last key, and within two seconds.
    elapsed.restart();
    EXPECT_TRUE(inactive.wait(2000)) << "the real timer never reported inactivity";
    EXPECT_GE(elapsed.elapsed(), ShortTimeoutMs - 60) << "fired before the timeout had passed";
    EXPECT_EQ(inactive.count(), 1);
    EXPECT_FALSE(timer.isActive());
    QTest::qWait(ShortTimeoutMs);
    EXPECT_EQ(inactive.count(), 1) << "fired again after stopping";
}

} // namespace
} // namespace confer
