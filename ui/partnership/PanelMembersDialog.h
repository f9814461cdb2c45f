#pragma once

#include "accounts/User.h"
#include "caseload/CaseloadTypes.h"
#include "common/Id.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace confer {

class ErrorLine;
class PanelService;

// An administrator manages who sits on a panel: adds and removes members and names the chair. Each
// change is made (and audited) at once; membership decides who reads the panel's cases.
class PanelMembersDialog final : public QDialog {
    Q_OBJECT
public:
    PanelMembersDialog(PanelService& panels, const Panel& panel, std::vector<User> users,
                       QWidget* parent = nullptr);

    bool hasChanged() const { return m_hasChanged; }

private:
    QLabel* buddyLabel(const QString& text, QWidget* buddy);
    void reload();
    void updateButtons();
    // Makes one change at once (none chosen: nothing), shows a refusal, and lists the members again.
    void change(std::optional<UserId> userId,
                const std::function<Status(PanelId panelId, UserId userId)>& request);
    void showStatus(const Status& status);
    std::optional<UserId> selectedMember() const;

    PanelService& m_panels;
    Panel m_panel;
    std::vector<User> m_users;
    QListWidget* m_members;
    QComboBox* m_candidates;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_makeChair;
    ErrorLine* m_error;
    bool m_hasChanged = false;
};

} // namespace confer
