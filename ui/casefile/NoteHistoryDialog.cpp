#include "casefile/NoteHistoryDialog.h"

#include "casefile/CasefileLook.h"
#include "casefile/NoteCard.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

NoteHistoryDialog::NoteHistoryDialog(Caseload& caseload, NoteId noteId, QWidget* parent)
    : QDialog(parent)
    , m_error(new ErrorLine(QStringLiteral("noteHistoryError"), this))
{
    setWindowTitle(tr("Note history"));
    setAccessibleName(tr("Note history"));
    setMinimumSize(620, 420);

    auto* list = new QWidget;
    list->setAccessibleName(tr("Versions of the note, oldest first"));
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 6, 0);
    listLayout->setSpacing(10);

    auto history = [&] {
        CoreCall call;
        return caseload.notes.history(noteId);
    }();
    if (!history.ok()) {
        m_error->showMessage(history.error().message);
    } else {
        m_versionCount = int(history->size());
        for (const Note& version : *history)
            listLayout->addWidget(new NoteCard(version, list));
    }
    listLayout->addStretch(1);

    QScrollArea* scroll = CasefileLook::scrollArea(list, this);
    scroll->setObjectName(QStringLiteral("noteHistoryList"));

    auto* intro = CasefileLook::mutedLabel(
        tr("Notes are never changed in place. Each correction is a new version; every version is kept."),
        this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &NoteHistoryDialog::reject);
}

} // namespace confer
