#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace confer {

struct Caseload;

// Corrects a note: the corrected text and the reason become a new version; the old one is kept and
// stays readable in the note's history (Thurrock 8.3.2, 8.4).
class CorrectNoteDialog final : public QDialog {
    Q_OBJECT
public:
    CorrectNoteDialog(Caseload& caseload, const Note& note, QWidget* parent = nullptr);

    void accept() override;

    QPlainTextEdit* textEdit() const { return m_text; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* correctButton() const { return m_ok; }
    QString errorText() const;

private:
    void updateOkButton();

    Caseload& m_caseload;
    Note m_note;
    QPlainTextEdit* m_text;
    QLineEdit* m_reason;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
