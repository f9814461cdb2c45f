#include "unlock/UnlockScreen.h"

#include "session/Session.h"
#include "shell/AppContext.h"
#include "shell/AppStyle.h"
#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/MarkingLabel.h"
#include "shell/Tone.h"
#include "unlock/RecoveryDialog.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int ThrottleTickMs = 250;
}

UnlockScreen::UnlockScreen(const AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_opener(context.makeOpener())
    , m_throttle(context.clock)
    , m_login(FormFields::comboBox(QStringLiteral("unlockLogin"), tr("User"), this))
    , m_passphrase(FormFields::lineEdit(QStringLiteral("unlockPassphrase"), tr("Passphrase"),
                                        FormFields::NoMaximum, this))
    , m_unlock(FormFields::button(tr("&Unlock"), QStringLiteral("unlockButton"), tr("Unlock"), this))
    , m_recovery(FormFields::button(tr("Use &recovery key\u2026"), QStringLiteral("recoveryButton"),
                                    tr("Use recovery key"), this))
    , m_error(new ErrorLine(QStringLiteral("unlockError"), this))
    , m_wait(new QLabel(this))
    , m_storeLocation(new QLabel(this))
{
    setObjectName(QStringLiteral("unlockScreen"));
    setAccessibleName(tr("Unlock Confer"));
    setAttribute(Qt::WA_StyledBackground, true);

    m_passphrase->setEchoMode(QLineEdit::Password);
    AppStyle::setLook(m_unlock, AppStyle::Look::PrimaryButton);
    AppStyle::setLook(m_recovery, AppStyle::Look::LinkButton);
    m_unlock->setDefault(true);
    m_unlock->setAutoDefault(true);
    m_recovery->setCursor(Qt::PointingHandCursor);
    m_recovery->setFlat(true);
    m_error->setAccessibleName(tr("Unlock error"));
    m_wait->setObjectName(QStringLiteral("unlockWait"));
    m_wait->setAccessibleName(tr("Waiting time"));
    m_wait->setVisible(false);
    applyTone(m_wait, Tone::Warning);
    m_storeLocation->setObjectName(QStringLiteral("unlockStoreLocation"));
    m_storeLocation->setAlignment(Qt::AlignCenter);
    m_storeLocation->setText(tr("Store: %1").arg(QDir::toNativeSeparators(context.paths.directory())));
    m_storeLocation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyTone(m_storeLocation, Tone::Muted);

    auto* layout = new QGridLayout(this);
    layout->setRowStretch(0, 2);
    layout->setRowStretch(3, 3);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->addWidget(makeCard(), 1, 1);
    layout->addWidget(m_storeLocation, 2, 1);

    m_throttleTimer.setInterval(ThrottleTickMs);
    connect(&m_throttleTimer, &QTimer::timeout, this, &UnlockScreen::recheckThrottle);
    connect(m_unlock, &QPushButton::clicked, this, &UnlockScreen::attemptUnlock);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockScreen::attemptUnlock);
    connect(m_recovery, &QPushButton::clicked, this, &UnlockScreen::openRecovery);
    setTabOrder(m_login, m_passphrase);
    setTabOrder(m_passphrase, m_unlock);
    setTabOrder(m_unlock, m_recovery);
}

QFrame* UnlockScreen::makeCard()
{
    auto* card = new QFrame(this);
    AppStyle::setLook(card, AppStyle::Look::Card);
    card->setFrameShape(QFrame::StyledPanel);
    card->setFixedWidth(440);

    auto* title = new QLabel(tr("Confer"), card);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    auto* tagline = new QLabel(tr("Multi-agency case conferences"), card);
    tagline->setAlignment(Qt::AlignCenter);
    applyTone(tagline, Tone::Muted);
    auto* locked = new QLabel(tr("Confer is locked. Sign in to continue."), card);
    locked->setAlignment(Qt::AlignCenter);

    QFormLayout* form = FormFields::form();
    form->setLabelAlignment(Qt::AlignLeft);
    form->setVerticalSpacing(10);
    FormFields::addRow(form, tr("U&ser:"), m_login);
    FormFields::addRow(form, tr("&Passphrase:"), m_passphrase);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(36, 28, 36, 24);
    cardLayout->setSpacing(8);
    cardLayout->addWidget(title);
    cardLayout->addWidget(tagline);
    cardLayout->addSpacing(4);
    cardLayout->addWidget(new MarkingLabel(card), 0, Qt::AlignHCenter);
    cardLayout->addSpacing(16);
    cardLayout->addWidget(locked);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_error);
    cardLayout->addWidget(m_wait);
    cardLayout->addSpacing(8);
    cardLayout->addWidget(m_unlock);
    cardLayout->addSpacing(4);
    cardLayout->addWidget(m_recovery, 0, Qt::AlignHCenter);
    // The controls were made with the screen as parent: they move into the card with the layout.
    return card;
}

void UnlockScreen::reset()
{
    const QString previous = m_login->currentText();
    m_login->clear();
    m_login->addItems(m_opener.logins());
    if (const int index = m_login->findText(previous); index >= 0)
        m_login->setCurrentIndex(index);
    m_passphrase->clear();
    m_error->clear();
    m_error->setVisible(false);
    if (m_login->count() == 0)
        m_error->showMessage(tr("No accounts could be read from this store's key file. Use the recovery "
                                "key, or ask whoever looks after this computer."));
    updateFormState();
    m_passphrase->setFocus();
}

std::unique_ptr<Session> UnlockScreen::takeSession()
{
    return std::move(m_session);
}

void UnlockScreen::attemptUnlock()
{
    if (m_isUnlocking || m_throttle.isWaiting() || m_login->count() == 0)
        return;
    const QString login = m_login->currentText();
    const QString passphrase = m_passphrase->text();
    m_passphrase->clear();

    m_isUnlocking = true;
    updateFormState();
    auto opened = [&] {
        CoreCall call;
        return m_opener.unlock(login, passphrase);
    }();
    m_isUnlocking = false;

    if (!opened.ok()) {
        showFailure(opened.error());
        updateFormState();
        return;
    }
    m_throttle.recordSuccess();
    acceptSession(std::move(opened.value()));
}

void UnlockScreen::acceptSession(std::unique_ptr<Session> session)
{
    m_error->setVisible(false);
    m_wait->setVisible(false);
    m_session = std::move(session);
    updateFormState();
    emit unlocked();
}

void UnlockScreen::showFailure(const Error& error)
{
    // Core's message is shown as it comes: it already gives a wrong passphrase, an unknown login and a
    // file that is not a store one identical sentence, so the screen never tells a guesser which it was.
    m_error->setText(error.message);
    switch (error.code) {
    case ErrorCode::WrongCredentials:
        // Only a guess at the passphrase costs time.
        m_throttle.recordFailure();
        m_passphrase->setFocus();
        break;
    case ErrorCode::DeviceSecretMissing:
    case ErrorCode::KeychainUnavailable:
        // Not a guess, so no penalty; the way out is the recovery key.
        m_error->setText(tr("%1 If this computer's keychain was reset, or the store was moved here, "
                            "use the recovery key.")
                             .arg(error.message));
        m_recovery->setFocus();
        break;
    default:
        // A damaged store, a broken audit trail, another Confer window, an account that needs an
        // administrator: not a guess either, and retrying faster would not help, so no penalty.
        m_passphrase->setFocus();
        break;
    }
    m_error->setVisible(true);
}

void UnlockScreen::recheckThrottle()
{
    updateFormState();
}

void UnlockScreen::updateFormState()
{
    const qint64 remainingMs = m_throttle.remainingMs();
    const bool isWaiting = remainingMs > 0;
    if (isWaiting) {
        const qint64 seconds = (remainingMs + 999) / 1000;
        m_wait->setText(tr("Too many attempts. Try again in %n s.", nullptr, int(seconds)));
        if (!m_throttleTimer.isActive())
            m_throttleTimer.start();
    } else if (m_throttleTimer.isActive()) {
        m_throttleTimer.stop();
    }
    const bool wasWaiting = m_wait->isVisible();
    m_wait->setVisible(isWaiting);

    const bool canEdit = !isWaiting && !m_isUnlocking;
    m_login->setEnabled(canEdit);
    m_passphrase->setEnabled(canEdit);
    m_unlock->setEnabled(canEdit && m_login->count() > 0);
    if (wasWaiting && !isWaiting)
        m_passphrase->setFocus();
}

void UnlockScreen::openRecovery()
{
    auto* dialog = new RecoveryDialog(m_opener, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_login->count() > 0)
        dialog->selectLogin(m_login->currentText());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { acceptSession(dialog->takeSession()); });
    dialog->open();
}

} // namespace confer
