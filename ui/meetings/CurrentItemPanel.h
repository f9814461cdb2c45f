#pragma once

#include "meetings/MeetingTypes.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;

namespace confer {

class ErrorLine;

// The middle of the meeting room: the agenda item chosen (or being discussed), with the actions carried
// forward to it and the decisions made at it, and the chair's buttons for it. It asks nothing itself: the
// room runs each request through the services and shows a refusal here.
class CurrentItemPanel final : public QWidget {
    Q_OBJECT
public:
    explicit CurrentItemPanel(QWidget* parent = nullptr);

    // whyNotLead: empty when the user may run the meeting, else why they may not (a tooltip).
    void showItem(const std::optional<AgendaItem>& item, const std::vector<PanelDecision>& decisions,
                  const QString& whyNotLead);
    // A refusal to open the item; with canOverride, "Go on without their signature…" is offered.
    void showRefusal(const QString& sentence, bool canOverride);
    void showError(const QString& sentence);

signals:
    void openRequested(confer::AgendaItemId itemId);
    void finishRequested(confer::AgendaItemId itemId);
    void decisionRequested(confer::AgendaItemId itemId);
    void actionRequested(confer::AgendaItemId itemId);
    void overrideRequested(confer::AgendaItemId itemId);

private:
    void updateButtons(const QString& whyNotLead);
    QString carriedText() const;
    QString decisionsText(const std::vector<PanelDecision>& decisions) const;

    std::optional<AgendaItem> m_item;
    QLabel* m_title;
    QLabel* m_facts;
    QLabel* m_carried;
    QLabel* m_decisions;
    QPushButton* m_open;
    QPushButton* m_finish;
    QPushButton* m_decide;
    QPushButton* m_action;
    QPushButton* m_override;
    ErrorLine* m_error;
};

} // namespace confer
