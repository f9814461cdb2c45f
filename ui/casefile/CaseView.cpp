#include "casefile/CaseView.h"

#include "casefile/ActionsTab.h"
#include "casefile/CaseDetailsTab.h"
#include "casefile/CaseHeader.h"
#include "casefile/CaseStageTab.h"
#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/ChronologyTab.h"
#include "casefile/ConsentTab.h"
#include "casefile/NoteCard.h"
#include "casefile/NotesTab.h"
#include "casefile/RecordValueDialog.h"
#include "caseload/Caseload.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"

#include <QLabel>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace confer {

CaseView::CaseView(Caseload& caseload, CaseId caseId, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_header(new CaseHeader(this))
    , m_body(new QStackedWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("caseView"));
    setAccessibleName(tr("Case"));
    m_error->setObjectName(QStringLiteral("caseViewError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_error->setContentsMargins(0, 12, 0, 0);
    QFont larger = m_error->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    m_error->setFont(larger);
    m_body->addWidget(m_error);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 22, 32, 20);
    layout->setSpacing(14);
    layout->addWidget(m_header);
    layout->addWidget(m_body, 1);

    connect(m_header, &CaseHeader::backRequested, this, &CaseView::closed);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &CaseView::closed);

    if (!readCase())
        return;
    buildTabs();
    m_isOpen = true;
    m_header->display(m_case);
    m_details->display(m_case);
    m_stage->display(m_case);
    if (m_consent)
        m_consent->display(m_case);
    m_notes->display(m_case);
    m_actions->display(m_case);
    refreshChronology();
    updateTabTitles();
}

bool CaseView::readCase()
{
    CoreCall call;
    auto record = m_caseload.cases.open(m_caseId);
    if (!record.ok()) {
        showUnavailable(record.error().message);
        return false;
    }
    auto panel = m_caseload.panels.panel(record->panelId);
    if (!panel.ok()) {
        showUnavailable(panel.error().message);
        return false;
    }
    const PanelKind* kind = m_caseload.kinds.kind(panel->kindKey);
    if (!kind) {
        showUnavailable(tr("This case belongs to a kind of panel this copy of Confer does not know (%1).")
                            .arg(panel->kindKey));
        return false;
    }
    auto agencies = m_caseload.agencies.agencies();
    if (!agencies.ok()) {
        showUnavailable(agencies.error().message);
        return false;
    }
    auto reviewDue = m_caseload.cases.reviewDue(m_caseId);
    if (!reviewDue.ok()) {
        showUnavailable(reviewDue.error().message);
        return false;
    }
    auto userAgency = m_caseload.agencies.agencyOfUser(m_caseload.session.currentUser().id);
    m_case.record = std::move(record).value();
    m_case.panel = std::move(panel).value();
    m_case.kind = kind;
    m_case.agencies = std::move(agencies).value();
    m_case.userAgencyId = userAgency.ok() ? *userAgency : std::nullopt;
    m_case.reviewDue = *reviewDue;
    m_case.today = m_caseload.session.clock().today();
    return true;
}

void CaseView::showUnavailable(const QString& message)
{
    // No case data stays on screen once a read is refused.
    m_isOpen = false;
    m_header->showUnavailable();
    m_error->setText(message);
    m_body->setCurrentWidget(m_error);
    if (m_tabs)
        m_tabs->hide();
}

void CaseView::buildTabs()
{
    m_tabs = new QTabWidget(m_body);
    m_tabs->setObjectName(QStringLiteral("caseTabs"));
    m_tabs->setAccessibleName(tr("Case sections"));
    m_tabs->setDocumentMode(true);
    m_details = new CaseDetailsTab(m_caseload, m_case, m_tabs);
    m_stage = new CaseStageTab(m_caseload, m_tabs);
    m_notes = new NotesTab(m_caseload, m_tabs);
    m_actions = new ActionsTab(m_caseload, m_tabs);
    m_chronology = new ChronologyTab(m_caseload, m_tabs);
    m_tabs->addTab(m_details, tr("&Details"));
    m_tabs->addTab(m_stage, tr("&Stage and reviews"));
    if (m_case.kind->usesConsent) {
        m_consent = new ConsentTab(m_caseload, m_tabs);
        m_tabs->addTab(m_consent, tr("C&onsent"));
        connect(m_consent, &ConsentTab::caseChanged, this, &CaseView::reopen);
    }
    m_tabs->addTab(m_notes, tr("&Notes"));
    m_tabs->addTab(m_actions, tr("&Actions"));
    m_tabs->addTab(m_chronology, tr("C&hronology"));
    m_body->addWidget(m_tabs);
    m_body->setCurrentWidget(m_tabs);

    connect(m_details, &CaseDetailsTab::saved, this, &CaseView::reopen);
    connect(m_stage, &CaseStageTab::caseChanged, this, &CaseView::reopen);
    connect(m_notes, &NotesTab::notesChanged, this, [this] {
        refreshChronology();
        updateTabTitles();
    });
    connect(m_actions, &ActionsTab::actionsChanged, this, [this] {
        refreshChronology();
        updateTabTitles();
    });
    connect(m_details, &CaseDetailsTab::recordValueRequested, this, [this](const QString& fieldKey) {
        const FieldDefinition* field = m_case.kind->field(fieldKey);
        if (!field)
            return;
        auto* dialog = new RecordValueDialog(m_caseload, m_caseId, *field, m_case.today, this);
        connect(dialog, &QDialog::accepted, this, &CaseView::reopen);
        DialogPresenter::open(dialog);
    });
}

void CaseView::reopen()
{
    if (!readCase())
        return;
    m_header->display(m_case);
    // Edits in progress on the details tab are kept: the person saves or reverts them.
    if (!m_details->hasUnsavedChanges())
        m_details->display(m_case);
    m_stage->display(m_case);
    if (m_consent)
        m_consent->display(m_case);
    refreshChronology();
    updateTabTitles();
}

void CaseView::refreshChronology()
{
    m_chronology->display(m_caseId);
    // A time-series field shows its values newest first, each with the day it describes, from the
    // chronology's typed entries (never from its translated sentences).
    for (const FieldDefinition& field : m_case.kind->fields) {
        if (!field.isTimeSeries)
            continue;
        QStringList lines;
        const std::vector<ChronologyEntry>& entries = m_chronology->entries();
        for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
            if (!entry->fieldValue || entry->fieldValue->fieldKey != field.key)
                continue;
            const QString value =
                tr("%1 (as at %2)")
                    .arg(entry->fieldValue->valueLabel, CaseText::date(entry->fieldValue->asAt));
            lines << (entry->byName.isEmpty() ? value : tr("%1, recorded by %2").arg(value, entry->byName));
        }
        m_details->setFieldHistory(field.key, lines);
    }
}

void CaseView::updateTabTitles()
{
    const int notes = int(m_notes->cards().size());
    const int open = int(
        std::count_if(m_actions->actions().begin(), m_actions->actions().end(),
                      [](const CaseAction& action) { return action.status == CaseAction::Status::Open; }));
    m_tabs->setTabText(m_tabs->indexOf(m_notes), notes ? tr("&Notes (%1)").arg(notes) : tr("&Notes"));
    m_tabs->setTabText(m_tabs->indexOf(m_actions),
                       open ? tr("&Actions (%1 open)").arg(open) : tr("&Actions"));
}

} // namespace confer
