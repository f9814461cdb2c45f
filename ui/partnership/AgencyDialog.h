#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

namespace confer {

class AgencyService;

// Adds a partner organisation to the directory, or corrects one: name, kind, the information
// sharing protocol's signatory and date, the data protection registration number and the single
// point of contact. AgencyService decides who may; its refusal stays in the dialog.
class AgencyDialog final : public FormDialog {
    Q_OBJECT
public:
    // existing empty: a new agency. today: the date offered when the protocol is marked signed.
    AgencyDialog(AgencyService& agencies, std::optional<Agency> existing, const QDate& today,
                 QWidget* parent = nullptr);

    std::optional<Agency> savedAgency() const { return m_saved; }

private:
    Status submit() override;
    bool isComplete() const override;
    void addFields();
    void fill(const Agency& agency);

    AgencyService& m_agencies;
    std::optional<Agency> m_existing;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QComboBox* m_sector;
    QLineEdit* m_signatory;
    QCheckBox* m_isSigned;
    QDateEdit* m_signedOn;
    QLineEdit* m_registration;
    QLineEdit* m_contactName;
    QLineEdit* m_contactEmail;
    QLineEdit* m_contactPhone;
    std::optional<Agency> m_saved;
};

} // namespace confer
