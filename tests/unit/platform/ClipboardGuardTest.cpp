#include "platform/ClipboardGuard.h"

#include "common/Clock.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMimeData>
#include <QTest>

#include <gtest/gtest.h>

namespace confer {
namespace {

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

class ClipboardGuardTest : public ::testing::Test {
protected:
    void SetUp() override { QGuiApplication::clipboard()->clear(); }

    ManualClock m_clock;
    ClipboardGuard m_guard{m_clock};
};

TEST_F(ClipboardGuardTest, ClipboardGuard_CopyPutsTextOnTheClipboard)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    EXPECT_EQ(clipboardText(), QStringLiteral("CASE-2026-0042"));
    EXPECT_TRUE(m_guard.isHolding());
}

TEST_F(ClipboardGuardTest, ClipboardGuard_MarksTheCopyAsSecretForClipboardManagers)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    ASSERT_NE(data, nullptr);
    EXPECT_EQ(data->text(), QStringLiteral("CASE-2026-0042"));
    EXPECT_TRUE(data->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    EXPECT_EQ(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArrayLiteral("secret"));
}

TEST_F(ClipboardGuardTest, ClipboardGuard_ClearsAfterThirtySeconds)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    m_clock.advanceSeconds(30);
    m_guard.check();
    EXPECT_TRUE(clipboardText().isEmpty());
    EXPECT_FALSE(m_guard.isHolding());
}

TEST_F(ClipboardGuardTest, ClipboardGuard_KeepsTheTextBeforeThirtySeconds)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    m_clock.advanceSeconds(29);
    m_guard.check();
    m_clock.advanceMs(999);
    m_guard.check();
    EXPECT_EQ(clipboardText(), QStringLiteral("CASE-2026-0042"));
    EXPECT_TRUE(m_guard.isHolding());
}

TEST_F(ClipboardGuardTest, ClipboardGuard_DoesNotWipeWhatTheUserCopiedSince)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    QGuiApplication::clipboard()->setText(QStringLiteral("the user's own text"));
    m_clock.advanceSeconds(30);
    m_guard.check();
    EXPECT_EQ(clipboardText(), QStringLiteral("the user's own text"));
    EXPECT_FALSE(m_guard.isHolding());
}

TEST_F(ClipboardGuardTest, ClipboardGuard_ClearNowClearsAtOnce)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    m_guard.clearNow();
    EXPECT_TRUE(clipboardText().isEmpty());
    EXPECT_FALSE(m_guard.isHolding());
}

TEST_F(ClipboardGuardTest, ClipboardGuard_ClearNowLeavesTheUsersTextAlone)
{
    m_guard.copy(QStringLiteral("CASE-2026-0042"));
    QGuiApplication::clipboard()->setText(QStringLiteral("the user's own text"));
    m_guard.clearNow();
    EXPECT_EQ(clipboardText(), QStringLiteral("the user's own text"));
}

TEST_F(ClipboardGuardTest, ClipboardGuard_CopyingAgainRestartsTheThirtySeconds)
{
    m_guard.copy(QStringLiteral("first"));
    m_clock.advanceSeconds(20);
    m_guard.copy(QStringLiteral("second"));
    m_clock.advanceSeconds(20);
    m_guard.check();
    EXPECT_EQ(clipboardText(), QStringLiteral("second"));
    m_clock.advanceSeconds(10);
    m_guard.check();
    EXPECT_TRUE(clipboardText().isEmpty());
}

TEST_F(ClipboardGuardTest, ClipboardGuard_DestroyingTheGuardClearsItsText)
{
    {
        ClipboardGuard guard(m_clock);
        guard.copy(QStringLiteral("CASE-2026-0042"));
        ASSERT_EQ(clipboardText(), QStringLiteral("CASE-2026-0042"));
    }
    EXPECT_TRUE(clipboardText().isEmpty());
}

// The real QTimer and the system clock, with a short wait: the text stays while the wait runs and is
// gone once it has passed (bounded wait), without anyone calling check().
TEST_F(ClipboardGuardTest, ClipboardGuard_RealTimerClearsAfterAShortWait)
{
    constexpr qint64 ShortWaitMs = 200;
    ClipboardGuard guard(SystemClock::instance());
    guard.setClearAfterMs(ShortWaitMs);
    QElapsedTimer elapsed;
    elapsed.start();
    guard.copy(QStringLiteral("CASE-2026-0042"));
    QTest::qWait(int(ShortWaitMs / 2));
    EXPECT_EQ(clipboardText(), QStringLiteral("CASE-2026-0042")) << "cleared before the wait was up";

    EXPECT_TRUE(QTest::qWaitFor([&] { return !guard.isHolding(); }, 2000)) << "still held after two seconds";
    // Both clocks count whole milliseconds, each truncating on its own: 200 on the guard's can be 199 here.
    EXPECT_GE(elapsed.elapsed(), ShortWaitMs - 1);
    EXPECT_TRUE(clipboardText().isEmpty());
}

} // namespace
} // namespace confer
