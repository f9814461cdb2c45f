#pragma once

#include "casefile/OpenCase.h"
#include "common/Id.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace confer {

class ErrorLine;
struct Caseload;
class NoteCard;

// The notes on a case, the latest version of each, newest first, with "Add note…", and on each note
// "Correct…" and "History".
class NotesTab final : public QWidget {
    Q_OBJECT
public:
    NotesTab(Caseload& caseload, QWidget* parent = nullptr);

    void display(const OpenCase& openCase);
    void reload();

    QList<NoteCard*> cards() const;
    QPushButton* correctButton(NoteId noteId) const;
    QPushButton* historyButton(NoteId noteId) const;

signals:
    void notesChanged();

private:
    void openAddDialog();
    void openCorrectDialog(const Note& note);
    void openHistory(const Note& note);

    Caseload& m_caseload;
    OpenCase m_case;
    QPushButton* m_add;
    QLabel* m_count;
    ErrorLine* m_error;
    QWidget* m_list;
    QVBoxLayout* m_listLayout;
};

} // namespace confer
