#pragma once

class QAction;
class QDialog;

namespace confer {

// Opens a workspace dialog window-modally without a nested event loop (so a lock can tear the
// workspace down at any moment without returning into a deleted caller), deletes it on close, and
// gives it the application's lock shortcut, which a modal dialog would otherwise block.
class DialogPresenter final {
public:
    static void open(QDialog* dialog, QAction* lockAction);
};

} // namespace confer
