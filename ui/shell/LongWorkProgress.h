#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace confer {

class LongWork;

// Shows one LongWork while it runs: a bar that follows its reports and a Cancel button that asks it to stop
// (it then rolls back); Escape and closing the window ask the same. It closes itself once the work has
// finished. The GUI thread only paints it: no nested event loop, no store call.
class LongWorkProgress final : public QDialog {
    Q_OBJECT
public:
    LongWorkProgress(LongWork& work, const QString& what, QWidget* parent = nullptr);

    // Asks the work to stop; the dialog stays until the work has rolled back and finished.
    void reject() override;

private:
    QPointer<LongWork> m_work;
    QLabel* m_label;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
};

} // namespace confer
