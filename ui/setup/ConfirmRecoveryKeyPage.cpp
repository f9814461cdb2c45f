#include "setup/ConfirmRecoveryKeyPage.h"

#include "crypto/RecoveryKey.h"
#include "setup/SetupWizard.h"
#include "shell/Tone.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace confer {

namespace {

// The same forgiveness RecoveryKey::parse shows: any case, stray spaces or dashes, and the Crockford
// look-alikes O for 0 and I or L for 1.
QString normalisedGroup(QString text)
{
    text = text.toUpper();
    text.remove(QLatin1Char(' '));
    text.remove(QLatin1Char('-'));
    text.replace(QLatin1Char('O'), QLatin1Char('0'));
    text.replace(QLatin1Char('I'), QLatin1Char('1'));
    text.replace(QLatin1Char('L'), QLatin1Char('1'));
    return text;
}

} // namespace

ConfirmRecoveryKeyPage::ConfirmRecoveryKeyPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_askedGroups(RecoveryKey::confirmationGroups())
{
    setObjectName(QStringLiteral("confirmRecoveryKeyPage"));
    setTitle(tr("Confirm the recovery key"));
    setSubTitle(tr("To show that the key is written down, type two of its groups from what you wrote."));

    auto* explanation = new QLabel(
        tr("Each group is the four characters under its number. Letters may be typed in either case."), this);
    explanation->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.4);
    for (int group : m_askedGroups) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("confirmGroup%1").arg(group));
        edit->setAccessibleName(tr("Group %1 of the recovery key").arg(group));
        edit->setFont(mono);
        edit->setMaxLength(9);
        edit->setFixedWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("WWWWWW")) + 16);
        auto* mark = new QLabel(this);
        auto* row = new QHBoxLayout;
        row->addWidget(edit);
        row->addWidget(mark, 1);
        auto* label = new QLabel(tr("Group &%1:").arg(group), this);
        label->setBuddy(edit);
        form->addRow(label, row);
        m_edits << edit;
        m_marks << mark;
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateFeedback();
            emit completeChanged();
        });
    }

    auto* back = new QLabel(tr("Cannot read a group in what you wrote? Choose Back to see the key again, "
                               "and correct your copy."),
                            this);
    back->setWordWrap(true);
    applyTone(back, Tone::Muted);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(back);
}

void ConfirmRecoveryKeyPage::initializePage()
{
    for (QLineEdit* edit : m_edits)
        edit->clear();
    updateFeedback();
    if (!m_edits.isEmpty())
        m_edits.first()->setFocus();
}

bool ConfirmRecoveryKeyPage::matches(int index) const
{
    const RecoveryKey* key = m_wizard->recoveryKey();
    if (!key)
        return false;
    const QString typed = normalisedGroup(m_edits[index]->text());
    return !typed.isEmpty() && typed == normalisedGroup(key->group(m_askedGroups[index]));
}

bool ConfirmRecoveryKeyPage::isComplete() const
{
    // A locked wizard has no session to hand over.
    if (m_wizard->isLocked())
        return false;
    for (int i = 0; i < m_edits.size(); ++i) {
        if (!matches(i))
            return false;
    }
    return !m_edits.isEmpty();
}

void ConfirmRecoveryKeyPage::updateFeedback()
{
    for (int i = 0; i < m_edits.size(); ++i) {
        QLabel* mark = m_marks[i];
        const QString typed = normalisedGroup(m_edits[i]->text());
        if (typed.isEmpty()) {
            mark->clear();
        } else if (matches(i)) {
            mark->setText(tr("\u2713 Matches"));
            applyTone(mark, Tone::Good);
        } else if (typed.size() >= 4) {
            mark->setText(tr("Does not match group %1").arg(m_askedGroups[i]));
            applyTone(mark, Tone::Bad);
        } else {
            mark->clear();
        }
    }
}

void ConfirmRecoveryKeyPage::forget()
{
    for (QLineEdit* edit : m_edits)
        edit->clear();
}

} // namespace confer
