#include "shell/DialogPresenter.h"

#include <QAction>
#include <QDialog>

namespace confer {

void DialogPresenter::open(QDialog* dialog, QAction* lockAction)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (lockAction)
        dialog->addAction(lockAction);
    dialog->open();
}

} // namespace confer
