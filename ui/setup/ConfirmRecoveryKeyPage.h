#pragma once

#include <QList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace confer {

class SetupWizard;

// Asks for two groups of the recovery key (RecoveryKey::confirmationGroups) to prove it was written
// down; Finish is enabled only when both match.
class ConfirmRecoveryKeyPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ConfirmRecoveryKeyPage(SetupWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    void forget();

    QList<int> askedGroups() const { return m_askedGroups; }
    QLineEdit* groupEdit(int index) const { return m_edits.value(index); }

private:
    bool matches(int index) const;
    void updateFeedback();

    SetupWizard* m_wizard;
    QList<int> m_askedGroups;
    QList<QLineEdit*> m_edits;
    QList<QLabel*> m_marks;
};

} // namespace confer
