#pragma once

#include "meetings/MeetingTypes.h"

#include <QListWidget>

#include <optional>
#include <vector>

namespace confer {

// A meeting's agenda as a list, in order: each item's number, case reference and subject (or the title of
// other business), its time box and whether it is waiting, being discussed or done.
class AgendaList final : public QListWidget {
    Q_OBJECT
public:
    explicit AgendaList(const QString& objectName, QWidget* parent = nullptr);

    // Keeps the chosen item chosen when it is still there.
    void setItems(const std::vector<AgendaItem>& items);
    std::optional<AgendaItemId> chosenItemId() const;
    void choose(AgendaItemId itemId);

    // "MAPS-2026-004 · J. Smith" or the business's title.
    static QString subjectOf(const AgendaItem& item);
    static QString statusName(AgendaItem::Status status);
    static QString timeBoxText(const std::optional<int>& minutes);
};

} // namespace confer
