#pragma once

#include "accounts/User.h"
#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace confer {

class PanelKindRegistry;
class PanelService;

// An administrator sets up a panel: its name ("Easington MAPS"), its kind from the shipped
// definitions, and optionally its chair. Refusals from PanelService stay in the dialog.
class NewPanelDialog final : public FormDialog {
    Q_OBJECT
public:
    NewPanelDialog(PanelService& panels, const PanelKindRegistry& kinds, const std::vector<User>& users,
                   QWidget* parent = nullptr);

    std::optional<Panel> createdPanel() const { return m_created; }

private:
    Status submit() override;
    bool isComplete() const override;
    void showKindSummary();

    PanelService& m_panels;
    const PanelKindRegistry& m_kinds;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QComboBox* m_chair;
    QLabel* m_kindSummary;
    std::optional<Panel> m_created;
};

} // namespace confer
