#pragma once

#include "partnership/AgencyService.h"

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace confer {

class AccountsModel;
class Session;
struct User;

// Administrators only: the list of accounts and the actions on them (add, reset passphrase, change
// role, disable or enable). Every action is a dialog that calls AccountService and shows its error.
class AccountsPage final : public QWidget {
    Q_OBJECT
public:
    AccountsPage(Session& session, QAction* lockAction, QWidget* parent = nullptr);

    void refresh();
    // Forgets every row before the session goes.
    void clear();

    AccountsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* resetButton() const { return m_reset; }
    QPushButton* roleButton() const { return m_role; }
    QPushButton* agencyButton() const { return m_agency; }
    QPushButton* disableButton() const { return m_disable; }
    void selectUser(qint64 userId);

private:
    const User* selectedUser() const;
    void updateButtons();
    void showError(const QString& message);
    void addUser();
    void resetPassphrase();
    void changeRole();
    void changeAgency();
    void toggleDisabled();
    void afterChange(qint64 userId);

    Session& m_session;
    AgencyService m_agencies;
    QAction* m_lockAction;
    AccountsModel* m_model;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_reset;
    QPushButton* m_role;
    QPushButton* m_agency;
    QPushButton* m_disable;
    QLabel* m_error;
};

} // namespace confer
