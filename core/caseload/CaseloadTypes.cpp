#include "caseload/CaseloadTypes.h"

#include "common/EnumKeys.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Caseload)
};

} // namespace

QString markingKey(Marking marking)
{
    switch (marking) {
    case Marking::Official:
        return QStringLiteral("official");
    case Marking::OfficialSensitive:
        return QStringLiteral("official-sensitive");
    }
    return QStringLiteral("official-sensitive");
}

std::optional<Marking> markingFromKey(const QString& key)
{
    return fromKey(key, {Marking::Official, Marking::OfficialSensitive}, markingKey);
}

QString markingDisplayName(Marking marking)
{
    // The classification is printed in capitals as the Government Security Classifications ask.
    switch (marking) {
    case Marking::Official:
        return Tr::tr("OFFICIAL");
    case Marking::OfficialSensitive:
        return Tr::tr("OFFICIAL-SENSITIVE");
    }
    return {};
}

QString riskKey(Risk risk)
{
    switch (risk) {
    case Risk::Unassessed:
        return QStringLiteral("unassessed");
    case Risk::Green:
        return QStringLiteral("green");
    case Risk::Amber:
        return QStringLiteral("amber");
    case Risk::Red:
        return QStringLiteral("red");
    }
    return QStringLiteral("unassessed");
}

std::optional<Risk> riskFromKey(const QString& key)
{
    return fromKey(key, {Risk::Unassessed, Risk::Green, Risk::Amber, Risk::Red}, riskKey);
}

QString riskDisplayName(Risk risk)
{
    switch (risk) {
    case Risk::Unassessed:
        return Tr::tr("Not assessed");
    case Risk::Green:
        return Tr::tr("Green");
    case Risk::Amber:
        return Tr::tr("Amber");
    case Risk::Red:
        return Tr::tr("Red");
    }
    return {};
}

QString subjectTypeKey(Subject::Type type)
{
    switch (type) {
    case Subject::Type::Person:
        return QStringLiteral("person");
    case Subject::Type::Household:
        return QStringLiteral("household");
    case Subject::Type::Location:
        return QStringLiteral("location");
    }
    return QStringLiteral("person");
}

std::optional<Subject::Type> subjectTypeFromKey(const QString& key)
{
    return fromKey(key, {Subject::Type::Person, Subject::Type::Household, Subject::Type::Location},
                   subjectTypeKey);
}

QString actionStatusKey(CaseAction::Status status)
{
    switch (status) {
    case CaseAction::Status::Open:
        return QStringLiteral("open");
    case CaseAction::Status::Done:
        return QStringLiteral("done");
    case CaseAction::Status::NotPossible:
        return QStringLiteral("not_possible");
    case CaseAction::Status::NotDone:
        return QStringLiteral("not_done");
    }
    return QStringLiteral("open");
}

std::optional<CaseAction::Status> actionStatusFromKey(const QString& key)
{
    return fromKey(key,
                   {CaseAction::Status::Open, CaseAction::Status::Done, CaseAction::Status::NotPossible,
                    CaseAction::Status::NotDone},
                   actionStatusKey);
}

QString actionStatusDisplayName(CaseAction::Status status)
{
    switch (status) {
    case CaseAction::Status::Open:
        return Tr::tr("Open");
    case CaseAction::Status::Done:
        return Tr::tr("Done");
    case CaseAction::Status::NotPossible:
        return Tr::tr("Not possible");
    case CaseAction::Status::NotDone:
        return Tr::tr("Not done");
    }
    return {};
}

QString consentStateKey(Consent::State state)
{
    switch (state) {
    case Consent::State::Given:
        return QStringLiteral("given");
    case Consent::State::Refused:
        return QStringLiteral("refused");
    case Consent::State::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return QStringLiteral("withdrawn");
}

std::optional<Consent::State> consentStateFromKey(const QString& key)
{
    return fromKey(key, {Consent::State::Given, Consent::State::Refused, Consent::State::Withdrawn},
                   consentStateKey);
}

QString consentGivenByKey(Consent::GivenBy givenBy)
{
    switch (givenBy) {
    case Consent::GivenBy::Individual:
        return QStringLiteral("individual");
    case Consent::GivenBy::ParentGuardian:
        return QStringLiteral("parent_guardian");
    }
    return QStringLiteral("individual");
}

std::optional<Consent::GivenBy> consentGivenByFromKey(const QString& key)
{
    return fromKey(key, {Consent::GivenBy::Individual, Consent::GivenBy::ParentGuardian}, consentGivenByKey);
}

} // namespace confer
