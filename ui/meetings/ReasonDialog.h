#pragma once

#include "shell/FormDialog.h"

#include <functional>

class QPlainTextEdit;

namespace confer {

// Asks why, and hands the reason to one service call: cancelling a meeting, going on without a
// signature. A refusal stays in the dialog with what was typed.
class ReasonDialog final : public FormDialog {
    Q_OBJECT
public:
    using Submit = std::function<Status(const QString& reason)>;
    // explanation: a line above the reason saying what is about to happen.
    ReasonDialog(const QString& title, const QString& explanation, const QString& okText, Submit submit,
                 QWidget* parent);

protected:
    Status submit() override;
    bool isComplete() const override;

private:
    Submit m_submit;
    QPlainTextEdit* m_reason;
};

} // namespace confer
