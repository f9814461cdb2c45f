#pragma once

#include "session/UnlockThrottle.h"

#include <QList>
#include <QWizardPage>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace confer {

class ErrorLine;
class SetupWizard;

// Shows the recovery key once, in numbered groups of four, with how to keep it. There is no Copy:
// clipboard managers keep their history on disk, outside the store, so the key is written down.
// After a lock (SetupWizard::lock) the groups are hidden until the administrator's passphrase is
// typed again.
class RecoveryKeyPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit RecoveryKeyPage(SetupWizard* wizard);

    void initializePage() override;
    // Next only while the key is shown: a locked wizard must not be walked past its key.
    bool isComplete() const override;
    // The key exactly as the page shows it, groups joined by '-'.
    QString displayedKey() const;
    QString displayedGroup(int oneBasedIndex) const;
    void forget();
    // Empties the groups and asks for the administrator's passphrase instead.
    void hideKey();
    bool isKeyHidden() const;
    // Signs the administrator in again with the typed passphrase and, if that works, shows the key.
    void showKeyAgain();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void makeKeyFrame();
    void showKey();

    SetupWizard* m_wizard;
    UnlockThrottle m_throttle;
    QFrame* m_keyFrame;
    QList<QLabel*> m_groups;
    QWidget* m_hiddenPanel;
    QLineEdit* m_passphrase;
    QPushButton* m_showAgain;
    ErrorLine* m_hiddenError;
};

} // namespace confer
