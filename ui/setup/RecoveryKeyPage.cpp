#include "setup/RecoveryKeyPage.h"

#include "crypto/RecoveryKey.h"
#include "setup/SetupWizard.h"
#include "shell/AppContext.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/Tone.h"

#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int GroupsPerRow = 7;
}

RecoveryKeyPage::RecoveryKeyPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_throttle(wizard->context().clock)
    , m_keyFrame(new QFrame(this))
    , m_hiddenPanel(new QWidget(this))
    , m_passphrase(FormFields::lineEdit(QStringLiteral("recoveryKeyPassphrase"),
                                        tr("Administrator's passphrase"), FormFields::NoMaximum,
                                        m_hiddenPanel))
    , m_showAgain(FormFields::button(tr("&Show the key again"), QStringLiteral("showRecoveryKeyAgain"),
                                     tr("Show the key again"), m_hiddenPanel))
    , m_hiddenError(new ErrorLine(QStringLiteral("recoveryKeyHiddenError"), m_hiddenPanel))
{
    setObjectName(QStringLiteral("recoveryKeyPage"));
    setTitle(tr("Your recovery key"));
    setSubTitle(tr("This is the only time Confer shows it. Write it down now, by hand."));
    makeKeyFrame();

    auto* keep = new QLabel(
        tr("<p>With the recovery key, the store can be opened on another computer, or here if the "
           "keychain is lost or every administrator's passphrase is forgotten. Without it, the data "
           "cannot be recovered.</p>"
           "<p><b>Keep it offline:</b> write it on paper, seal it in an envelope and keep it in a locked "
           "safe. Do not copy it, email it, photograph it or save it in a file. Anyone who has it and a "
           "copy of the store can read everything in it.</p>"),
        this);
    keep->setWordWrap(true);
    keep->setTextFormat(Qt::RichText);

    // Shown instead of the key after a lock.
    m_hiddenPanel->setObjectName(QStringLiteral("recoveryKeyHidden"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    auto* passphraseLabel = new QLabel(tr("&Passphrase:"), m_hiddenPanel);
    passphraseLabel->setBuddy(m_passphrase);
    auto* passphraseRow = new QHBoxLayout;
    passphraseRow->addWidget(passphraseLabel);
    passphraseRow->addWidget(m_passphrase, 1);
    passphraseRow->addWidget(m_showAgain);
    auto* hiddenLayout = new QVBoxLayout(m_hiddenPanel);
    hiddenLayout->setContentsMargins(0, 0, 0, 0);
    hiddenLayout->addWidget(FormFields::text(tr("The key is hidden because Confer was locked. Type the "
                                                "administrator's passphrase to show it again."),
                                             Tone::Normal, m_hiddenPanel));
    hiddenLayout->addLayout(passphraseRow);
    hiddenLayout->addWidget(m_hiddenError);
    m_hiddenPanel->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_keyFrame, 0, Qt::AlignHCenter);
    layout->addWidget(m_hiddenPanel);
    layout->addWidget(keep);
    layout->addStretch(1);

    connect(m_showAgain, &QPushButton::clicked, this, &RecoveryKeyPage::showKeyAgain);
    m_passphrase->installEventFilter(this);
}

void RecoveryKeyPage::makeKeyFrame()
{
    m_keyFrame->setObjectName(QStringLiteral("recoveryKeyFrame"));
    m_keyFrame->setFrameShape(QFrame::StyledPanel);
    m_keyFrame->setAccessibleName(tr("Recovery key"));
    auto* grid = new QGridLayout(m_keyFrame);
    grid->setContentsMargins(20, 14, 20, 14);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(2);

    QFont keyFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    keyFont.setPointSizeF(font().pointSizeF() * 1.7);
    keyFont.setBold(true);
    QFont numberFont = font();
    numberFont.setPointSizeF(font().pointSizeF() * 0.85);
    for (int i = 0; i < RecoveryKey::GroupCount; ++i) {
        const int row = (i / GroupsPerRow) * 2;
        const int column = i % GroupsPerRow;
        auto* number = new QLabel(QString::number(i + 1), m_keyFrame);
        number->setFont(numberFont);
        number->setAlignment(Qt::AlignCenter);
        applyTone(number, Tone::Muted);
        auto* group = new QLabel(m_keyFrame);
        group->setObjectName(QStringLiteral("recoveryGroup%1").arg(i + 1));
        group->setFont(keyFont);
        group->setAlignment(Qt::AlignCenter);
        group->setAccessibleName(tr("Group %1").arg(i + 1));
        // Not selectable: a selection could be copied, and the clipboard is where the key must not go.
        group->setTextInteractionFlags(Qt::NoTextInteraction);
        grid->addWidget(number, row, column);
        grid->addWidget(group, row + 1, column);
        m_groups << group;
    }
    grid->setRowMinimumHeight(2, 8);
}

void RecoveryKeyPage::initializePage()
{
    if (m_wizard->isLocked())
        hideKey();
    else
        showKey();
}

bool RecoveryKeyPage::isComplete() const
{
    return !isKeyHidden();
}

QString RecoveryKeyPage::displayedKey() const
{
    QStringList groups;
    for (const QLabel* group : m_groups)
        groups << group->text();
    return groups.join(QLatin1Char('-'));
}

QString RecoveryKeyPage::displayedGroup(int oneBasedIndex) const
{
    if (oneBasedIndex < 1 || oneBasedIndex > m_groups.size())
        return {};
    return m_groups[oneBasedIndex - 1]->text();
}

void RecoveryKeyPage::forget()
{
    for (QLabel* group : m_groups)
        group->clear();
    m_passphrase->clear();
}

bool RecoveryKeyPage::isKeyHidden() const
{
    return m_keyFrame->isHidden();
}

void RecoveryKeyPage::hideKey()
{
    forget();
    m_keyFrame->setVisible(false);
    m_hiddenError->setVisible(false);
    m_hiddenPanel->setVisible(true);
    m_passphrase->setFocus();
    emit completeChanged();
}

void RecoveryKeyPage::showKey()
{
    const RecoveryKey* key = m_wizard->recoveryKey();
    for (int i = 0; i < m_groups.size(); ++i)
        m_groups[i]->setText(key ? key->group(i + 1) : QString());
    m_passphrase->clear();
    m_hiddenPanel->setVisible(false);
    m_keyFrame->setVisible(true);
    emit completeChanged();
}

bool RecoveryKeyPage::eventFilter(QObject* watched, QEvent* event)
{
    // Return in the passphrase shows the key. It must stop there: passed on, the wizard would take it
    // for Next and leave the page the moment the key is back.
    if (watched == m_passphrase && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            showKeyAgain();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void RecoveryKeyPage::showKeyAgain()
{
    if (!isKeyHidden())
        return;
    const QString passphrase = m_passphrase->text();
    m_passphrase->clear();
    // The same brake as the unlock screen: this field is a way into the store too.
    if (const qint64 remainingMs = m_throttle.remainingMs(); remainingMs > 0) {
        m_hiddenError->showMessage(
            tr("Too many attempts. Try again in %n s.", nullptr, int((remainingMs + 999) / 1000)));
        return;
    }
    const Status signedIn = m_wizard->unlockAgain(passphrase);
    if (!signedIn.ok()) {
        if (signedIn.error().code == ErrorCode::WrongCredentials)
            m_throttle.recordFailure();
        m_hiddenError->showStatus(signedIn);
        m_passphrase->setFocus();
        return;
    }
    m_throttle.recordSuccess();
    showKey();
}

} // namespace confer
