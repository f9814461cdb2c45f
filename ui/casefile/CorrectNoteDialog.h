#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

class QLineEdit;
class QPlainTextEdit;

namespace confer {

struct Caseload;

// Corrects a note: the corrected text and the reason become a new version; the old one is kept and
// stays readable in the note's history (Thurrock 8.3.2, 8.4).
class CorrectNoteDialog final : public FormDialog {
    Q_OBJECT
public:
    CorrectNoteDialog(Caseload& caseload, const Note& note, QWidget* parent = nullptr);

private:
    Status submit() override;
    bool isComplete() const override;

    Caseload& m_caseload;
    Note m_note;
    QPlainTextEdit* m_text;
    QLineEdit* m_reason;
};

} // namespace confer
