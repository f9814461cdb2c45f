#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace confer {

struct Caseload;

// Adds a note to a case: its originating agency (the author's by default, which keeps ownership),
// whether it is fact or professional opinion with the basis of the opinion (Thurrock 5.3.1 d), its
// marking and its text.
class NoteDialog final : public QDialog {
    Q_OBJECT
public:
    NoteDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies,
               std::optional<AgencyId> authorAgencyId, QWidget* parent = nullptr);

    void accept() override;
    std::optional<Note> addedNote() const { return m_added; }

    QComboBox* agencyBox() const { return m_agency; }
    QRadioButton* factButton() const { return m_fact; }
    QRadioButton* opinionButton() const { return m_opinion; }
    QLineEdit* basisEdit() const { return m_basis; }
    QComboBox* markingBox() const { return m_marking; }
    QPlainTextEdit* textEdit() const { return m_text; }
    QPushButton* addButton() const { return m_ok; }
    QString errorText() const;

private:
    void updateState();

    Caseload& m_caseload;
    CaseId m_caseId;
    QComboBox* m_agency;
    QRadioButton* m_fact;
    QRadioButton* m_opinion;
    QLineEdit* m_basis;
    QComboBox* m_marking;
    QPlainTextEdit* m_text;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::optional<Note> m_added;
};

} // namespace confer
