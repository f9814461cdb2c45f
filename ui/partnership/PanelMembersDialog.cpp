#include "partnership/PanelMembersDialog.h"

#include "partnership/PanelService.h"
#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace confer {

namespace {
constexpr int UserIdRole = Qt::UserRole + 1;
} // namespace

PanelMembersDialog::PanelMembersDialog(PanelService& panels, const Panel& panel, std::vector<User> users,
                                       QWidget* parent)
    : QDialog(parent)
    , m_panels(panels)
    , m_panel(panel)
    , m_users(std::move(users))
    , m_members(new QListWidget(this))
    , m_candidates(FormFields::comboBox(QStringLiteral("memberCandidates"), tr("Person to add"), this))
    , m_add(FormFields::button(tr("&Add"), QStringLiteral("addMemberButton"),
                               tr("Add the person as a member"), this))
    , m_remove(FormFields::button(tr("&Remove"), QStringLiteral("removeMemberButton"),
                                  tr("Remove the selected member"), this))
    , m_makeChair(FormFields::button(tr("Make &chair"), QStringLiteral("makeChairButton"),
                                     tr("Make the selected member the chair"), this))
    , m_error(new ErrorLine(QStringLiteral("panelMembersError"), this))
{
    setWindowTitle(tr("Members of %1").arg(panel.name));
    setAccessibleName(windowTitle());
    setMinimumSize(520, 440);
    m_members->setObjectName(QStringLiteral("panelMemberList"));
    m_members->setAccessibleName(tr("Members"));
    m_members->setStyleSheet(QStringLiteral("QListWidget::item { padding: 4px 6px; }"));

    auto* memberActions = new QVBoxLayout;
    memberActions->addWidget(m_remove);
    memberActions->addWidget(m_makeChair);
    memberActions->addStretch(1);
    auto* memberRow = new QHBoxLayout;
    memberRow->addWidget(m_members, 1);
    memberRow->addLayout(memberActions);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_candidates, 1);
    addRow->addWidget(m_add);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(FormFields::text(
        tr("Members read and work on this panel's cases. Nobody else can, administrators included."),
        Tone::Muted, this));
    layout->addWidget(buddyLabel(tr("&Members:"), m_members));
    layout->addLayout(memberRow, 1);
    layout->addSpacing(4);
    layout->addWidget(buddyLabel(tr("A&dd a member:"), m_candidates));
    layout->addLayout(addRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] {
        change(idFromData<UserId>(m_candidates->currentData()),
               [this](PanelId panelId, UserId userId) { return m_panels.addMember(panelId, userId); });
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        change(selectedMember(),
               [this](PanelId panelId, UserId userId) { return m_panels.removeMember(panelId, userId); });
    });
    connect(m_makeChair, &QPushButton::clicked, this, [this] {
        change(selectedMember(),
               [this](PanelId panelId, UserId userId) { return m_panels.setChair(panelId, userId); });
    });
    connect(m_members, &QListWidget::currentRowChanged, this, &PanelMembersDialog::updateButtons);
    reload();
}

QLabel* PanelMembersDialog::buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text, this);
    label->setBuddy(buddy);
    return label;
}

void PanelMembersDialog::reload()
{
    const auto selected = selectedMember();
    m_members->clear();
    m_candidates->clear();
    auto memberIds = m_panels.memberIds(m_panel.id);
    if (!memberIds.ok()) {
        showStatus(memberIds.error());
        return;
    }
    if (auto panel = m_panels.panel(m_panel.id); panel.ok())
        m_panel = panel.value();
    for (const User& user : m_users) {
        const bool isMember = std::find(memberIds->begin(), memberIds->end(), user.id) != memberIds->end();
        if (isMember) {
            const bool isChair = m_panel.chairUserId == user.id;
            auto* item =
                new QListWidgetItem(isChair ? tr("%1 (%2) \u00b7 chair").arg(user.displayName, user.login)
                                            : tr("%1 (%2)").arg(user.displayName, user.login),
                                    m_members);
            item->setData(UserIdRole, idData(user.id));
            if (isChair) {
                QFont bold = item->font();
                bold.setWeight(QFont::DemiBold);
                item->setFont(bold);
            }
            if (user.id == selected)
                m_members->setCurrentItem(item);
        } else if (!user.isDisabled) {
            m_candidates->addItem(tr("%1 (%2)").arg(user.displayName, user.login), idData(user.id));
        }
    }
    updateButtons();
}

std::optional<UserId> PanelMembersDialog::selectedMember() const
{
    const QListWidgetItem* item = m_members->currentItem();
    return item ? idFromData<UserId>(item->data(UserIdRole)) : std::nullopt;
}

void PanelMembersDialog::updateButtons()
{
    const auto member = selectedMember();
    m_remove->setEnabled(member.has_value());
    m_makeChair->setEnabled(member && m_panel.chairUserId != member);
    m_add->setEnabled(m_candidates->count() > 0);
    m_candidates->setEnabled(m_candidates->count() > 0);
}

void PanelMembersDialog::showStatus(const Status& status)
{
    m_error->showStatus(status);
    if (status.ok())
        m_hasChanged = true;
}

void PanelMembersDialog::change(std::optional<UserId> userId,
                                const std::function<Status(PanelId panelId, UserId userId)>& request)
{
    if (!userId)
        return;
    const Status status = [&] {
        CoreCall call;
        return request(m_panel.id, *userId);
    }();
    showStatus(status);
    reload();
    // The person stays selected: after an addition, the new member.
    for (int row = 0; row < m_members->count(); ++row) {
        if (idFromData<UserId>(m_members->item(row)->data(UserIdRole)) == userId)
            m_members->setCurrentRow(row);
    }
}

} // namespace confer
