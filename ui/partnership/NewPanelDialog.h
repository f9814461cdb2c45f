#pragma once

#include "accounts/User.h"
#include "caseload/CaseloadTypes.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace confer {

class PanelKindRegistry;
class PanelService;

// An administrator sets up a panel: its name ("Easington MAPS"), its kind from the shipped
// definitions, and optionally its chair. Refusals from PanelService stay in the dialog.
class NewPanelDialog final : public QDialog {
    Q_OBJECT
public:
    NewPanelDialog(PanelService& panels, const PanelKindRegistry& kinds, const std::vector<User>& users,
                   QWidget* parent = nullptr);

    void accept() override;
    std::optional<Panel> createdPanel() const { return m_created; }

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* chairBox() const { return m_chair; }
    QPushButton* createButton() const { return m_ok; }
    QString errorText() const;

private:
    void showKindSummary();

    PanelService& m_panels;
    const PanelKindRegistry& m_kinds;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QComboBox* m_chair;
    QLabel* m_kindSummary;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::optional<Panel> m_created;
};

} // namespace confer
