// The one form-dialog base every dialog is built on: the error line stays hidden until the service
// refuses, a refusal keeps the dialog open with its sentence, success closes it, and OK does nothing
// while the form is incomplete. And the one presenter: a dialog gets its window's lock action.
#include "shell/FormDialog.h"

#include "shell/DialogPresenter.h"
#include "support/FindChild.h"

#include <QAction>
#include <QFormLayout>
#include <QLineEdit>
#include <QPointer>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

// A form with one required field whose service answers as the test says.
class OneFieldDialog final : public FormDialog {
public:
    explicit OneFieldDialog(Status answer)
        : FormDialog(QStringLiteral("One field"), QStringLiteral("oneFieldError"), nullptr)
        , m_answer(std::move(answer))
        , m_field(new QLineEdit(this))
    {
        m_field->setObjectName(QStringLiteral("field"));
        addForm()->addRow(QStringLiteral("Field:"), m_field);
        updateOkButtonOn({m_field});
    }

    int submitted = 0;

private:
    Status submit() override
    {
        ++submitted;
        return m_answer;
    }
    bool isComplete() const override { return !m_field->text().isEmpty(); }

    Status m_answer;
    QLineEdit* m_field;
};

TEST(FormDialog, ErrorLine_IsHiddenUntilThereIsAnError)
{
    OneFieldDialog dialog(Status::success());
    dialog.show();
    EXPECT_FALSE(child<QLabel>(&dialog, QStringLiteral("oneFieldError"))->isVisible());
    EXPECT_TRUE(shownError(&dialog).isEmpty());
}

TEST(FormDialog, RefusedSubmit_ShowsTheSentenceAndStaysOpen)
{
    OneFieldDialog dialog(Error{ErrorCode::InvalidInput, QStringLiteral("This name is taken."), {}});
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, QStringLiteral("field")), QStringLiteral("x"));
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    EXPECT_EQ(dialog.submitted, 1);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), QDialog::Rejected) << "not accepted";
    EXPECT_EQ(shownError(&dialog), QStringLiteral("This name is taken."));
    EXPECT_EQ(child<QLineEdit>(&dialog, QStringLiteral("field"))->text(), QStringLiteral("x"))
        << "what was typed stays";
}

TEST(FormDialog, SuccessfulSubmit_ClosesTheDialogAccepted)
{
    OneFieldDialog dialog(Status::success());
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, QStringLiteral("field")), QStringLiteral("x"));
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    EXPECT_EQ(dialog.submitted, 1);
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST(FormDialog, ReturnWhileIncomplete_SubmitsNothing)
{
    OneFieldDialog dialog(Status::success());
    dialog.show();
    EXPECT_FALSE(okButton(&dialog)->isEnabled());
    QTest::keyClick(child<QLineEdit>(&dialog, QStringLiteral("field")), Qt::Key_Return);
    dialog.accept(); // as a default button would, even while disabled
    EXPECT_EQ(dialog.submitted, 0);
    EXPECT_TRUE(dialog.isVisible());
}

TEST(DialogPresenter, Dialog_GetsItsWindowsLockActionAndIsDeletedOnClose)
{
    QWidget window;
    auto* lock = new QAction(QStringLiteral("Lock"), &window);
    lock->setObjectName(QLatin1String(DialogPresenter::LockActionName));
    auto* page = new QWidget(&window);
    window.show();
    QPointer<QDialog> dialog = new QDialog(page);
    DialogPresenter::open(dialog);
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->isModal());
    EXPECT_TRUE(dialog->actions().contains(lock)) << "Ctrl+L would be blocked by the modal dialog";
    dialog->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_FALSE(dialog) << "the dialog outlived its closing";
}

} // namespace
} // namespace confer::test
