#pragma once

#include "casefile/OpenCase.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace confer {

class ErrorLine;
struct Caseload;

// Consent on a case whose kind uses it (Channel): where it stands now, every decision recorded, and
// "Record consent…".
class ConsentTab final : public QWidget {
    Q_OBJECT
public:
    ConsentTab(Caseload& caseload, QWidget* parent = nullptr);

    void display(const OpenCase& openCase);

signals:
    void caseChanged();

private:
    void openRecordDialog();

    Caseload& m_caseload;
    OpenCase m_case;
    QLabel* m_summary;
    QTableWidget* m_history;
    QPushButton* m_record;
    ErrorLine* m_error;
};

} // namespace confer
