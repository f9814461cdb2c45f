#include "casefile/CaseDialogPresenter.h"

#include "casefile/CasefileLook.h"
#include "shell/DialogPresenter.h"

#include <QAction>
#include <QDialog>
#include <QWidget>

namespace confer {

void CaseDialogPresenter::open(QDialog* dialog, QWidget* from)
{
    // MainWindow names its lock action; outside the shell (tests, the tour) there is none.
    QAction* lockAction = from ? from->window()->findChild<QAction*>(QStringLiteral("lockAction")) : nullptr;
    DialogPresenter::open(dialog, lockAction);
}

} // namespace confer
