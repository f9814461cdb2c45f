// The demo fill from the window (account menu, "Fill with demonstration data…") runs on a worker thread
// over a connection of its own: the GUI thread makes no store call while it runs, Cancel leaves the store
// as it was, and auto-lock cancels it and locks.
#include "ShellTestSupport.h"
#include "StoreCallRecorder.h"
#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "demo/DemonstrationStore.h"
#include "platform/InactivityTimer.h"
#include "session/LongWork.h"
#include "session/Session.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>

namespace confer::test {
namespace {

constexpr int FillTimeoutMs = 300000; // a hang, not a figure: the fill takes seconds

// The store as the fill would change it: its audit head, its people, its key file, its demonstration flag.
struct StoreState {
    AuditHead head;
    int users = 0;
    qint64 keySlotGeneration = 0;
    bool isDemonstration = false;

    static StoreState of(Session& session)
    {
        StoreState state;
        state.head = session.audit().head();
        auto users = session.accounts().users();
        state.users = users.ok() ? int(users->size()) : -1;
        state.keySlotGeneration = session.keySlots().generation;
        auto flag = DemonstrationStore::isDemonstration(session.database());
        state.isDemonstration = flag.ok() && *flag;
        return state;
    }
};

// A new store, its administrator signed in through the unlock screen.
class DemoFillTest : public ::testing::Test {
protected:
    DemoFillTest()
    {
        store.sessionPtr().reset();
        window = std::make_unique<MainWindow>(contextFor(store));
        showActive(*window);
        unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                            TestSession::adminPassphrase());
        EXPECT_EQ(window->currentPage(), MainWindow::Page::Workspace);
    }

    template <typename T>
    T* child(const char* name) const
    {
        return window->findChild<T*>(QString::fromLatin1(name));
    }

    // Account menu, "Fill with demonstration data…", and the question's Fill button.
    QPushButton* askToFill()
    {
        auto* action = child<QAction>("fillDemoAction");
        EXPECT_NE(action, nullptr) << "no fill action for an administrator";
        if (!action)
            return nullptr;
        action->trigger();
        auto* question = child<QMessageBox>("demoFillQuestion");
        EXPECT_TRUE(question && question->isVisible()) << "the fill starts without asking";
        return question ? question->findChild<QPushButton*>(QStringLiteral("demoFillButton")) : nullptr;
    }

    QMessageBox* waitForOutcome() const
    {
        (void)QTest::qWaitFor([this] { return child<QMessageBox>("demoFillOutcome") != nullptr; },
                              FillTimeoutMs);
        return child<QMessageBox>("demoFillOutcome");
    }

    TestSession store;
    std::unique_ptr<MainWindow> window;
};

TEST_F(DemoFillTest, NoStoreCallRunsOnTheGuiThreadWhileTheFillRuns)
{
    QPushButton* fill = askToFill();
    ASSERT_NE(fill, nullptr);
    StoreCallRecorder recorder;
    const Qt::HANDLE guiThread = QThread::currentThreadId();
    QTest::mouseClick(fill, Qt::LeftButton);

    auto* work = child<LongWork>("demoFillWork");
    ASSERT_NE(work, nullptr) << "the fill did not start as long work";
    QSignalSpy progressed(work, &LongWork::progressed);
    auto* progress = child<QDialog>("longWorkProgress");
    ASSERT_NE(progress, nullptr);
    EXPECT_TRUE(progress->isVisible());
    QMessageBox* outcome = waitForOutcome();
    ASSERT_NE(outcome, nullptr) << "the fill never finished";
    EXPECT_EQ(outcome->icon(), QMessageBox::Information) << outcome->text().toStdString();
    EXPECT_GT(progressed.count(), 0) << "the progress dialog was never told anything";

    // The worker's calls end with its connection's close; until then the GUI thread made none.
    const auto calls = recorder.calls();
    const auto workerClose =
        std::find_if(calls.rbegin(), calls.rend(), [&](const StoreCallRecorder::Call& call) {
            return call.thread != guiThread && call.kind == StoreCallObserver::Call::Close;
        });
    ASSERT_NE(workerClose, calls.rend()) << "no store call ran off the GUI thread";
    const auto whileRunning = calls.begin() + (calls.rend() - workerClose);
    const auto onGui = std::count_if(calls.begin(), whileRunning, [&](const StoreCallRecorder::Call& call) {
        return call.thread == guiThread;
    });
    EXPECT_EQ(onGui, 0) << "store calls on the GUI thread while the fill ran";
    EXPECT_GT(whileRunning - calls.begin(), 1000) << "too few store calls for a whole demo fill";

    // The window shows what was filled, and the store is whole.
    Session& session = *window->session();
    const StoreState after = StoreState::of(session);
    EXPECT_TRUE(after.isDemonstration);
    auto* banner = child<QLabel>("demonstrationBanner");
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisibleTo(window.get()));
    Status verified = session.verify();
    EXPECT_TRUE(verified.ok()) << verified.error().message.toStdString();
}

TEST_F(DemoFillTest, CancelLeavesTheStoreAsItWas)
{
    Session& session = *window->session();
    const StoreState before = StoreState::of(session);
    QPushButton* fill = askToFill();
    ASSERT_NE(fill, nullptr);
    QTest::mouseClick(fill, Qt::LeftButton);
    auto* cancel = child<QPushButton>("longWorkCancel");
    ASSERT_NE(cancel, nullptr);
    QTest::mouseClick(cancel, Qt::LeftButton);

    QMessageBox* outcome = waitForOutcome();
    ASSERT_NE(outcome, nullptr);
    EXPECT_EQ(outcome->text(), LongWork::cancelledError().message);
    auto* progress = child<QDialog>("longWorkProgress");
    EXPECT_TRUE(!progress || !progress->isVisible()) << "the progress dialog stayed open";

    const StoreState after = StoreState::of(session);
    EXPECT_EQ(after.head, before.head) << "a cancelled fill left audit events";
    EXPECT_EQ(after.users, before.users);
    EXPECT_EQ(after.keySlotGeneration, before.keySlotGeneration);
    EXPECT_FALSE(after.isDemonstration);
    EXPECT_FALSE(child<QLabel>("demonstrationBanner")->isVisibleTo(window.get()));
    Status verified = session.verify();
    EXPECT_TRUE(verified.ok()) << verified.error().message.toStdString();
}

TEST_F(DemoFillTest, AutoLockCancelsTheRunningFillAndLocks)
{
    const StoreState before = StoreState::of(*window->session());
    QPushButton* fill = askToFill();
    ASSERT_NE(fill, nullptr);
    QTest::mouseClick(fill, Qt::LeftButton);
    auto* work = child<LongWork>("demoFillWork");
    ASSERT_NE(work, nullptr);
    QSignalSpy progressed(work, &LongWork::progressed);
    ASSERT_TRUE(progressed.wait(FillTimeoutMs)) << "the fill never reported";

    // Idle past the auto-lock time while the fill runs.
    auto* inactivity = window->findChild<InactivityTimer*>();
    ASSERT_NE(inactivity, nullptr);
    store.clock.advanceMs(inactivity->timeoutMs() + 1000);
    inactivity->check();
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Unlock);
    EXPECT_EQ(window->session(), nullptr);
    processDeferredDeletes();
    EXPECT_EQ(child<QMessageBox>("demoFillOutcome"), nullptr) << "a locked window showed the fill's outcome";

    // Signed in again: nothing of the fill, and the lock says why it came.
    unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                        TestSession::adminPassphrase());
    ASSERT_EQ(window->currentPage(), MainWindow::Page::Workspace);
    Session& session = *window->session();
    const StoreState after = StoreState::of(session);
    EXPECT_EQ(after.users, before.users);
    EXPECT_EQ(after.keySlotGeneration, before.keySlotGeneration);
    EXPECT_FALSE(after.isDemonstration);
    auto events = session.audit().page(after.head.sequence + 1, 3);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ((*events)[0].action, auditActionKey(AuditAction::SignInSuccess));
    EXPECT_EQ((*events)[1].action, auditActionKey(AuditAction::SessionLock));
    EXPECT_EQ((*events)[1].detail, QStringLiteral("idle"));
    EXPECT_EQ((*events)[1].sequence, before.head.sequence + 1) << "the cancelled fill left events";
    Status verified = session.verify();
    EXPECT_TRUE(verified.ok()) << verified.error().message.toStdString();
}

} // namespace
} // namespace confer::test
