#include "casefile/NoteCard.h"

#include "casefile/CaseBadge.h"
#include "casefile/CaseText.h"
#include "shell/AppStyle.h"
#include "shell/Tone.h"

#include <QAbstractButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace confer {

NoteCard::NoteCard(const Note& note, QWidget* parent)
    : QFrame(parent)
    , m_note(note)
    , m_body(new QLabel(note.body, this))
    , m_buttons(new QHBoxLayout)
{
    AppStyle::setLook(this, AppStyle::Look::InfoCard);
    setFrameShape(QFrame::StyledPanel);
    const QString kind = note.isOpinion ? tr("OPINION") : tr("FACT");
    setAccessibleName(tr("%1 note by %2, %3, %4")
                          .arg(kind, note.authorName, note.agencyName, CaseText::dateTime(note.atUtc)));

    auto* who = new QLabel(this);
    who->setTextFormat(Qt::PlainText);
    who->setText(tr("%1 \u00b7 %2").arg(note.agencyName, note.authorName));
    QFont bold = who->font();
    bold.setWeight(QFont::DemiBold);
    who->setFont(bold);
    auto* when = new QLabel(CaseText::dateTime(note.atUtc), this);
    applyTone(when, Tone::Muted);

    auto* head = new QHBoxLayout;
    head->setSpacing(10);
    head->addWidget(who);
    head->addWidget(when);
    if (note.version > 1) {
        auto* version = new QLabel(tr("version %1").arg(note.version), this);
        applyTone(version, Tone::Muted);
        head->addWidget(version);
    }
    head->addStretch(1);
    auto* kindBadge =
        new CaseBadge(kind, note.isOpinion ? CaseBadge::Look::Opinion : CaseBadge::Look::Fact, this);
    kindBadge->setObjectName(QStringLiteral("noteKindBadge"));
    kindBadge->setAccessibleName(note.isOpinion ? tr("Professional opinion") : tr("Fact"));
    head->addWidget(kindBadge);
    auto* marking = new CaseBadge(markingDisplayName(note.marking), CaseBadge::Look::Neutral, this);
    marking->setAccessibleName(tr("Marking: %1").arg(markingDisplayName(note.marking)));
    head->addWidget(marking);

    m_body->setObjectName(QStringLiteral("noteBody"));
    m_body->setTextFormat(Qt::PlainText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_body->setAccessibleName(tr("Note text"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(head);
    layout->addWidget(m_body);
    if (note.isOpinion) {
        auto* basis = new QLabel(tr("Basis of the opinion: %1").arg(note.opinionBasis), this);
        basis->setObjectName(QStringLiteral("noteBasis"));
        basis->setTextFormat(Qt::PlainText);
        basis->setWordWrap(true);
        basis->setAccessibleName(tr("Basis of the opinion"));
        applyTone(basis, Tone::Muted);
        layout->addWidget(basis);
    }
    if (!note.correctionReason.isEmpty()) {
        auto* reason = new QLabel(tr("Corrected: %1").arg(note.correctionReason), this);
        reason->setObjectName(QStringLiteral("noteCorrection"));
        reason->setTextFormat(Qt::PlainText);
        reason->setWordWrap(true);
        reason->setAccessibleName(tr("Reason for the correction"));
        applyTone(reason, Tone::Muted);
        layout->addWidget(reason);
    }
    m_buttons->setSpacing(8);
    m_buttons->addStretch(1);
    layout->addLayout(m_buttons);
}

void NoteCard::addButton(QAbstractButton* button)
{
    button->setParent(this);
    m_buttons->addWidget(button);
}

} // namespace confer
