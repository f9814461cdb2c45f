#include "casefile/CorrectNoteDialog.h"

#include "casefile/CaseText.h"
#include "caseload/Caseload.h"
#include "shell/FormFields.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace confer {

CorrectNoteDialog::CorrectNoteDialog(Caseload& caseload, const Note& note, QWidget* parent)
    : FormDialog(tr("Correct note"), QStringLiteral("correctNoteError"), parent)
    , m_caseload(caseload)
    , m_note(note)
    , m_text(FormFields::textEdit(QStringLiteral("correctNoteText"), tr("Corrected note"), 7, this,
                                  FormFields::Height::AtLeast))
    , m_reason(FormFields::lineEdit(QStringLiteral("correctNoteReason"), tr("Reason for the correction"), 500,
                                    this))
{
    setMinimumWidth(580);
    addText(tr("Version %1, by %2 (%3), %4. The correction becomes version %5; this version is kept and "
               "stays in the note's history.")
                .arg(note.version)
                .arg(note.authorName, note.agencyName, CaseText::dateTime(note.atUtc))
                .arg(note.version + 1),
            Tone::Muted);
    m_text->setPlainText(note.body);
    m_reason->setPlaceholderText(tr("e.g. wrong date given at the meeting"));

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Note:"), m_text);
    FormFields::addRow(form, tr("&Reason:"), m_reason);
    setOkText(tr("Save &correction"), tr("Save correction"));

    updateOkButtonOn({m_text, m_reason});
    m_text->setFocus();
}

bool CorrectNoteDialog::isComplete() const
{
    const QString text = m_text->toPlainText().trimmed();
    return !text.isEmpty() && text != m_note.body.trimmed() && !m_reason->text().trimmed().isEmpty();
}

Status CorrectNoteDialog::submit()
{
    return m_caseload.notes.correct(m_note.id, m_text->toPlainText().trimmed(), m_reason->text().trimmed());
}

} // namespace confer
