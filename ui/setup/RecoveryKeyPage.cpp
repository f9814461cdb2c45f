#include "setup/RecoveryKeyPage.h"

#include "crypto/RecoveryKey.h"
#include "platform/ClipboardGuard.h"
#include "setup/SetupWizard.h"
#include "shell/Tone.h"

#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

namespace {
constexpr int GroupsPerRow = 7;
}

RecoveryKeyPage::RecoveryKeyPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_copyStatus(new QLabel(this))
{
    setTitle(tr("Your recovery key"));
    setSubTitle(tr("This is the only time Confer shows it. Write it down now."));

    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("recoveryKeyFrame"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAccessibleName(tr("Recovery key"));
    auto* grid = new QGridLayout(frame);
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
        auto* number = new QLabel(QString::number(i + 1), frame);
        number->setFont(numberFont);
        number->setAlignment(Qt::AlignCenter);
        applyTone(number, Tone::Muted);
        auto* group = new QLabel(frame);
        group->setObjectName(QStringLiteral("recoveryGroup%1").arg(i + 1));
        group->setFont(keyFont);
        group->setAlignment(Qt::AlignCenter);
        group->setAccessibleName(tr("Group %1").arg(i + 1));
        grid->addWidget(number, row, column);
        grid->addWidget(group, row + 1, column);
        m_groups << group;
    }
    grid->setRowMinimumHeight(2, 8);

    auto* keep = new QLabel(
        tr("<p>With the recovery key, the store can be opened on another computer, or here if the "
           "keychain is lost or every administrator's passphrase is forgotten. Without it, the data "
           "cannot be recovered.</p>"
           "<p><b>Keep it offline:</b> write it on paper, seal it in an envelope and keep it in a locked "
           "safe. Do not email it, photograph it or save it in a file. Anyone who has it and a copy of "
           "the store can read everything in it.</p>"),
        this);
    keep->setWordWrap(true);
    keep->setTextFormat(Qt::RichText);

    m_copy->setObjectName(QStringLiteral("copyRecoveryKey"));
    m_copy->setAccessibleName(tr("Copy the recovery key"));
    m_copy->setToolTip(tr("Copies the key for 30 seconds, for pasting into a printed form; the clipboard "
                          "is then cleared."));
    m_copyStatus->setObjectName(QStringLiteral("copyStatus"));
    applyTone(m_copyStatus, Tone::Muted);

    auto* copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copy);
    copyRow->addWidget(m_copyStatus, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(frame, 0, Qt::AlignHCenter);
    layout->addLayout(copyRow);
    layout->addWidget(keep);
    layout->addStretch(1);

    connect(m_copy, &QPushButton::clicked, this, &RecoveryKeyPage::copyKey);
}

void RecoveryKeyPage::initializePage()
{
    const RecoveryKey* key = m_wizard->recoveryKey();
    for (int i = 0; i < m_groups.size(); ++i)
        m_groups[i]->setText(key ? key->group(i + 1) : QString());
    m_copyStatus->clear();
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
}

void RecoveryKeyPage::copyKey()
{
    const RecoveryKey* key = m_wizard->recoveryKey();
    if (!key)
        return;
    m_wizard->clipboard().copy(key->displayText());
    m_copyStatus->setText(tr("Copied. Confer clears the clipboard in 30 seconds."));
}

} // namespace confer
