#include "setup/SetupWizard.h"

#include "session/Session.h"
#include "setup/AdministratorPage.h"
#include "setup/ConfirmRecoveryKeyPage.h"
#include "setup/CreatingStorePage.h"
#include "setup/RecoveryKeyPage.h"
#include "setup/WelcomePage.h"
#include "shell/AppContext.h"
#include "shell/CoreCall.h"

#include <QAbstractButton>
#include <QThread>

#include <utility>

namespace confer {

SetupWizard::SetupWizard(const AppContext& context, QWidget* parent)
    : QWizard(parent)
    , m_context(context)
    , m_opener(context.makeOpener())
    , m_welcomePage(new WelcomePage(context.paths.directory(), this))
    , m_administratorPage(new AdministratorPage(this))
    , m_creatingPage(new CreatingStorePage(this))
    , m_recoveryKeyPage(new RecoveryKeyPage(this))
    , m_confirmPage(new ConfirmRecoveryKeyPage(this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setAccessibleName(tr("Set up Confer"));
    setWindowTitle(tr("Set up Confer"));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoCancelButton | QWizard::NoBackButtonOnStartPage);

    setPage(WelcomeId, m_welcomePage);
    setPage(AdministratorId, m_administratorPage);
    setPage(CreatingId, m_creatingPage);
    setPage(RecoveryKeyId, m_recoveryKeyPage);
    setPage(ConfirmId, m_confirmPage);
    setStartId(WelcomeId);

    // The modern style's title is only bold body text; a larger one reads as a heading.
    setTitleFormat(Qt::RichText);
    const QString titleStyle = QStringLiteral("<span style=\"font-size:%1pt; font-weight:600\">%2</span>");
    for (int id : pageIds()) {
        QWizardPage* wizardPage = page(id);
        wizardPage->setTitle(
            titleStyle.arg(font().pointSizeF() * 1.4).arg(wizardPage->title().toHtmlEscaped()));
    }

    setButtonText(QWizard::NextButton, tr("&Next"));
    setButtonText(QWizard::BackButton, tr("&Back"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    button(QWizard::NextButton)->setAccessibleName(tr("Next"));
    button(QWizard::BackButton)->setAccessibleName(tr("Back"));
    button(QWizard::FinishButton)->setAccessibleName(tr("Finish"));
    // The commit button's text is set per page ("Create store", "Continue"); its name follows it.
    connect(this, &QWizard::currentIdChanged, this, [this] {
        if (QWizardPage* page = currentPage())
            button(QWizard::CommitButton)
                ->setAccessibleName(page->buttonText(QWizard::CommitButton).remove(QLatin1Char('&')));
    });
}

SetupWizard::~SetupWizard()
{
    // The worker writes into this object; let it finish before the members go.
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

QString SetupWizard::storeDirectory() const
{
    return m_context.paths.directory();
}

void SetupWizard::startCreation()
{
    if (m_worker)
        return;
    StoreOpener::SetupRequest request;
    request.adminLogin = m_administratorPage->login();
    request.adminDisplayName = m_administratorPage->displayName();
    request.passphrase = m_administratorPage->passphrase();
    request.bindToDevice = m_administratorPage->isDeviceBindingChosen();
    request.kdf = m_context.fixedKdf;
    m_result.reset();

    // Argon2id tuning and derivation take a second or two: off the GUI thread, so the window stays
    // responsive. The opener touches only the context's device-secret store and clock meanwhile.
    const AppContext& context = m_context;
    m_worker = QThread::create([this, &context, request = std::move(request)] {
        StoreOpener opener = context.makeOpener();
        m_result.emplace(opener.create(request));
    });
    connect(m_worker, &QThread::finished, this, &SetupWizard::onWorkerFinished);
    m_worker->start();
}

void SetupWizard::onWorkerFinished()
{
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;

    Result<StoreOpener::SetupOutcome> result = std::move(*m_result);
    m_result.reset();
    const std::optional<QString> lockReason = std::exchange(m_pendingLockReason, std::nullopt);
    if (!result.ok()) {
        m_administratorPage->showCreationError(result.error().message);
        emit creationFinished(false);
        return;
    }
    m_session = std::move(result->session);
    m_recoveryKey.emplace(std::move(result->recoveryKey));
    m_administratorPage->forgetPassphrase();
    emit creationFinished(true);
    emit sessionStarted();
    if (lockReason)
        lock(*lockReason);
}

void SetupWizard::lock(const QString& reason)
{
    if (isCreating()) {
        m_pendingLockReason = reason;
        return;
    }
    if (!m_session)
        return;
    m_session->lock(reason);
    m_session.reset();
    // The typed-back groups are part of the key too; the page that can show it again is the key page.
    m_confirmPage->forget();
    if (currentId() == ConfirmId)
        back();
    m_recoveryKeyPage->hideKey();
}

Status SetupWizard::unlockAgain(const QString& passphrase)
{
    if (!isLocked())
        return {};
    auto opened = [&] {
        CoreCall call;
        return m_opener.unlock(m_administratorPage->login(), passphrase);
    }();
    if (!opened.ok())
        return opened.error();
    m_session = std::move(opened.value());
    emit sessionStarted();
    return {};
}

std::unique_ptr<Session> SetupWizard::takeSession()
{
    m_recoveryKeyPage->forget();
    m_confirmPage->forget();
    m_recoveryKey.reset();
    return std::move(m_session);
}

} // namespace confer
