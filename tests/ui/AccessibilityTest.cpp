// Every control a person can reach has a name a screen reader can say, and the unlock form is
// reachable with Tab alone.
#include "ShellTestSupport.h"
#include "session/Session.h"
#include "setup/SetupWizard.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"
#include "support/FindChild.h"
#include "unlock/UnlockScreen.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

bool isControl(const QWidget* widget)
{
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QLineEdit*>(widget) ||
           qobject_cast<const QComboBox*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget) ||
           (qobject_cast<const QAbstractItemView*>(widget) && !qobject_cast<const QHeaderView*>(widget));
}

// Visible, focusable controls with neither an accessible name nor text of their own. A spin box's
// or combo box's inner line edit is part of its owner and named through it.
QStringList unnamedControls(QWidget* root)
{
    QStringList unnamed;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!isControl(widget) || !widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) ||
            qobject_cast<QComboBox*>(widget->parentWidget()))
            continue;
        if (widget->accessibleName().isEmpty())
            unnamed << QStringLiteral("%1 '%2'").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                     widget->objectName());
    }
    return unnamed;
}

TEST(Accessibility, SetupWizardPages_NameEveryControl)
{
    TestStoreDir dir;
    InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    MainWindow window(contextFor(dir, secrets, clock));
    showActive(window);
    SetupWizard* wizard = window.setupWizard();
    EXPECT_EQ(unnamedControls(&window), QStringList());
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    ASSERT_EQ(wizard->currentId(), SetupWizard::AdministratorId);
    EXPECT_EQ(unnamedControls(&window), QStringList());
}

TEST(Accessibility, UnlockScreenAndWorkspace_NameEveryControl)
{
    TestSession store;
    store.sessionPtr().reset();
    MainWindow window(contextFor(store));
    showActive(window);
    EXPECT_EQ(unnamedControls(&window), QStringList());
    unlockThroughScreen(window, QString::fromLatin1(TestSession::AdminLogin), TestSession::adminPassphrase());
    Workspace* workspace = window.workspace();
    ASSERT_NE(workspace, nullptr);
    for (Workspace::Section section : workspace->sections()) {
        workspace->showSection(section);
        EXPECT_EQ(unnamedControls(&window), QStringList()) << "section " << int(section);
    }
}

TEST(Accessibility, UnlockForm_IsReachableWithTabAlone)
{
    TestSession store;
    store.sessionPtr().reset();
    MainWindow window(contextFor(store));
    showActive(window);
    UnlockScreen* screen = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
    ASSERT_EQ(QApplication::focusWidget(), screen->passphraseEdit())
        << "the passphrase is not focused at start";
    QList<QWidget*> visited;
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget();
    }
    EXPECT_TRUE(visited.contains(child<QPushButton>(screen, QStringLiteral("unlockButton"))));
    EXPECT_TRUE(visited.contains(child<QPushButton>(screen, QStringLiteral("recoveryButton"))));
    EXPECT_TRUE(visited.contains(child<QComboBox>(screen, QStringLiteral("unlockLogin"))));
}

} // namespace
} // namespace confer::test
