#include "caseload/CaseloadTypes.h"

#include <QCoreApplication>

namespace confer {

namespace {

QString trTypes(const char* text)
{
    return QCoreApplication::translate("confer::Caseload", text);
}

// Looks a key up among every value of an enum; the key functions are the one source of spelling.
template <typename Enum, typename KeyOf>
std::optional<Enum> fromKey(const QString& key, std::initializer_list<Enum> values, KeyOf keyOf)
{
    for (Enum value : values) {
        if (keyOf(value) == key)
            return value;
    }
    return std::nullopt;
}

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
        return trTypes("OFFICIAL");
    case Marking::OfficialSensitive:
        return trTypes("OFFICIAL-SENSITIVE");
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
        return trTypes("Not assessed");
    case Risk::Green:
        return trTypes("Green");
    case Risk::Amber:
        return trTypes("Amber");
    case Risk::Red:
        return trTypes("Red");
    }
    return {};
}

QString agencyKindKey(Agency::Kind kind)
{
    switch (kind) {
    case Agency::Kind::ResponsibleAuthority:
        return QStringLiteral("responsible_authority");
    case Agency::Kind::CooperatingBody:
        return QStringLiteral("cooperating_body");
    case Agency::Kind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<Agency::Kind> agencyKindFromKey(const QString& key)
{
    return fromKey(key,
                   {Agency::Kind::ResponsibleAuthority, Agency::Kind::CooperatingBody, Agency::Kind::Other},
                   agencyKindKey);
}

QString agencyKindDisplayName(Agency::Kind kind)
{
    // Durham 4.1-4.4 names the two groups of partners.
    switch (kind) {
    case Agency::Kind::ResponsibleAuthority:
        return trTypes("Responsible authority");
    case Agency::Kind::CooperatingBody:
        return trTypes("Co-operating body");
    case Agency::Kind::Other:
        return trTypes("Other");
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
        return trTypes("Open");
    case CaseAction::Status::Done:
        return trTypes("Done");
    case CaseAction::Status::NotPossible:
        return trTypes("Not possible");
    case CaseAction::Status::NotDone:
        return trTypes("Not done");
    }
    return {};
}

} // namespace confer
