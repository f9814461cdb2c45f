#pragma once

#include "caseload/CaseloadTypes.h"

#include <QFrame>

class QAbstractButton;
class QHBoxLayout;
class QLabel;

namespace confer {

// One version of a note as a reader meets it: who wrote it for which agency and when, FACT or
// OPINION (with the opinion's basis), its marking, its text, and for a correction, why.
class NoteCard final : public QFrame {
    Q_OBJECT
public:
    NoteCard(const Note& note, QWidget* parent = nullptr);

    // Buttons for this note (Correct…, History) along the card's foot.
    void addButton(QAbstractButton* button);
    const Note& note() const { return m_note; }

private:
    Note m_note;
    QLabel* m_body;
    QHBoxLayout* m_buttons;
};

} // namespace confer
