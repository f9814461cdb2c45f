#pragma once

#include "shell/FormDialog.h"

class QPlainTextEdit;

namespace confer {

// Records what came of something a case was waiting on (a scheduled review, an action): one choice
// about it (the day it was held, the status it reached) and, in words that must be given, what
// happened. The subclass says which service keeps it.
class OutcomeDialog : public FormDialog {
    Q_OBJECT
protected:
    struct Wording {
        QString title;
        QString errorName;
        QString textName; // the words' object name
        QString textAccessibleName;
        QString textLabel;
        QString okText;
    };

    OutcomeDialog(const Wording& wording, QWidget* parent);

    // Adds the form, below whatever introduction the subclass has added: the choice, then the words.
    void addOutcomeForm(const QString& choiceLabel, QWidget* choice);
    QPlainTextEdit* outcomeEdit() const { return m_outcome; }
    QString outcome() const;

private:
    bool isComplete() const final;

    QString m_textLabel;
    QPlainTextEdit* m_outcome;
};

} // namespace confer
