#pragma once

#include "accounts/User.h"
#include "shell/FormDialog.h"

#include <functional>

class QComboBox;

namespace confer {

class AccountService;
class AgencyService;

// An administrator chooses one value for one person (their role, or the agency they work for): who it
// is, the choices, what the choice means, and the service that records it.
class UserChoiceDialog final : public FormDialog {
    Q_OBJECT
public:
    // The core refuses to demote the last administrator; the change applies at the next sign-in.
    static UserChoiceDialog* forRole(const User& user, AccountService& accounts, QWidget* parent);
    // Notes the person writes are attributed to the agency, and "My agency's actions" shows its actions.
    static UserChoiceDialog* forAgency(const User& user, AgencyService& agencies, QWidget* parent);

private:
    struct Wording {
        QString name; // the dialog's object name
        QString title;
        QString intro;
        QString label;
        QString choiceName;
        QString note;
        QString okText;
    };
    using Save = std::function<Status(const QVariant& chosen)>;

    UserChoiceDialog(const Wording& wording, Save save, QWidget* parent);
    Status submit() override;

    QComboBox* m_choice;
    Save m_save;
};

} // namespace confer
