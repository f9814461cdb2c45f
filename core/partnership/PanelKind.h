#pragma once

#include "common/Result.h"
#include "partnership/PartnershipTypes.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace confer {

class StageGateRegistry;

// What a case of a panel kind records beyond the common columns. Only the fields a kind names are
// collected (data minimisation). See docs/panel-kinds.md for the file format.
struct FieldDefinition {
    enum class Type { Text, LongText, Date, Number, Boolean, Choice, MultiChoice };
    struct Choice {
        QString key;
        QString label;
    };

    QString key;   // stable, stored ("cohort")
    QString label; // shown ("Cohort")
    Type type = Type::Text;
    bool isRequired = false;
    QList<Choice> choices; // Choice and MultiChoice only
    QString help;
    // A field may be recorded repeatedly over time (MEAM's new-directions score): each value is kept
    // with its date and the latest is shown.
    bool isTimeSeries = false;
    // Number fields only: the accepted range, when the measure has one (a new-directions score is 0-48).
    std::optional<double> minimum;
    std::optional<double> maximum;
};

struct StageDefinition {
    QString key;           // "referred"
    QString label;         // "Referred"
    bool isClosed = false; // a case in a closed stage is no longer on the active caseload
    // Moving into this stage needs a reason (closure reason, de-selection reason, not-adopted).
    bool needsReason = false;
    QList<FieldDefinition::Choice> reasons; // when needsReason: the allowed reasons (may be empty: free text)
};

// A review the application schedules itself when a case enters a stage (Channel: 6 and 12 months
// after exit).
struct ScheduledReview {
    QString label; // "6-month review after exit"
    int afterMonths = 0;
};

struct Transition {
    QString from;
    QString to;
    // Keys of the gates that must hold before the move, each resolved against the StageGateRegistry
    // when the kind loaded ("consent": consent recorded as given and not withdrawn).
    // (The definition file's key is "requires"; that word is a keyword in C++20, hence this name.)
    QStringList requiredGates;
    // A panel decision (adopt, select, de-select, close, exit): only the panel's chair or one of its
    // coordinators may make the move (PanelRoles), and made at a meeting it is recorded against the agenda
    // item. ("panelDecision": true in the file.)
    bool isPanelDecision = false;
};

// A panel kind, loaded from a definition file in resources/panels/ (or, for tests, any directory).
struct PanelKind {
    QString key;              // "maps", "iom", "meam", "channel"
    QString name;             // "Multi-agency problem solving (MAPS)"
    QString referencePrefix;  // "MAPS" -> MAPS-2026-0042
    QStringList subjectTypes; // of "person", "household", "location"
    QString initialStage;
    QList<StageDefinition> stages;
    QList<Transition> transitions;
    QList<FieldDefinition> fields;
    int reviewEveryDays = 28; // cadence for the next review date
    bool reviewAtEachMeeting = false;
    bool usesConsent = false;                              // shows the consent record on a case
    QHash<QString, QList<ScheduledReview>> reviewsOnEnter; // stage key -> reviews to schedule
    QString declarationText;                               // the default confidentiality declaration
    // The sectors someone present must come from for a meeting to be quorate ("quorum" in the file;
    // Channel: the local authority and the police, Durham 5.10). Empty: any attendance is quorate.
    QList<AgencySector> quorumSectors;

    const StageDefinition* stage(const QString& stageKey) const;
    const FieldDefinition* field(const QString& fieldKey) const;
    QStringList nextStages(const QString& from) const;
    const Transition* transition(const QString& from, const QString& to) const;

    // InvalidInput naming the first problem (unknown field, wrong type, value not among choices,
    // required field missing) in a sentence a coordinator can act on.
    Status validateFields(const QVariantMap& values) const;
    // The same checks for one value on its own (a new entry of a time-series field). An empty value is
    // refused only when the field is required.
    Status validateValue(const QString& fieldKey, const QVariant& value) const;
    // Whether the definition allows the move and its reason: the transition exists and, when the
    // target stage needs a reason, one is given (and is one of its reasons when it lists them, named by
    // its key or its label). Returns the reason as it is stored: trimmed, a listed reason by its key.
    // Gates ("consent") depend on the case: CaseService checks them with the kind's StageGateRegistry.
    Result<QString> checkMove(const QString& from, const QString& to, const QString& reason) const;
};

// Reads and checks definition files. A broken file is refused with the file name and the problem;
// it never half-loads.
// A gate a transition requires must be one `gates` holds.
class PanelKindLoader final {
public:
    static Result<PanelKind> fromJson(const QByteArray& json, const QString& sourceName,
                                      const StageGateRegistry& gates);
    // Every *.json in the directory.
    static Result<QList<PanelKind>> loadDirectory(const QString& directory, const StageGateRegistry& gates);
};

// The kinds known to this process: the four shipped (":/panels") plus any extra directory, with the
// gates their transitions were resolved against (which must outlive the registry).
class PanelKindRegistry final {
public:
    // No kinds yet: what load() starts from.
    explicit PanelKindRegistry(const StageGateRegistry& gates)
        : m_gates(&gates)
    {}
    static Result<PanelKindRegistry> load(const StageGateRegistry& gates,
                                          const QStringList& extraDirectories = {});
    const PanelKind* kind(const QString& key) const;
    const QList<PanelKind>& kinds() const { return m_kinds; }
    const StageGateRegistry& gates() const { return *m_gates; }

private:
    QList<PanelKind> m_kinds;
    const StageGateRegistry* m_gates;
};

} // namespace confer
