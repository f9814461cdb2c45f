#pragma once

#include "caseload/CaseloadQuery.h"
#include "common/Id.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QToolButton;

namespace confer {

class AccountsPage;
class AgenciesPage;
class AuditTrailPage;
class CaseloadPage;
class DashboardPage;
class DemonstrationBanner;
class MeetingsPage;
class MyActionsPage;
class OverviewPage;
class PanelKindRegistry;
class PanelsPage;
class Session;
struct Caseload;
struct Meetings;

// The unlocked window: a top bar (name, marking, account menu), in a demonstration store a banner
// under it, the section list on the left and the current section on the right. Only sections that exist and
// that the user may see are listed. It lives exactly as long as one unlocked session: MainWindow destroys it
// on lock, and with it the session's caseload services and every page that showed case data.
class Workspace final : public QWidget {
    Q_OBJECT
public:
    // In the order the navigation lists them.
    enum class Section {
        Dashboard,
        Caseload,
        Meetings,
        MyActions,
        Overview,
        Panels,
        Agencies,
        Accounts,
        AuditTrail
    };

    Workspace(Session& session, const PanelKindRegistry& panelKinds, QAction* lockAction,
              QWidget* parent = nullptr);
    ~Workspace() override;

    QList<Section> sections() const { return m_sections; }
    bool hasSection(Section section) const { return m_sections.contains(section); }
    void showSection(Section section);
    Section currentSection() const;
    // Where a person lands on unlock: their caseload, or the overview for an administrator.
    Section landingSection() const;

    // Shows one case in place of the section (CaseView, from ui/casefile) until it is closed.
    void openCase(CaseId caseId);
    void closeCase();
    // Shows a meeting's room (open or closed) or its planner (planned) in place of the section, like a case.
    void openMeetingRoom(MeetingId meetingId);
    void openMeetingPlanner(MeetingId meetingId);
    // The caseload filtered as a dashboard figure asks.
    void showCaseload(const CaseloadQuery::Filter& filter);

    void openSettings();
    void openChangePassphrase();
    // The account menu's "Fill with demonstration data…" (administrators): on a worker, behind a progress
    // dialog with Cancel (DemoFill).
    void fillWithDemonstrationData();
    // Hides every dialog and empties every model: the session is about to be destroyed.
    void shutDown();

    Caseload& caseload() const { return *m_caseload; }
    Meetings& meetings() const { return *m_meetings; }
    QListWidget* navigation() const { return m_navigation; }

signals:
    void autoLockChanged();

private:
    QWidget* makeTopBar();
    void addSection(Section section, const QString& name, QWidget* page);
    void onSectionChosen(int row);
    void onSectionClicked(QListWidgetItem* item);
    // Shows a view (a case, a meeting room, a planner) over the current section until it is closed.
    void showOverSection(QWidget* view);
    QWidget* pageOf(Section section) const;

    Session& m_session;
    const PanelKindRegistry& m_panelKinds;
    // Created on unlock with the workspace, destroyed with it on lock: no service outlives the session.
    std::unique_ptr<Caseload> m_caseload;
    std::unique_ptr<Meetings> m_meetings;
    QAction* m_lockAction;
    QList<Section> m_sections;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    QToolButton* m_accountButton = nullptr;
    DashboardPage* m_dashboard = nullptr;
    CaseloadPage* m_caseloadPage = nullptr;
    MeetingsPage* m_meetingsPage = nullptr;
    MyActionsPage* m_myActions = nullptr;
    OverviewPage* m_overview = nullptr;
    PanelsPage* m_panels = nullptr;
    AgenciesPage* m_agencies = nullptr;
    AccountsPage* m_accounts = nullptr;
    AuditTrailPage* m_auditTrail = nullptr;
    // The one view shown over the section: a case, a meeting room or a planner.
    QPointer<QWidget> m_caseView;
    DemonstrationBanner* m_banner = nullptr;
};

} // namespace confer
