#include "meetings/CurrentItemPanel.h"

#include "meetings/AgendaList.h"
#include "shell/AppStyle.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

namespace {
void allow(QPushButton* button, bool isUsable, const QString& whyNot)
{
    button->setEnabled(isUsable);
    button->setToolTip(isUsable ? QString() : whyNot);
}
} // namespace

CurrentItemPanel::CurrentItemPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_facts(FormFields::text(QString(), Tone::Muted, this))
    , m_carried(FormFields::text(QString(), Tone::Normal, this))
    , m_decisions(FormFields::text(QString(), Tone::Normal, this))
    , m_open(FormFields::button(tr("&Open item"), QStringLiteral("openItemButton"), tr("Open item"), this))
    , m_finish(
          FormFields::button(tr("&Finish item"), QStringLiteral("finishItemButton"), tr("Finish item"), this))
    , m_decide(FormFields::button(tr("Record &decision\u2026"), QStringLiteral("recordDecisionButton"),
                                  tr("Record decision"), this))
    , m_action(FormFields::button(tr("Agree &action\u2026"), QStringLiteral("agreeActionButton"),
                                  tr("Agree action"), this))
    , m_override(FormFields::button(tr("&Go on without their signature\u2026"),
                                    QStringLiteral("overrideSignatureButton"),
                                    tr("Go on without their signature"), this))
    , m_error(new ErrorLine(QStringLiteral("itemError"), this))
{
    setObjectName(QStringLiteral("currentItemPanel"));
    m_title->setObjectName(QStringLiteral("itemTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_carried->setObjectName(QStringLiteral("itemCarriedActions"));
    m_decisions->setObjectName(QStringLiteral("itemDecisions"));
    m_override->hide();
    AppStyle::setLook(m_open, AppStyle::Look::PrimaryButton);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    for (QPushButton* button : {m_open, m_finish, m_decide, m_action})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 0, 12, 0);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_override, 0, Qt::AlignLeft);
    layout->addWidget(m_carried);
    layout->addWidget(m_decisions);
    layout->addStretch(1);

    auto request = [this](void (CurrentItemPanel::*signal)(AgendaItemId)) {
        return [this, signal] {
            if (m_item)
                emit(this->*signal)(m_item->id);
        };
    };
    connect(m_open, &QPushButton::clicked, this, request(&CurrentItemPanel::openRequested));
    connect(m_finish, &QPushButton::clicked, this, request(&CurrentItemPanel::finishRequested));
    connect(m_decide, &QPushButton::clicked, this, request(&CurrentItemPanel::decisionRequested));
    connect(m_action, &QPushButton::clicked, this, request(&CurrentItemPanel::actionRequested));
    connect(m_override, &QPushButton::clicked, this, request(&CurrentItemPanel::overrideRequested));
}

void CurrentItemPanel::showItem(const std::optional<AgendaItem>& item,
                                const std::vector<PanelDecision>& decisions, const QString& whyNotLead)
{
    m_item = item;
    m_error->showMessage(QString());
    m_override->hide();
    if (!item) {
        m_title->setText(tr("No item chosen"));
        m_facts->setText(tr("Choose an item of the agenda on the left."));
        m_carried->clear();
        m_decisions->clear();
        updateButtons(whyNotLead);
        return;
    }
    m_title->setText(AgendaList::subjectOf(*item));
    m_facts->setText(tr("Item %1 \u00b7 %2 \u00b7 %3 \u00b7 %4")
                         .arg(item->position)
                         .arg(agendaReasonDisplayName(item->reason),
                              AgendaList::timeBoxText(item->timeBoxMinutes),
                              AgendaList::statusName(item->status)));
    m_carried->setText(carriedText());
    m_carried->setVisible(item->isCase());
    m_decisions->setText(decisionsText(decisions));
    m_decisions->setVisible(item->isCase());
    updateButtons(whyNotLead);
}

QString CurrentItemPanel::carriedText() const
{
    if (m_item->carriedActions.empty())
        return tr("No actions carried forward.");
    QStringList lines{tr("Actions carried forward:")};
    for (const AgendaItem::CarriedAction& action : m_item->carriedActions) {
        const QString due = action.dueDate ? QLocale().toString(*action.dueDate, QStringLiteral("d MMM yyyy"))
                                           : tr("no date");
        lines << tr("\u2022 %1 (%2, due %3)").arg(action.description, action.ownerAgencyName, due);
    }
    return lines.join(QLatin1Char('\n'));
}

QString CurrentItemPanel::decisionsText(const std::vector<PanelDecision>& decisions) const
{
    QStringList lines;
    for (const PanelDecision& decision : decisions) {
        if (decision.agendaItemId != m_item->id)
            continue;
        QString line = decision.isAgreed
                           ? tr("\u2022 Agreed: %1 \u2192 %2, proposed by %3")
                                 .arg(decision.fromStage, decision.toStage, decision.proposerName)
                           : tr("\u2022 Not agreed: %1 \u2192 %2, proposed by %3")
                                 .arg(decision.fromStage, decision.toStage, decision.proposerName);
        if (!decision.dissent.isEmpty())
            line += tr(" (dissent: %1)").arg(decision.dissent);
        lines << line;
    }
    return lines.isEmpty() ? tr("No decisions yet.")
                           : tr("Decisions:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

void CurrentItemPanel::updateButtons(const QString& whyNotLead)
{
    const bool mayLead = whyNotLead.isEmpty();
    for (QPushButton* button : {m_open, m_finish, m_decide, m_action})
        button->setVisible(m_item.has_value());
    if (!m_item)
        return;
    const bool isOpen = m_item->status == AgendaItem::Status::Open;
    allow(m_open, mayLead && m_item->status == AgendaItem::Status::Pending,
          !mayLead ? whyNotLead : tr("This item has already been opened."));
    allow(m_finish, mayLead && isOpen, !mayLead ? whyNotLead : tr("This item is not being discussed."));
    const QString whyNotDecide = !mayLead ? whyNotLead
                                 : !m_item->isCase()
                                     ? tr("Other business has no case to decide on.")
                                     : tr("Open the item first: decisions are made while it is discussed.");
    allow(m_decide, mayLead && isOpen && m_item->isCase(), whyNotDecide);
    allow(m_action, mayLead && isOpen && m_item->isCase(), whyNotDecide);
}

void CurrentItemPanel::showRefusal(const QString& sentence, bool canOverride)
{
    m_error->showMessage(sentence);
    m_override->setVisible(canOverride);
}

void CurrentItemPanel::showError(const QString& sentence)
{
    m_error->showMessage(sentence);
}

} // namespace confer
