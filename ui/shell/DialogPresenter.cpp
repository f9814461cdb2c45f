#include "shell/DialogPresenter.h"

#include <QAction>
#include <QDialog>

namespace confer {

void DialogPresenter::open(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Outside the main window (tests, the screenshot tour) there is no lock action to find.
    if (QWidget* owner = dialog->parentWidget()) {
        if (auto* lock = owner->window()->findChild<QAction*>(QLatin1String(LockActionName),
                                                              Qt::FindDirectChildrenOnly))
            dialog->addAction(lock);
    }
    dialog->open();
}

} // namespace confer
