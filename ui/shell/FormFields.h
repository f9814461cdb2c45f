#pragma once

#include "shell/Tone.h"

#include <QString>

#include <initializer_list>

class QComboBox;
class QDate;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QWidget;

namespace confer {

// The fields forms are built from, each made in one call with the object name tests find it by and
// the accessible name a screen reader says, so every form's fields look and behave alike.
class FormFields final {
public:
    enum class Height { Fixed, AtLeast };

    // Qt's own limit by default: an entry such as a pasted key needs none of its own.
    static constexpr int NoMaximum = 32767;

    static QLineEdit* lineEdit(const QString& objectName, const QString& accessibleName, int maxLength,
                               QWidget* parent);
    // A text box `lines` lines high in which Tab moves on instead of typing a tab.
    static QPlainTextEdit* textEdit(const QString& objectName, const QString& accessibleName, int lines,
                                    QWidget* parent, Height height = Height::Fixed);
    // A date with a calendar, no later than `latest` (a decision cannot be dated in the future).
    static QDateEdit* dateEdit(const QString& objectName, const QString& accessibleName, const QDate& date,
                               const QDate& latest, QWidget* parent);
    static QPushButton* button(const QString& text, const QString& objectName, const QString& accessibleName,
                               QWidget* parent);
    static QComboBox* comboBox(const QString& objectName, const QString& accessibleName, QWidget* parent);
    // One choice among a few, side by side: the buttons exclude only each other.
    static QWidget* radioRow(const QString& accessibleName, std::initializer_list<QRadioButton*> buttons,
                             QWidget* parent);
    // Wrapped plain text: an introduction, a note under a form.
    static QLabel* text(const QString& text, Tone tone, QWidget* parent);
    // A form whose fields take the width they are given.
    static QFormLayout* form();
    // A form row whose label (with its mnemonic) focuses the field; at the top of a tall field.
    static QLabel* addRow(QFormLayout* form, const QString& label, QWidget* field);
};

} // namespace confer
