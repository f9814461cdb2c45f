#pragma once

class QDialog;

namespace confer {

// Opens a dialog window-modally without a nested event loop (so a lock can tear the workspace down at
// any moment without returning into a deleted caller), deletes it on close, and gives it the main
// window's lock action, which a modal dialog would otherwise block, so Ctrl+L still locks.
class DialogPresenter final {
public:
    // The object name of MainWindow's lock action, by which a dialog finds it from its parent window.
    static constexpr const char* LockActionName = "lockAction";

    static void open(QDialog* dialog);
};

} // namespace confer
