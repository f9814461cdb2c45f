#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QListWidget;
class QStackedWidget;
class QToolButton;

namespace confer {

class AccountsPage;
class AuditTrailPage;
class OverviewPage;
class Session;

// The unlocked window: a top bar (name, marking, account menu), the section list on the left and
// the current section on the right. Only sections that exist and that the user may see are listed.
// It lives exactly as long as one unlocked session: MainWindow destroys it on lock.
class Workspace final : public QWidget {
    Q_OBJECT
public:
    enum class Section { Overview, Accounts, AuditTrail };

    Workspace(Session& session, QAction* lockAction, QWidget* parent = nullptr);

    QList<Section> sections() const { return m_sections; }
    bool hasSection(Section section) const { return m_sections.contains(section); }
    void showSection(Section section);
    Section currentSection() const;

    void openSettings();
    void openChangePassphrase();
    // Hides every dialog and empties every model: the session is about to be destroyed.
    void shutDown();

    QListWidget* navigation() const { return m_navigation; }
    QToolButton* accountButton() const { return m_accountButton; }
    OverviewPage* overviewPage() const { return m_overview; }
    AccountsPage* accountsPage() const { return m_accounts; }
    AuditTrailPage* auditTrailPage() const { return m_auditTrail; }

signals:
    void autoLockChanged();

private:
    QWidget* makeTopBar();
    void addSection(Section section, const QString& name, QWidget* page);
    void onSectionChosen(int row);

    Session& m_session;
    QAction* m_lockAction;
    QList<Section> m_sections;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    QToolButton* m_accountButton = nullptr;
    OverviewPage* m_overview = nullptr;
    AccountsPage* m_accounts = nullptr;
    AuditTrailPage* m_auditTrail = nullptr;
};

} // namespace confer
