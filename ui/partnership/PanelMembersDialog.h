#pragma once

#include "accounts/User.h"
#include "caseload/CaseloadTypes.h"
#include "common/Id.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace confer {

class PanelService;

// An administrator manages who sits on a panel: adds and removes members and names the chair. Each
// change is made (and audited) at once; membership decides who reads the panel's cases.
class PanelMembersDialog final : public QDialog {
    Q_OBJECT
public:
    PanelMembersDialog(PanelService& panels, const Panel& panel, std::vector<User> users,
                       QWidget* parent = nullptr);

    QListWidget* memberList() const { return m_members; }
    QComboBox* candidateBox() const { return m_candidates; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* chairButton() const { return m_makeChair; }
    QString errorText() const;
    bool hasChanged() const { return m_hasChanged; }

private:
    void reload();
    void updateButtons();
    void addMember();
    void removeMember();
    void makeChair();
    void afterChange(const Status& status);
    std::optional<UserId> selectedMember() const;

    PanelService& m_panels;
    Panel m_panel;
    std::vector<User> m_users;
    QListWidget* m_members;
    QComboBox* m_candidates;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_makeChair;
    QLabel* m_error;
    bool m_hasChanged = false;
};

} // namespace confer
