#pragma once

#include "common/Id.h"

#include <QDialog>

#include <optional>

class QLabel;
class QVBoxLayout;

namespace confer {

class ErrorLine;
struct Caseload;

// Every version of one note, oldest first: what was first recorded and each correction with its reason.
class NoteHistoryDialog final : public QDialog {
    Q_OBJECT
public:
    NoteHistoryDialog(Caseload& caseload, NoteId noteId, QWidget* parent = nullptr);

    int versionCount() const { return m_versionCount; }

private:
    ErrorLine* m_error;
    int m_versionCount = 0;
};

} // namespace confer
