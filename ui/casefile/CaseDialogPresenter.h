#pragma once

class QDialog;
class QWidget;

namespace confer {

// Opens a case file dialog the way the shell opens its own (DialogPresenter: window-modal, no
// nested event loop, deleted on close), with the main window's lock action found from the widget
// that asks, so Ctrl+L still locks while the dialog is up.
class CaseDialogPresenter final {
public:
    static void open(QDialog* dialog, QWidget* from);
};

} // namespace confer
