#pragma once

#include "partnership/PartnershipTypes.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace confer {

// Government Security Classifications: every record carries one (Durham 5.3).
enum class Marking { Official, OfficialSensitive };
QString markingKey(Marking marking); // "official", "official-sensitive"
std::optional<Marking> markingFromKey(const QString& key);
QString markingDisplayName(Marking marking); // "OFFICIAL-SENSITIVE"

enum class Risk { Unassessed, Green, Amber, Red };
QString riskKey(Risk risk); // "unassessed", "green", "amber", "red"
std::optional<Risk> riskFromKey(const QString& key);
QString riskDisplayName(Risk risk);

struct Subject {
    enum class Type { Person, Household, Location };
    std::optional<SubjectId> id; // none until the subject is stored
    Type type = Type::Person;
    QString name;
    QString aliases;
    std::optional<QDate> dateOfBirth;
    QString gender;
    QString address;
    QString postcode;
};
QString subjectTypeKey(Subject::Type type);
std::optional<Subject::Type> subjectTypeFromKey(const QString& key);

struct CaseRecord {
    CaseId id;
    QString reference;
    PanelId panelId;
    Subject subject;
    QString stage;
    QString stageReason;
    Risk risk = Risk::Unassessed;
    QDate referralDate;
    QString referrer;
    std::optional<AgencyId> referringAgencyId;
    QString referralReason;
    std::optional<AgencyId> leadAgencyId;
    QString leadProfessional;
    std::optional<QDate> nextReview;
    Marking marking = Marking::OfficialSensitive;
    QVariantMap fields; // the panel kind's own fields
    QDateTime createdUtc;
    QDateTime updatedUtc;
};

// One row of the caseload table: what a coordinator scans, nothing more.
struct CaseSummary {
    CaseId id;
    QString reference;
    PanelId panelId;
    QString panelName;
    QString stage;
    Risk risk = Risk::Unassessed;
    QString subjectName;
    QString leadAgencyName;
    std::optional<QDate> nextReview; // as stored: the date the caseload sorts by
    // When the review is due and whether that is past, by ReviewDue's rule. In a stage that schedules its
    // own reviews (Channel's exit) this is the first of those, not the stored next review.
    std::optional<QDate> reviewDue;
    bool isReviewOverdue = false;
};

struct Note {
    NoteId id;
    CaseId caseId;
    NoteId threadId; // id of version 1; every correction shares it
    int version = 1;
    AgencyId agencyId; // the originating agency, which keeps ownership
    QString agencyName;
    UserId authorUserId;
    QString authorName;
    bool isOpinion = false; // Thurrock 5.3.1 d): opinions clearly marked, with their basis
    QString opinionBasis;
    Marking marking = Marking::OfficialSensitive;
    QString body;
    QString correctionReason;
    QDateTime atUtc;
};

struct CaseAction {
    enum class Status { Open, Done, NotPossible, NotDone };
    ActionId id;
    CaseId caseId;
    QString caseReference;
    QString description;
    AgencyId ownerAgencyId;
    QString ownerAgencyName;
    QString ownerPerson;
    std::optional<QDate> dueDate;
    Status status = Status::Open;
    bool isOverdue = false; // open and past its due date
    QDateTime createdUtc;
    QDateTime updatedUtc;
};
QString actionStatusKey(CaseAction::Status status);
std::optional<CaseAction::Status> actionStatusFromKey(const QString& key);
QString actionStatusDisplayName(CaseAction::Status status);

struct ActionUpdate {
    ActionUpdateId id;
    CaseAction::Status status = CaseAction::Status::Open;
    QString text;
    QString byName;
    QDateTime atUtc;
};

struct Consent {
    enum class GivenBy { Individual, ParentGuardian };
    enum class State { Given, Refused, Withdrawn };
    ConsentId id;
    GivenBy givenBy = GivenBy::Individual;
    QString givenByName;
    State state = State::Given;
    QDate onDate;
    QString scope;
    QDateTime atUtc;
};
// The stored spellings, which the consents table's CHECK constraints accept.
QString consentStateKey(Consent::State state); // "given", "refused", "withdrawn"
std::optional<Consent::State> consentStateFromKey(const QString& key);
QString consentGivenByKey(Consent::GivenBy givenBy); // "individual", "parent_guardian"
std::optional<Consent::GivenBy> consentGivenByFromKey(const QString& key);

struct ScheduledReviewRecord {
    ReviewId id;
    CaseId caseId;
    QString label;
    QDate dueDate;
    std::optional<QDate> completedOn;
    QString outcome;
};

// One line of a case's chronology, from whatever made it: stage moves, notes, actions, consent,
// reviews (and, later, meetings).
struct ChronologyEntry {
    enum class Kind { Stage, Note, Action, ActionUpdate, Consent, Review, Field };
    Kind kind = Kind::Stage;
    QDateTime atUtc;
    QString summary;     // one line, translated
    QString byName;      // who recorded it
    qint64 sourceId = 0; // a row of the table its kind names, so no one entity's id type

    // Kind::Field only: the value itself, typed, so a screen showing a field's history never has to
    // take the translated summary apart.
    struct FieldValue {
        QString fieldKey;
        QString valueLabel; // as shown: a choice's label, "Yes"/"No", or the text recorded
        QDate asAt;         // the day the value describes
    };
    std::optional<FieldValue> fieldValue;
};

} // namespace confer
