#include "shell/Workspace.h"

#include "accounts/AccountsPage.h"
#include "accounts/ChangePassphraseDialog.h"
#include "audit/AuditTrailPage.h"
#include "casefile/CaseView.h"
#include "caseload/Caseload.h"
#include "caseload/CaseloadPage.h"
#include "caseload/DashboardPage.h"
#include "caseload/MyActionsPage.h"
#include "meetings/MeetingPlanner.h"
#include "meetings/MeetingRoomView.h"
#include "meetings/Meetings.h"
#include "meetings/MeetingsPage.h"
#include "partnership/AgenciesPage.h"
#include "partnership/PanelsPage.h"
#include "session/Session.h"
#include "shell/DemoFill.h"
#include "shell/DemonstrationBanner.h"
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
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int SectionRole = Qt::UserRole + 1;
constexpr int NavigationWidth = 210;
} // namespace

Workspace::Workspace(Session& session, const PanelKindRegistry& panelKinds, QAction* lockAction,
                     QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_panelKinds(panelKinds)
    , m_caseload(std::make_unique<Caseload>(session, panelKinds))
    , m_meetings(std::make_unique<Meetings>(session, panelKinds))
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

    // Pages read the store when they are shown, not here: unlocking stays quick at any caseload size.
    m_dashboard = new DashboardPage(*m_caseload, m_pages);
    addSection(Section::Dashboard, tr("Dashboard"), m_dashboard);
    connect(m_dashboard, &DashboardPage::caseloadRequested, this, &Workspace::showCaseload);
    m_caseloadPage = new CaseloadPage(*m_caseload, m_pages);
    addSection(Section::Caseload, tr("Caseload"), m_caseloadPage);
    connect(m_caseloadPage, &CaseloadPage::caseRequested, this, &Workspace::openCase);
    m_meetingsPage = new MeetingsPage(*m_caseload, *m_meetings, m_pages);
    addSection(Section::Meetings, tr("Meetings"), m_meetingsPage);
    connect(m_meetingsPage, &MeetingsPage::roomRequested, this, &Workspace::openMeetingRoom);
    connect(m_meetingsPage, &MeetingsPage::plannerRequested, this, &Workspace::openMeetingPlanner);
    if (auto agency = m_caseload->agencies.agencyOfUser(session.currentUser().id); agency.ok() && *agency) {
        m_myActions = new MyActionsPage(*m_caseload, **agency, m_pages);
        addSection(Section::MyActions, tr("My agency's actions"), m_myActions);
        connect(m_myActions, &MyActionsPage::caseRequested, this, &Workspace::openCase);
    }
    m_overview = new OverviewPage(session, m_pages);
    addSection(Section::Overview, tr("Overview"), m_overview);
    connect(m_overview, &OverviewPage::settingsRequested, this, &Workspace::openSettings);
    if (session.isAdministrator()) {
        m_panels = new PanelsPage(*m_caseload, m_pages);
        addSection(Section::Panels, tr("Panels"), m_panels);
    }
    // Everyone may read the directory (to find an agency's contact); who may edit it is the page's.
    m_agencies = new AgenciesPage(*m_caseload, m_pages);
    addSection(Section::Agencies, tr("Agencies"), m_agencies);
    if (session.isAdministrator()) {
        m_accounts = new AccountsPage(session, m_pages);
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
    // Under the top bar, so every section and every open case sits below it.
    m_banner = new DemonstrationBanner(session, DemonstrationBanner::Place::Window, this);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &Workspace::onSectionChosen);
    // Choosing the section already highlighted still matters while a case is shown over it.
    connect(m_navigation, &QListWidget::itemClicked, this, &Workspace::onSectionClicked);
    connect(m_navigation, &QListWidget::itemActivated, this, &Workspace::onSectionClicked);
    m_navigation->setCurrentRow(int(m_sections.indexOf(landingSection())));
}

Workspace::~Workspace()
{
    // The pages, their dialogs and any open case or meeting refer to the session's services: they go first.
    delete m_pages;
    m_pages = nullptr;
}

Workspace::Section Workspace::landingSection() const
{
    // A chair or coordinator opens Confer to work on cases; an administrator to run the store.
    return m_session.isAdministrator() ? Section::Overview : Section::Caseload;
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
        QAction* demo = menu->addAction(tr("Fill with &demonstration data\u2026"));
        demo->setObjectName(QStringLiteral("fillDemoAction"));
        connect(demo, &QAction::triggered, this, &Workspace::fillWithDemonstrationData);
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
    return m_sections.value(m_navigation->currentRow(), landingSection());
}

QWidget* Workspace::pageOf(Section section) const
{
    // Section pages were added first, in navigation order; a case view comes after them.
    return m_pages->widget(int(m_sections.indexOf(section)));
}

void Workspace::onSectionChosen(int row)
{
    if (row < 0 || row >= m_sections.size())
        return;
    closeCase();
    // Each visit shows the store as it is now.
    switch (m_sections[row]) {
    case Section::Dashboard:
        m_dashboard->refresh();
        break;
    case Section::Caseload:
        m_caseloadPage->refresh();
        break;
    case Section::Meetings:
        m_meetingsPage->refresh();
        break;
    case Section::MyActions:
        m_myActions->refresh();
        break;
    case Section::Overview:
        m_overview->refresh();
        break;
    case Section::Panels:
        m_panels->refresh();
        break;
    case Section::Agencies:
        m_agencies->refresh();
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

void Workspace::onSectionClicked(QListWidgetItem* item)
{
    const int row = m_navigation->row(item);
    if (m_caseView && row == m_navigation->currentRow())
        onSectionChosen(row);
}

void Workspace::showCaseload(const CaseloadQuery::Filter& filter)
{
    if (!hasSection(Section::Caseload))
        return;
    showSection(Section::Caseload);
    m_caseloadPage->showFiltered(filter);
}

void Workspace::openCase(CaseId caseId)
{
    auto* view = new CaseView(*m_caseload, caseId, m_pages);
    connect(view, &CaseView::closed, this, &Workspace::closeCase);
    showOverSection(view);
}

void Workspace::openMeetingRoom(MeetingId meetingId)
{
    auto* room = new MeetingRoomView(*m_caseload, *m_meetings, meetingId, m_pages);
    connect(room, &MeetingRoomView::closed, this, &Workspace::closeCase);
    showOverSection(room);
}

void Workspace::openMeetingPlanner(MeetingId meetingId)
{
    auto* planner = new MeetingPlanner(*m_caseload, *m_meetings, meetingId, m_pages);
    connect(planner, &MeetingPlanner::closed, this, &Workspace::closeCase);
    showOverSection(planner);
}

void Workspace::showOverSection(QWidget* view)
{
    // One view at a time, shown where the section was; closing it returns there.
    closeCase();
    m_caseView = view;
    m_pages->addWidget(view);
    m_pages->setCurrentWidget(view);
    view->setFocus(Qt::OtherFocusReason);
}

void Workspace::closeCase()
{
    if (!m_caseView)
        return;
    QWidget* view = m_caseView;
    m_caseView = nullptr;
    // Possibly called from the view's own Close button: delete it once that handler has returned.
    m_pages->removeWidget(view);
    view->hide();
    view->deleteLater();
    const int row = m_navigation->currentRow();
    if (row >= 0 && row < m_sections.size()) {
        onSectionChosen(row);
        pageOf(m_sections[row])->setFocus(Qt::OtherFocusReason);
        if (m_sections[row] == Section::Caseload)
            m_caseloadPage->table()->setFocus(Qt::OtherFocusReason);
    }
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
    DialogPresenter::open(dialog);
}

void Workspace::fillWithDemonstrationData()
{
    if (!m_session.isAdministrator())
        return;
    auto* fill = new DemoFill(m_session, m_panelKinds, this);
    connect(fill, &DemoFill::filled, this, [this] {
        m_banner->refresh();
        showSection(currentSection()); // the section as the store is now
    });
    fill->ask();
}

void Workspace::openChangePassphrase()
{
    auto* dialog = new ChangePassphraseDialog(m_session.accounts(), m_session.currentUser().login, this);
    DialogPresenter::open(dialog);
}

void Workspace::shutDown()
{
    for (QWidget* child : findChildren<QWidget*>()) {
        if (child->isWindow())
            child->hide();
    }
    // Case data leaves the screen and the models now; the widgets go with the workspace.
    if (m_caseView)
        m_caseView->hide();
    m_dashboard->clear();
    m_caseloadPage->clear();
    m_meetingsPage->clear();
    if (auto* room = qobject_cast<MeetingRoomView*>(m_caseView.data()))
        room->clear();
    if (auto* planner = qobject_cast<MeetingPlanner*>(m_caseView.data()))
        planner->clear();
    if (m_myActions)
        m_myActions->clear();
    if (m_panels)
        m_panels->clear();
    m_agencies->clear();
    if (m_accounts)
        m_accounts->clear();
    if (m_auditTrail)
        m_auditTrail->clear();
    m_navigation->clear();
}

} // namespace confer
