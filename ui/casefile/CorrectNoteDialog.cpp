#include "casefile/CorrectNoteDialog.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

CorrectNoteDialog::CorrectNoteDialog(Caseload& caseload, const Note& note, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_note(note)
    , m_text(new QPlainTextEdit(this))
    , m_reason(new QLineEdit(this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("correctNoteError"), this))
{
    setWindowTitle(tr("Correct note"));
    setAccessibleName(tr("Correct note"));
    setMinimumWidth(580);

    auto* intro = CasefileLook::mutedLabel(
        tr("Version %1, by %2 (%3), %4. The correction becomes version %5; this version is kept and "
           "stays in the note's history.")
            .arg(note.version)
            .arg(note.authorName, note.agencyName, CaseText::dateTime(note.atUtc))
            .arg(note.version + 1),
        this);
    intro->setTextFormat(Qt::PlainText);

    m_text->setObjectName(QStringLiteral("correctNoteText"));
    m_text->setAccessibleName(tr("Corrected note"));
    m_text->setPlainText(note.body);
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 7 + 14);
    m_reason->setObjectName(QStringLiteral("correctNoteReason"));
    m_reason->setAccessibleName(tr("Reason for the correction"));
    m_reason->setPlaceholderText(tr("e.g. wrong date given at the meeting"));
    m_reason->setMaxLength(500);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* textLabel = new QLabel(tr("&Note:"), this);
    textLabel->setBuddy(m_text);
    textLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(textLabel, m_text);
    auto* reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, m_reason);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Save &correction"));
    m_ok->setAccessibleName(tr("Save correction"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &CorrectNoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CorrectNoteDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CorrectNoteDialog::updateOkButton);
    connect(m_reason, &QLineEdit::textChanged, this, &CorrectNoteDialog::updateOkButton);
    updateOkButton();
    m_text->setFocus();
}

QString CorrectNoteDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void CorrectNoteDialog::updateOkButton()
{
    const QString text = m_text->toPlainText().trimmed();
    m_ok->setEnabled(!text.isEmpty() && text != m_note.body.trimmed() &&
                     !m_reason->text().trimmed().isEmpty());
}

void CorrectNoteDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    auto corrected = [&] {
        CoreCall call;
        return m_caseload.notes.correct(m_note.id, m_text->toPlainText().trimmed(),
                                        m_reason->text().trimmed());
    }();
    if (!corrected.ok()) {
        m_error->setText(corrected.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
