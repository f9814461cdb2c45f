#pragma once

#include "common/Id.h"
#include "partnership/AgencyService.h"

#include <QWidget>

#include <functional>
#include <optional>

class QDialog;
class QPushButton;
class QTableView;

namespace confer {

class AccountsModel;
class ErrorLine;
class Session;
struct User;

// Administrators only: the list of accounts and the actions on them (add, reset passphrase, change
// role, disable or enable). Every action is a dialog that calls AccountService and shows its error.
class AccountsPage final : public QWidget {
    Q_OBJECT
public:
    explicit AccountsPage(Session& session, QWidget* parent = nullptr);

    void refresh();
    // Forgets every row before the session goes.
    void clear();
    void selectUser(UserId userId);

private:
    const User* selectedUser() const;
    void updateButtons();
    void addUser();
    // Opens the dialog `make` builds for the selected person; the list is read again once it is accepted.
    void openForSelected(const std::function<QDialog*(const User&)>& make);
    void toggleDisabled();
    void disable(UserId userId);
    void afterChange(std::optional<UserId> userId); // none: nothing to select

    Session& m_session;
    AgencyService m_agencies;
    AccountsModel* m_model;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_reset;
    QPushButton* m_role;
    QPushButton* m_agency;
    QPushButton* m_disable;
    ErrorLine* m_error;
};

} // namespace confer
