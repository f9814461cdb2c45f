#pragma once

#include <QList>
#include <QWizardPage>

class QLabel;
class QPushButton;

namespace confer {

class SetupWizard;

// Shows the recovery key once, in numbered groups of four, with how to keep it. "Copy" goes through
// the ClipboardGuard, which takes it back from the clipboard after 30 seconds.
class RecoveryKeyPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit RecoveryKeyPage(SetupWizard* wizard);

    void initializePage() override;
    // The key exactly as the page shows it, groups joined by '-'.
    QString displayedKey() const;
    QString displayedGroup(int oneBasedIndex) const;
    void forget();

    QPushButton* copyButton() const { return m_copy; }

private:
    void copyKey();

    SetupWizard* m_wizard;
    QList<QLabel*> m_groups;
    QPushButton* m_copy;
    QLabel* m_copyStatus;
};

} // namespace confer
