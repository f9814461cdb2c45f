#include "setup/CreatingStorePage.h"

#include "setup/SetupWizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace confer {

CreatingStorePage::CreatingStorePage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Creating the store"));
    setSubTitle(tr("Confer is creating the encrypted store and the administrator's key."));
    // The recovery key page that follows must not lead back here: that would create a second store.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Continue"));

    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Creating the store"));
    m_busy->setMaximumWidth(420);

    m_status->setObjectName(QStringLiteral("creationStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Measuring how much work this computer can make each passphrase guess cost, then "
                         "sealing the store key. This takes a few seconds."));

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(m_status);
    layout->addStretch(2);

    connect(wizard, &SetupWizard::creationFinished, this, &CreatingStorePage::onCreationFinished);
}

void CreatingStorePage::initializePage()
{
    m_isCreated = false;
    emit completeChanged();
    m_wizard->startCreation();
}

bool CreatingStorePage::isComplete() const
{
    return m_isCreated;
}

void CreatingStorePage::onCreationFinished(bool isCreated)
{
    m_isCreated = isCreated;
    emit completeChanged();
    if (isCreated)
        m_wizard->next();
    else
        m_wizard->back();
}

} // namespace confer
