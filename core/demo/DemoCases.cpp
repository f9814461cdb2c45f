#include "demo/DemoCases.h"

#include "caseload/ConsentGate.h"
#include "demo/DemoDice.h"
#include "demo/DemoPartners.h"
#include "demo/DemoTables.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"

#include <algorithm>

namespace confer {

namespace {

QString postcode(DemoDice& dice, int district)
{
    // Inward codes never use C, I, K, M, O or V.
    static const char Letters[] = "ABDEFGHJLNPQRSTUWXYZ";
    const int letters = int(sizeof(Letters)) - 2;
    return QStringLiteral("DH%1 %2%3%4")
        .arg(district)
        .arg(dice.between(1, 9))
        .arg(QLatin1Char(Letters[dice.between(0, letters)]))
        .arg(QLatin1Char(Letters[dice.between(0, letters)]));
}

} // namespace

DemoCases::DemoCases(Session& session, const PanelKindRegistry& kinds,
                     const DemoPartnership::Options& options, DemoDice& dice, QDate today,
                     const std::vector<AgencyId>& agencyIds)
    : m_options(options)
    , m_dice(dice)
    , m_today(today)
    , m_agencyIds(agencyIds)
    , m_cases(session, kinds)
    , m_notes(session)
    , m_actions(session)
{}

Status DemoCases::add(const DemoPanel& panel, const QString& targetStage)
{
    const QString type = subjectType(*panel.kind);
    const CaseService::NewCase request = newCase(panel, type);
    auto created = m_cases.create(request);
    if (!created.ok())
        return created.error();
    const CaseId caseId = created->id;
    if (type == QLatin1String("person") && !request.subject.id)
        m_personSubjects.push_back(*created->subject.id);

    auto reached = moveToStage(panel, *created, targetStage);
    if (!reached.ok())
        return reached.error();
    const StageDefinition* finalStage = panel.kind->stage(*reached);
    const bool isOpen = !finalStage || !finalStage->isClosed;
    // Review dates spread around today, some already passed, as on a real caseload. Without details
    // (the 100,000-case benchmark) only about one open case in four is touched again: each update is
    // one more audited service call, and the rest keep the date their last stage move set.
    if (isOpen && (m_options.withDetails || m_dice.chance(0.25))) {
        if (Status updated = scheduleReview(request, *created); !updated.ok())
            return updated;
    }
    if (!m_options.withDetails)
        return {};
    if (Status added = addNotes(caseId); !added.ok())
        return added;
    if (Status added = addActions(caseId, isOpen); !added.ok())
        return added;
    return addMeasures(caseId, *panel.kind);
}

QString DemoCases::subjectType(const PanelKind& kind)
{
    return kind.subjectTypes.isEmpty()
               ? QStringLiteral("person")
               : (m_dice.chance(0.75) && kind.subjectTypes.contains(QStringLiteral("person"))
                      ? QStringLiteral("person")
                      : m_dice.pick(kind.subjectTypes));
}

CaseService::NewCase DemoCases::newCase(const DemoPanel& panel, const QString& subjectType)
{
    CaseService::NewCase request;
    request.panelId = panel.panel.id;
    // A few people are known to more than one panel (a subject can be on cases in several).
    if (subjectType == QLatin1String("person") && !m_personSubjects.empty() && m_dice.chance(0.05))
        request.subject.id =
            m_personSubjects[std::size_t(m_dice.between(0, int(m_personSubjects.size()) - 1))];
    else
        request.subject = makeSubject(panel, subjectType);
    request.referralDate = m_today.addDays(-m_dice.between(0, 720));
    const AgencyId referring = anyAgency();
    request.referringAgencyId = referring;
    request.referrer = personName(m_dice.chance(0.5));
    request.referralReason = DemoTables::word(m_dice.pick(DemoTables::ReferralReasons));
    request.leadAgencyId = anyAgency();
    request.leadProfessional = personName(m_dice.chance(0.5));
    const int risk = m_dice.between(0, 99);
    request.risk = risk < 15   ? Risk::Red
                   : risk < 50 ? Risk::Amber
                   : risk < 80 ? Risk::Green
                               : Risk::Unassessed;
    request.marking = Marking::OfficialSensitive;
    request.fields = makeFields(*panel.kind);
    return request;
}

// Through the stages as a coordinator would move it, consent first where a move needs it. The stage
// reached.
Result<QString> DemoCases::moveToStage(const DemoPanel& panel, const CaseRecord& created,
                                       const QString& targetStage)
{
    const PanelKind& kind = *panel.kind;
    bool hasConsent = false;
    QString current = kind.initialStage;
    for (const QString& next : panel.paths.value(targetStage)) {
        const Transition* transition = kind.transition(current, next);
        if (transition && transition->requiredGates.contains(ConsentGate::gateKey()) && !hasConsent) {
            if (Status recorded = recordConsent(created); !recorded.ok())
                return recorded.error();
            hasConsent = true;
        }
        const StageDefinition* stage = kind.stage(next);
        if (Status moved =
                m_cases.moveStage(created.id, next, stage ? moveReason(*stage) : QStringLiteral(""));
            !moved.ok())
            return moved.error();
        current = next;
    }
    return current;
}

// Given by the person, or for a child by a parent or guardian.
Status DemoCases::recordConsent(const CaseRecord& created)
{
    Consent consent;
    const std::optional<QDate>& born = created.subject.dateOfBirth;
    consent.onDate = m_today.addDays(-m_dice.between(0, 30));
    const bool isChild = born && born->addYears(18) > consent.onDate;
    consent.givenBy = isChild ? Consent::GivenBy::ParentGuardian : Consent::GivenBy::Individual;
    consent.givenByName = isChild ? personName(true) : QStringLiteral("");
    consent.state = Consent::State::Given;
    consent.scope = QStringLiteral("Support from the intervention provider, and sharing between the "
                                   "police, the council and the school.");
    return m_cases.recordConsent(created.id, consent);
}

Status DemoCases::scheduleReview(const CaseService::NewCase& request, const CaseRecord& created)
{
    CaseService::Details details;
    details.risk = request.risk;
    details.leadAgencyId = request.leadAgencyId;
    details.leadProfessional = request.leadProfessional;
    details.nextReview = m_today.addDays(m_dice.between(-14, 42));
    details.marking = request.marking;
    details.fields = created.fields;
    details.referralReason = request.referralReason;
    return m_cases.updateDetails(created.id, details);
}

QString DemoCases::personName(bool isFemale)
{
    const QString first = DemoTables::word(isFemale ? m_dice.pick(DemoTables::FemaleFirstNames)
                                                    : m_dice.pick(DemoTables::MaleFirstNames));
    return first + QLatin1Char(' ') + DemoTables::word(m_dice.pick(DemoTables::Surnames));
}

Subject DemoCases::makeSubject(const DemoPanel& panel, const QString& type)
{
    const DemoTables::Town& town = m_dice.pick(DemoTables::Towns);
    const QString street = DemoTables::word(m_dice.pick(DemoTables::Streets));
    Subject subject;
    // Empty rather than null text: the store's columns are NOT NULL and a null QString binds NULL.
    subject.aliases = subject.gender = subject.address = QStringLiteral("");
    subject.type = subjectTypeFromKey(type).value_or(Subject::Type::Person);
    subject.postcode = postcode(m_dice, town.district);
    switch (subject.type) {
    case Subject::Type::Person: {
        const bool isFemale = m_dice.chance(0.4);
        subject.name = personName(isFemale);
        subject.gender = isFemale ? QStringLiteral("Female") : QStringLiteral("Male");
        const int lowest = panel.seed ? panel.seed->lowestAge : 18;
        const int highest = panel.seed ? panel.seed->highestAge : 65;
        subject.dateOfBirth =
            m_today.addYears(-m_dice.between(lowest, highest)).addDays(-m_dice.between(1, 364));
        subject.address =
            QStringLiteral("%1 %2, %3").arg(m_dice.between(1, 140)).arg(street, DemoTables::word(town.name));
        if (m_dice.chance(0.06))
            subject.aliases = DemoTables::word(m_dice.pick(DemoTables::Nicknames));
        break;
    }
    case Subject::Type::Household:
        subject.name =
            QStringLiteral("%1 household").arg(DemoTables::word(m_dice.pick(DemoTables::Surnames)));
        subject.address =
            QStringLiteral("%1 %2, %3").arg(m_dice.between(1, 140)).arg(street, DemoTables::word(town.name));
        break;
    case Subject::Type::Location:
        subject.name = QStringLiteral("%1, %2 (%3)")
                           .arg(street, DemoTables::word(town.name),
                                DemoTables::word(m_dice.pick(DemoTables::LocationFeatures)));
        subject.address = QStringLiteral("%1, %2").arg(street, DemoTables::word(town.name));
        break;
    }
    return subject;
}

// A value for each field the kind defines: always for required ones, often for the rest. Fields this
// generator knows get plausible text; any other field gets a neutral value of its type.
QVariantMap DemoCases::makeFields(const PanelKind& kind)
{
    QVariantMap fields;
    for (const FieldDefinition& field : kind.fields) {
        if (!field.isRequired && !m_dice.chance(0.6))
            continue;
        switch (field.type) {
        case FieldDefinition::Type::Choice:
            if (!field.choices.isEmpty())
                fields.insert(field.key, m_dice.pick(field.choices).key);
            break;
        case FieldDefinition::Type::MultiChoice: {
            QStringList chosen;
            for (const FieldDefinition::Choice& choice : field.choices) {
                if (m_dice.chance(0.4))
                    chosen << choice.key;
            }
            if (chosen.isEmpty() && !field.choices.isEmpty())
                chosen << m_dice.pick(field.choices).key;
            fields.insert(field.key, chosen);
            break;
        }
        case FieldDefinition::Type::Boolean:
            fields.insert(field.key, m_dice.chance(0.8));
            break;
        case FieldDefinition::Type::Number: {
            const int low = int(field.minimum.value_or(0));
            const int high = int(field.maximum.value_or(10));
            fields.insert(field.key, m_dice.between(low, std::max(low, high)));
            break;
        }
        case FieldDefinition::Type::Date:
            fields.insert(field.key, m_today.addDays(-m_dice.between(10, 700)).toString(Qt::ISODate));
            break;
        case FieldDefinition::Type::Text:
            if (field.key.endsWith(QLatin1String("Lead")) || field.key == QLatin1String("coordinator"))
                fields.insert(field.key, personName(m_dice.chance(0.5)));
            else if (field.key == QLatin1String("interventionProvider"))
                fields.insert(field.key, QStringLiteral("Approved intervention provider (demo)"));
            else
                fields.insert(field.key, QStringLiteral("Agreed at panel"));
            break;
        case FieldDefinition::Type::LongText:
            if (field.key == QLatin1String("agreedOutcome"))
                fields.insert(field.key, DemoTables::word(m_dice.pick(DemoTables::AgreedOutcomes)));
            else if (field.key == QLatin1String("referralOffer"))
                fields.insert(field.key, DemoTables::word(m_dice.pick(DemoTables::ReferralOffers)));
            else if (field.key == QLatin1String("supportPlan"))
                fields.insert(field.key, DemoTables::word(m_dice.pick(DemoTables::SupportPlans)));
            else
                fields.insert(field.key, QStringLiteral("Discussed and agreed at the panel meeting."));
            break;
        }
    }
    return fields;
}

QString DemoCases::moveReason(const StageDefinition& stage)
{
    if (!stage.needsReason)
        return QStringLiteral(""); // empty, not null: a null QString would bind NULL
    if (!stage.reasons.isEmpty())
        return m_dice.pick(stage.reasons).key;
    return QStringLiteral("Agreed at the panel meeting.");
}

// Notes from the agencies the information came from, fact or opinion, now and then one corrected.
Status DemoCases::addNotes(CaseId caseId)
{
    const int noteCount = m_dice.between(1, 4);
    for (int i = 0; i < noteCount; ++i) {
        NoteService::NewNote note;
        note.agencyId = anyAgency(); // each note from the agency the information came from
        note.isOpinion = m_dice.chance(0.3);
        note.body = DemoTables::word(note.isOpinion ? m_dice.pick(DemoTables::OpinionNotes)
                                                    : m_dice.pick(DemoTables::FactNotes));
        if (note.isOpinion)
            note.opinionBasis = DemoTables::word(m_dice.pick(DemoTables::OpinionBases));
        note.marking = m_dice.chance(0.85) ? Marking::OfficialSensitive : Marking::Official;
        note.isDemo = true;
        auto added = m_notes.add(caseId, note);
        if (!added.ok())
            return added.error();
        // Now and then a correction, kept beside the original (Thurrock 8.3.2).
        if (m_dice.chance(0.08)) {
            auto corrected =
                m_notes.correct(added->id, added->body + QStringLiteral(" (Date of visit corrected.)"),
                                QStringLiteral("The date of the visit was wrong."));
            if (!corrected.ok())
                return corrected.error();
        }
    }
    return {};
}

// Actions on an open case, some overdue, some reported on; a closed case's are all reported on.
Status DemoCases::addActions(CaseId caseId, bool isOpen)
{
    const int actionCount = m_dice.between(isOpen ? 1 : 0, isOpen ? 3 : 1);
    for (int i = 0; i < actionCount; ++i) {
        ActionService::NewAction action;
        action.description = DemoTables::word(m_dice.pick(DemoTables::ActionTexts));
        action.ownerAgencyId = anyAgency();
        action.ownerPerson = personName(m_dice.chance(0.5));
        action.dueDate = m_today.addDays(m_dice.between(-40, 50)); // some already overdue
        auto added = m_actions.add(caseId, action);
        if (!added.ok())
            return added.error();
        const bool isFinished = !isOpen || (action.dueDate < m_today && m_dice.chance(0.5));
        if (isFinished) {
            const CaseAction::Status status = m_dice.chance(0.8)   ? CaseAction::Status::Done
                                              : m_dice.chance(0.5) ? CaseAction::Status::NotPossible
                                                                   : CaseAction::Status::NotDone;
            if (Status updated =
                    m_actions.update(added->id, status, QStringLiteral("Reported at the panel."));
                !updated.ok())
                return updated;
        }
    }
    return {};
}

// A measure recorded over time (MEAM's new-directions score) gets a short history.
Status DemoCases::addMeasures(CaseId caseId, const PanelKind& kind)
{
    for (const FieldDefinition& field : kind.fields) {
        if (!field.isTimeSeries || field.type != FieldDefinition::Type::Number)
            continue;
        const int low = int(field.minimum.value_or(0));
        const int high = std::max(low, int(field.maximum.value_or(10)));
        int value = m_dice.between((low + high) / 2, high);
        for (int weeksAgo = 12; weeksAgo >= 0; weeksAgo -= 6) {
            if (Status recorded =
                    m_cases.recordFieldValue(caseId, field.key, value, m_today.addDays(-7 * weeksAgo));
                !recorded.ok())
                return recorded;
            value = std::max(low, value - m_dice.between(0, std::max(1, (high - low) / 8)));
        }
    }
    return {};
}

AgencyId DemoCases::anyAgency()
{
    return m_agencyIds[std::size_t(m_dice.between(0, int(m_agencyIds.size()) - 1))];
}

} // namespace confer
