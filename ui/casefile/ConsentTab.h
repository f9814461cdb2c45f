#pragma once

#include "casefile/OpenCase.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace confer {

struct Caseload;

// Consent on a case whose kind uses it (Channel): where it stands now, every decision recorded, and
// "Record consent…".
class ConsentTab final : public QWidget {
    Q_OBJECT
public:
    ConsentTab(Caseload& caseload, QWidget* parent = nullptr);

    void display(const OpenCase& openCase);

    QLabel* summaryLabel() const { return m_summary; }
    QTableWidget* historyTable() const { return m_history; }
    QPushButton* recordButton() const { return m_record; }
    QString errorText() const;

signals:
    void caseChanged();

private:
    void openRecordDialog();

    Caseload& m_caseload;
    OpenCase m_case;
    QLabel* m_summary;
    QTableWidget* m_history;
    QPushButton* m_record;
    QLabel* m_error;
};

} // namespace confer
