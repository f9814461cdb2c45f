#pragma once

#include "common/Result.h"
#include "shell/Tone.h"

#include <QDialog>

#include <initializer_list>

class QFormLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace confer {

class ErrorLine;

// A dialog that gathers a form and hands it to a service: the form on top, an error line hidden until
// the service refuses, and OK and Cancel. OK (or Return) calls submit(): a refusal shows its sentence
// and keeps the dialog open with what was typed; success closes it. OK is enabled only while
// isComplete() says the form can be submitted.
class FormDialog : public QDialog {
    Q_OBJECT
public:
    void accept() final;

protected:
    // errorName: the error line's object name, by which tests read it.
    FormDialog(const QString& title, const QString& errorName, QWidget* parent);

    // Hands the form to the service. Runs as a CoreCall: a lock waits for it.
    virtual Status submit() = 0;
    virtual bool isComplete() const { return true; }

    // Where the form goes, above the error line and the buttons.
    QVBoxLayout* body() const { return m_body; }
    // A new form at the end of the body.
    QFormLayout* addForm();
    // Wrapped text at the end of the body: an introduction, or a note under the form.
    QLabel* addText(const QString& text, Tone tone = Tone::Normal);
    void setOkText(const QString& text, const QString& accessibleName);
    ErrorLine* errorLine() const { return m_error; }

    // Checks isComplete() again whenever one of these fields changes, and once now.
    void updateOkButtonOn(std::initializer_list<QWidget*> fields);
    void updateOkButton();

private:
    QVBoxLayout* m_body;
    ErrorLine* m_error;
    QPushButton* m_ok;
};

} // namespace confer
