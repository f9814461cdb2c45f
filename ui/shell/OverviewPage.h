#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace confer {

class Session;

// Who is signed in, where the store is, whether it is bound to this computer (with a warning when
// it is not), the auto-lock time, and the audit trail's state with "Verify now".
class OverviewPage final : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(Session& session, QWidget* parent = nullptr);

    void refresh();
    void verifyNow();

signals:
    void settingsRequested();

private:
    QFrame* makeAccountCard();
    QFrame* makeStoreCard();
    QFrame* makeAutoLockCard();
    QFrame* makeAuditCard();

    Session& m_session;
    QLabel* m_unboundWarning;
    QLabel* m_autoLock;
    QLabel* m_eventCount;
    QLabel* m_verification;
    QPushButton* m_verify;
    QPushButton* m_changeAutoLock = nullptr;
};

} // namespace confer
