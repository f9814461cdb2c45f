#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace confer {

class AgencyService;

// Adds a partner organisation to the directory, or corrects one: name, kind, the information
// sharing protocol's signatory and date, the data protection registration number and the single
// point of contact. AgencyService decides who may; its refusal stays in the dialog.
class AgencyDialog final : public QDialog {
    Q_OBJECT
public:
    // existing empty: a new agency. today: the date offered when the protocol is marked signed.
    AgencyDialog(AgencyService& agencies, std::optional<Agency> existing, const QDate& today,
                 QWidget* parent = nullptr);

    void accept() override;
    std::optional<Agency> savedAgency() const { return m_saved; }

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* signatoryEdit() const { return m_signatory; }
    QCheckBox* signedCheck() const { return m_isSigned; }
    QDateEdit* signedOnEdit() const { return m_signedOn; }
    QLineEdit* registrationEdit() const { return m_registration; }
    QLineEdit* contactNameEdit() const { return m_contactName; }
    QLineEdit* contactEmailEdit() const { return m_contactEmail; }
    QLineEdit* contactPhoneEdit() const { return m_contactPhone; }
    QPushButton* saveButton() const { return m_ok; }
    QString errorText() const;

private:
    AgencyService& m_agencies;
    std::optional<Agency> m_existing;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_signatory;
    QCheckBox* m_isSigned;
    QDateEdit* m_signedOn;
    QLineEdit* m_registration;
    QLineEdit* m_contactName;
    QLineEdit* m_contactEmail;
    QLineEdit* m_contactPhone;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::optional<Agency> m_saved;
};

} // namespace confer
