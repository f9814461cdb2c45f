#include "accounts/PassphraseEntry.h"

#include "accounts/PassphrasePolicy.h"
#include "shell/Tone.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace confer {

PassphraseEntry::PassphraseEntry(QFormLayout* form, QWidget* owner, const QString& passphraseLabel)
    : QObject(owner)
    , m_passphrase(new QLineEdit(owner))
    , m_confirmation(new QLineEdit(owner))
    , m_feedback(new QLabel(owner))
{
    m_passphrase->setObjectName(QStringLiteral("newPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(QString(passphraseLabel).remove(QLatin1Char('&')));
    m_passphrase->setMaxLength(PassphrasePolicy::MaximumLength);

    m_confirmation->setObjectName(QStringLiteral("confirmPassphrase"));
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_confirmation->setAccessibleName(tr("Confirm passphrase"));
    m_confirmation->setMaxLength(PassphrasePolicy::MaximumLength);

    m_feedback->setObjectName(QStringLiteral("passphraseFeedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setAccessibleName(tr("Passphrase feedback"));
    m_feedback->setMinimumHeight(m_feedback->fontMetrics().lineSpacing() * 2);
    m_feedback->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* passphraseRowLabel = new QLabel(passphraseLabel + QLatin1Char(':'), owner);
    passphraseRowLabel->setBuddy(m_passphrase);
    auto* confirmationRowLabel = new QLabel(tr("Con&firm passphrase:"), owner);
    confirmationRowLabel->setBuddy(m_confirmation);
    form->addRow(passphraseRowLabel, m_passphrase);
    form->addRow(confirmationRowLabel, m_confirmation);
    form->addRow(QString(), m_feedback);

    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseEntry::update);
    connect(m_confirmation, &QLineEdit::textChanged, this, &PassphraseEntry::update);
    update();
}

QString PassphraseEntry::passphrase() const
{
    return m_passphrase->text();
}

void PassphraseEntry::setLogin(const QString& login)
{
    m_login = login;
    update();
}

bool PassphraseEntry::isAcceptable() const
{
    return m_isAcceptable;
}

void PassphraseEntry::clear()
{
    m_passphrase->clear();
    m_confirmation->clear();
}

void PassphraseEntry::update()
{
    const QString passphrase = m_passphrase->text();
    const QString confirmation = m_confirmation->text();
    m_isAcceptable = false;
    if (passphrase.isEmpty()) {
        m_feedback->setText(tr("At least %1 characters. A few unrelated words are easy to remember and "
                               "hard to guess.")
                                .arg(PassphrasePolicy::MinimumLength));
        applyTone(m_feedback, Tone::Muted);
    } else if (const Status policy = PassphrasePolicy::check(passphrase, m_login); !policy.ok()) {
        m_feedback->setText(policy.error().message);
        applyTone(m_feedback, Tone::Warning);
    } else if (confirmation.isEmpty()) {
        m_feedback->setText(tr("\u2713 This passphrase is acceptable. Type it again to confirm it."));
        applyTone(m_feedback, Tone::Good);
    } else if (confirmation == passphrase) {
        m_isAcceptable = true;
        m_feedback->setText(tr("\u2713 The passphrases match."));
        applyTone(m_feedback, Tone::Good);
    } else if (passphrase.startsWith(confirmation)) {
        // Still typing the confirmation: no complaint yet.
        m_feedback->setText(tr("\u2713 This passphrase is acceptable. Type it again to confirm it."));
        applyTone(m_feedback, Tone::Good);
    } else {
        m_feedback->setText(tr("The two passphrases do not match."));
        applyTone(m_feedback, Tone::Bad);
    }
    emit changed();
}

} // namespace confer
