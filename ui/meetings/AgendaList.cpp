#include "meetings/AgendaList.h"

#include "shell/IdData.h"

namespace confer {

namespace {
constexpr int ItemIdRole = Qt::UserRole + 1;
}

AgendaList::AgendaList(const QString& objectName, QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(objectName);
    setAccessibleName(tr("Agenda"));
    setWordWrap(true);
    setSpacing(2);
    setSelectionMode(QAbstractItemView::SingleSelection);
}

QString AgendaList::subjectOf(const AgendaItem& item)
{
    if (!item.isCase())
        return item.title;
    return item.subjectName.isEmpty() ? item.caseReference
                                      : tr("%1 \u00b7 %2").arg(item.caseReference, item.subjectName);
}

QString AgendaList::statusName(AgendaItem::Status status)
{
    switch (status) {
    case AgendaItem::Status::Pending:
        return tr("Waiting");
    case AgendaItem::Status::Open:
        return tr("Being discussed");
    case AgendaItem::Status::Done:
        return tr("Done");
    }
    return {};
}

QString AgendaList::timeBoxText(const std::optional<int>& minutes)
{
    return minutes ? tr("%n min", nullptr, *minutes) : tr("no time box");
}

void AgendaList::setItems(const std::vector<AgendaItem>& items)
{
    const auto chosen = chosenItemId();
    clear();
    for (const AgendaItem& item : items) {
        const QString text =
            tr("%1. %2\n%3 \u00b7 %4")
                .arg(item.position)
                .arg(subjectOf(item), statusName(item.status), timeBoxText(item.timeBoxMinutes));
        auto* row = new QListWidgetItem(text, this);
        row->setData(ItemIdRole, idData(item.id));
        if (item.status == AgendaItem::Status::Open) {
            QFont bold = font();
            bold.setWeight(QFont::DemiBold);
            row->setFont(bold);
        }
        if (item.status == AgendaItem::Status::Done)
            row->setForeground(palette().color(QPalette::PlaceholderText));
    }
    if (chosen)
        choose(*chosen);
}

std::optional<AgendaItemId> AgendaList::chosenItemId() const
{
    const QListWidgetItem* item = currentItem();
    return item ? idFromData<AgendaItemId>(item->data(ItemIdRole)) : std::nullopt;
}

void AgendaList::choose(AgendaItemId itemId)
{
    for (int row = 0; row < count(); ++row) {
        if (idFromData<AgendaItemId>(item(row)->data(ItemIdRole)) == itemId) {
            setCurrentRow(row);
            return;
        }
    }
}

} // namespace confer
