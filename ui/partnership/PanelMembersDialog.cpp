#include "partnership/PanelMembersDialog.h"

#include "partnership/PanelService.h"
#include "shell/CoreCall.h"
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
    , m_candidates(new QComboBox(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_makeChair(new QPushButton(tr("Make &chair"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Members of %1").arg(panel.name));
    setAccessibleName(windowTitle());
    setMinimumSize(520, 440);

    auto* intro = new QLabel(tr("Members read and work on this panel's cases. Nobody else can, "
                                "administrators included."),
                             this);
    intro->setWordWrap(true);
    applyTone(intro, Tone::Muted);

    auto* membersLabel = new QLabel(tr("&Members:"), this);
    membersLabel->setBuddy(m_members);
    m_members->setObjectName(QStringLiteral("panelMemberList"));
    m_members->setAccessibleName(tr("Members"));
    m_members->setStyleSheet(QStringLiteral("QListWidget::item { padding: 4px 6px; }"));
    m_remove->setObjectName(QStringLiteral("removeMemberButton"));
    m_remove->setAccessibleName(tr("Remove the selected member"));
    m_makeChair->setObjectName(QStringLiteral("makeChairButton"));
    m_makeChair->setAccessibleName(tr("Make the selected member the chair"));

    auto* addLabel = new QLabel(tr("A&dd a member:"), this);
    addLabel->setBuddy(m_candidates);
    m_candidates->setObjectName(QStringLiteral("memberCandidates"));
    m_candidates->setAccessibleName(tr("Person to add"));
    m_add->setObjectName(QStringLiteral("addMemberButton"));
    m_add->setAccessibleName(tr("Add the person as a member"));

    m_error->setObjectName(QStringLiteral("panelMembersError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

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
    layout->addWidget(intro);
    layout->addWidget(membersLabel);
    layout->addLayout(memberRow, 1);
    layout->addSpacing(4);
    layout->addWidget(addLabel);
    layout->addLayout(addRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &PanelMembersDialog::addMember);
    connect(m_remove, &QPushButton::clicked, this, &PanelMembersDialog::removeMember);
    connect(m_makeChair, &QPushButton::clicked, this, &PanelMembersDialog::makeChair);
    connect(m_members, &QListWidget::currentRowChanged, this, &PanelMembersDialog::updateButtons);
    reload();
}

QString PanelMembersDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void PanelMembersDialog::reload()
{
    const qint64 selected = selectedMember();
    m_members->clear();
    m_candidates->clear();
    auto memberIds = m_panels.memberIds(m_panel.id);
    if (!memberIds.ok()) {
        afterChange(memberIds.error());
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
            item->setData(UserIdRole, user.id);
            if (isChair) {
                QFont bold = item->font();
                bold.setWeight(QFont::DemiBold);
                item->setFont(bold);
            }
            if (user.id == selected)
                m_members->setCurrentItem(item);
        } else if (!user.isDisabled) {
            m_candidates->addItem(tr("%1 (%2)").arg(user.displayName, user.login), user.id);
        }
    }
    updateButtons();
}

qint64 PanelMembersDialog::selectedMember() const
{
    const QListWidgetItem* item = m_members->currentItem();
    return item ? item->data(UserIdRole).toLongLong() : 0;
}

void PanelMembersDialog::updateButtons()
{
    const qint64 member = selectedMember();
    m_remove->setEnabled(member != 0);
    m_makeChair->setEnabled(member != 0 && m_panel.chairUserId != member);
    m_add->setEnabled(m_candidates->count() > 0);
    m_candidates->setEnabled(m_candidates->count() > 0);
}

void PanelMembersDialog::afterChange(const Status& status)
{
    m_error->setVisible(!status.ok());
    if (!status.ok()) {
        m_error->setText(status.error().message);
        return;
    }
    m_hasChanged = true;
}

void PanelMembersDialog::addMember()
{
    const qint64 userId = m_candidates->currentData().toLongLong();
    if (!userId)
        return;
    const Status status = [&] {
        CoreCall call;
        return m_panels.addMember(m_panel.id, userId);
    }();
    afterChange(status);
    reload();
    for (int row = 0; row < m_members->count(); ++row) {
        if (m_members->item(row)->data(UserIdRole).toLongLong() == userId)
            m_members->setCurrentRow(row);
    }
}

void PanelMembersDialog::removeMember()
{
    const qint64 userId = selectedMember();
    if (!userId)
        return;
    const Status status = [&] {
        CoreCall call;
        return m_panels.removeMember(m_panel.id, userId);
    }();
    afterChange(status);
    reload();
}

void PanelMembersDialog::makeChair()
{
    const qint64 userId = selectedMember();
    if (!userId)
        return;
    const Status status = [&] {
        CoreCall call;
        return m_panels.setChair(m_panel.id, userId);
    }();
    afterChange(status);
    reload();
}

} // namespace confer
