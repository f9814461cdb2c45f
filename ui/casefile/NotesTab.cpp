#include "casefile/NotesTab.h"

#include "casefile/CasefileLook.h"
#include "casefile/CorrectNoteDialog.h"
#include "casefile/NoteCard.h"
#include "casefile/NoteDialog.h"
#include "casefile/NoteHistoryDialog.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

NotesTab::NotesTab(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_add(new QPushButton(tr("&Add note\u2026"), this))
    , m_count(new QLabel(this))
    , m_error(new ErrorLine(QStringLiteral("notesError"), this))
    , m_list(new QWidget)
    , m_listLayout(new QVBoxLayout(m_list))
{
    setObjectName(QStringLiteral("notesTab"));
    m_add->setObjectName(QStringLiteral("addNoteButton"));
    m_add->setAccessibleName(tr("Add note"));
    m_count->setObjectName(QStringLiteral("notesCount"));
    applyTone(m_count, Tone::Muted);
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setAccessibleName(tr("Notes, newest first"));
    m_listLayout->setContentsMargins(0, 0, 8, 0);
    m_listLayout->setSpacing(10);
    m_listLayout->addStretch(1);

    QScrollArea* scroll = CasefileLook::scrollArea(m_list, this);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(12);
    bar->addWidget(m_add);
    bar->addWidget(m_count, 1);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);

    connect(m_add, &QPushButton::clicked, this, &NotesTab::openAddDialog);
}

void NotesTab::display(const OpenCase& openCase)
{
    m_case = openCase;
    reload();
}

QList<NoteCard*> NotesTab::cards() const
{
    QList<NoteCard*> cards;
    for (int i = 0; i < m_listLayout->count(); ++i) {
        if (auto* card = qobject_cast<NoteCard*>(m_listLayout->itemAt(i)->widget()))
            cards << card;
    }
    return cards;
}

QPushButton* NotesTab::correctButton(NoteId noteId) const
{
    return m_list->findChild<QPushButton*>(QStringLiteral("correctNote_%1").arg(noteId.value()));
}

QPushButton* NotesTab::historyButton(NoteId noteId) const
{
    return m_list->findChild<QPushButton*>(QStringLiteral("noteHistory_%1").arg(noteId.value()));
}

void NotesTab::reload()
{
    // Cards are removed at once from the layout (so cards() is current) and deleted later, since
    // this can run from a card's own button.
    while (m_listLayout->count() > 1) {
        QLayoutItem* item = m_listLayout->takeAt(0);
        if (QWidget* widget = item->widget()) {
            widget->hide();
            widget->setObjectName(QString());
            for (QObject* child : widget->findChildren<QObject*>())
                child->setObjectName(QString());
            widget->deleteLater();
        }
        delete item;
    }
    auto notes = [&] {
        CoreCall call;
        return m_caseload.notes.latestVersions(m_case.record.id);
    }();
    if (!notes.ok()) {
        m_error->showMessage(notes.error().message);
        m_count->clear();
        return;
    }
    m_error->setVisible(false);
    m_count->setText(notes->empty() ? tr("No notes yet.")
                                    : tr("%n note(s), newest first", nullptr, int(notes->size())));
    int at = 0;
    QWidget* previous = m_add;
    for (const Note& note : *notes) {
        auto* card = new NoteCard(note, m_list);
        auto* correct = new QPushButton(tr("Correct\u2026"));
        correct->setObjectName(QStringLiteral("correctNote_%1").arg(note.id.value()));
        correct->setAccessibleName(tr("Correct this note"));
        auto* history =
            new QPushButton(note.version > 1 ? tr("History (%1 versions)").arg(note.version) : tr("History"));
        history->setObjectName(QStringLiteral("noteHistory_%1").arg(note.id.value()));
        history->setAccessibleName(tr("History of this note"));
        card->addButton(correct);
        card->addButton(history);
        m_listLayout->insertWidget(at++, card);
        // Keyboard order follows the page: each note's buttons after the ones above it.
        QWidget::setTabOrder(previous, correct);
        QWidget::setTabOrder(correct, history);
        previous = history;
        connect(correct, &QPushButton::clicked, this, [this, note] { openCorrectDialog(note); });
        connect(history, &QPushButton::clicked, this, [this, note] { openHistory(note); });
    }
}

void NotesTab::openAddDialog()
{
    auto* dialog = new NoteDialog(m_caseload, m_case.record.id, m_case.agencies, m_case.userAgencyId, this);
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        emit notesChanged();
    });
    DialogPresenter::open(dialog);
}

void NotesTab::openCorrectDialog(const Note& note)
{
    auto* dialog = new CorrectNoteDialog(m_caseload, note, this);
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        emit notesChanged();
    });
    DialogPresenter::open(dialog);
}

void NotesTab::openHistory(const Note& note)
{
    DialogPresenter::open(new NoteHistoryDialog(m_caseload, note.id, this));
}

} // namespace confer
