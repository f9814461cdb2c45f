#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace confer {

class ErrorLine;
class AuditTrailModel;
class Session;

// Administrators only: the audit trail, newest first, paged in as the table scrolls.
class AuditTrailPage final : public QWidget {
    Q_OBJECT
public:
    explicit AuditTrailPage(Session& session, QWidget* parent = nullptr);

    void reload();
    void clear();

private:
    Session& m_session;
    AuditTrailModel* m_model;
    QTableView* m_table;
    QPushButton* m_refresh;
    QLabel* m_count;
    ErrorLine* m_error;
};

} // namespace confer
