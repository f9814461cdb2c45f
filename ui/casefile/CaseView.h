#pragma once

#include "casefile/OpenCase.h"
#include "common/Id.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace confer {

struct Caseload;
class ActionsTab;
class CaseDetailsTab;
class CaseHeader;
class CaseStageTab;
class ChronologyTab;
class ConsentTab;
class NotesTab;

// One case, opened from the caseload: its header and tabs for details, stage and reviews, consent
// (when its kind uses it), notes, actions and chronology. Opening calls CaseService::open, which is
// an audited view; when that is refused the view shows the service's sentence and no case data.
// "Back to caseload" or Esc emits closed().
class CaseView final : public QWidget {
    Q_OBJECT
public:
    CaseView(Caseload& caseload, CaseId caseId, QWidget* parent = nullptr);

    CaseId caseId() const { return m_caseId; }
    bool isOpen() const { return m_isOpen; }
    const OpenCase& openCase() const { return m_case; }

signals:
    void closed();

private:
    // Reads the case again (an audited view) and shows it everywhere.
    void reopen();
    bool readCase();
    void buildTabs();
    void showUnavailable(const QString& message);
    void refreshChronology();
    void updateTabTitles();

    Caseload& m_caseload;
    CaseId m_caseId;
    OpenCase m_case;
    bool m_isOpen = false;
    CaseHeader* m_header;
    QStackedWidget* m_body;
    QLabel* m_error;
    QTabWidget* m_tabs = nullptr;
    CaseDetailsTab* m_details = nullptr;
    CaseStageTab* m_stage = nullptr;
    ConsentTab* m_consent = nullptr;
    NotesTab* m_notes = nullptr;
    ActionsTab* m_actions = nullptr;
    ChronologyTab* m_chronology = nullptr;
};

} // namespace confer
