#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace confer {

class SetupWizard;

// Runs the store creation (a second or two of Argon2id) with a busy indicator, then moves on by
// itself; on failure it goes back to the administrator page, which shows why.
class CreatingStorePage final : public QWizardPage {
    Q_OBJECT
public:
    explicit CreatingStorePage(SetupWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void onCreationFinished(bool isCreated);

    SetupWizard* m_wizard;
    QProgressBar* m_busy;
    QLabel* m_status;
    bool m_isCreated = false;
};

} // namespace confer
