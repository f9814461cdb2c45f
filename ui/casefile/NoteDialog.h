#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace confer {

struct Caseload;

// Adds a note to a case: its originating agency (the author's by default, which keeps ownership),
// whether it is fact or professional opinion with the basis of the opinion (Thurrock 5.3.1 d), its
// marking and its text.
class NoteDialog final : public FormDialog {
    Q_OBJECT
public:
    NoteDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies,
               std::optional<AgencyId> authorAgencyId, QWidget* parent = nullptr);

    std::optional<Note> addedNote() const { return m_added; }

private:
    Status submit() override;
    bool isComplete() const override;

    Caseload& m_caseload;
    CaseId m_caseId;
    QComboBox* m_agency;
    QRadioButton* m_fact;
    QRadioButton* m_opinion;
    QLineEdit* m_basis;
    QComboBox* m_marking;
    QPlainTextEdit* m_text;
    std::optional<Note> m_added;
};

} // namespace confer
