#pragma once

#include "accounts/User.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace confer {

class AgencyService;

// An administrator records which partner agency a person works for: their notes are attributed to
// it, and "My agency's actions" shows its actions.
class ChangeAgencyDialog final : public QDialog {
    Q_OBJECT
public:
    ChangeAgencyDialog(const User& user, AgencyService& agencies, QWidget* parent = nullptr);

    void accept() override;

    QComboBox* agencyBox() const { return m_agency; }
    QString errorText() const;

private:
    User m_user;
    AgencyService& m_agencies;
    QComboBox* m_agency;
    QLabel* m_error;
};

} // namespace confer
