#include "shell/Workspace.h"

#include "accounts/AccountsPage.h"
#include "accounts/ChangePassphraseDialog.h"
#include "audit/AuditTrailPage.h"
#include "session/Session.h"
#include "shell/DialogPresenter.h"
#include "shell/MarkingLabel.h"
#include "shell/OverviewPage.h"
#include "shell/SettingsDialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int SectionRole = Qt::UserRole + 1;
constexpr int NavigationWidth = 210;
} // namespace

Workspace::Workspace(Session& session, QAction* lockAction, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_lockAction(lockAction)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("workspace"));
    setAccessibleName(tr("Confer workspace"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setFixedWidth(NavigationWidth);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages->setObjectName(QStringLiteral("sectionStack"));

    m_overview = new OverviewPage(session, m_pages);
    addSection(Section::Overview, tr("Overview"), m_overview);
    connect(m_overview, &OverviewPage::settingsRequested, this, &Workspace::openSettings);
    if (session.isAdministrator()) {
        m_accounts = new AccountsPage(session, lockAction, m_pages);
        addSection(Section::Accounts, tr("Accounts"), m_accounts);
        m_auditTrail = new AuditTrailPage(session, m_pages);
        addSection(Section::AuditTrail, tr("Audit trail"), m_auditTrail);
    }

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(makeTopBar());
    layout->addLayout(body, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &Workspace::onSectionChosen);
    m_navigation->setCurrentRow(0);
}

QWidget* Workspace::makeTopBar()
{
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setAttribute(Qt::WA_StyledBackground, true);

    auto* name = new QLabel(tr("Confer"), bar);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.35);
    nameFont.setWeight(QFont::DemiBold);
    name->setFont(nameFont);

    const User& user = m_session.currentUser();
    m_accountButton = new QToolButton(bar);
    m_accountButton->setObjectName(QStringLiteral("accountButton"));
    m_accountButton->setText(tr("%1  \u25be").arg(user.displayName));
    m_accountButton->setAccessibleName(tr("Account menu for %1").arg(user.displayName));
    m_accountButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_accountButton->setPopupMode(QToolButton::InstantPopup);
    m_accountButton->setFocusPolicy(Qt::StrongFocus);

    auto* menu = new QMenu(m_accountButton);
    menu->setAccessibleName(tr("Account"));
    QAction* who = menu->addAction(tr("%1 \u00b7 %2").arg(user.login, roleDisplayName(user.role)));
    who->setEnabled(false);
    menu->addSeparator();
    QAction* changePassphrase = menu->addAction(tr("Change &passphrase\u2026"));
    connect(changePassphrase, &QAction::triggered, this, &Workspace::openChangePassphrase);
    if (m_session.isAdministrator()) {
        QAction* settings = menu->addAction(tr("&Settings\u2026"));
        connect(settings, &QAction::triggered, this, &Workspace::openSettings);
    }
    menu->addSeparator();
    if (m_lockAction)
        menu->addAction(m_lockAction);
    m_accountButton->setMenu(menu);

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(20, 8, 14, 8);
    layout->setSpacing(16);
    layout->addWidget(name);
    layout->addStretch(1);
    layout->addWidget(new MarkingLabel(bar));
    layout->addStretch(1);
    layout->addWidget(m_accountButton);
    return bar;
}

void Workspace::addSection(Section section, const QString& name, QWidget* page)
{
    auto* item = new QListWidgetItem(name, m_navigation);
    item->setData(SectionRole, int(section));
    m_pages->addWidget(page);
    m_sections << section;
}

void Workspace::showSection(Section section)
{
    const int row = int(m_sections.indexOf(section));
    if (row < 0)
        return;
    if (row == m_navigation->currentRow())
        onSectionChosen(row); // already there: still show the store as it is now
    else
        m_navigation->setCurrentRow(row);
}

Workspace::Section Workspace::currentSection() const
{
    return m_sections.value(m_navigation->currentRow(), Section::Overview);
}

void Workspace::onSectionChosen(int row)
{
    if (row < 0 || row >= m_sections.size())
        return;
    // Each visit shows the store as it is now.
    switch (m_sections[row]) {
    case Section::Overview:
        m_overview->refresh();
        break;
    case Section::Accounts:
        m_accounts->refresh();
        break;
    case Section::AuditTrail:
        m_auditTrail->reload();
        break;
    }
    m_pages->setCurrentIndex(row);
}

void Workspace::openSettings()
{
    if (!m_session.isAdministrator())
        return;
    auto* dialog = new SettingsDialog(m_session, this);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_overview->refresh();
        emit autoLockChanged();
    });
    DialogPresenter::open(dialog, m_lockAction);
}

void Workspace::openChangePassphrase()
{
    auto* dialog = new ChangePassphraseDialog(m_session.accounts(), m_session.currentUser().login, this);
    DialogPresenter::open(dialog, m_lockAction);
}

void Workspace::shutDown()
{
    for (QWidget* child : findChildren<QWidget*>()) {
        if (child->isWindow())
            child->hide();
    }
    if (m_accounts)
        m_accounts->clear();
    if (m_auditTrail)
        m_auditTrail->clear();
    m_navigation->clear();
}

} // namespace confer
