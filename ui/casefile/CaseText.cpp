#include "casefile/CaseText.h"

#include "partnership/PanelKind.h"

#include <QLocale>

namespace confer {

QString CaseText::date(const QDate& date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMM yyyy")) : tr("Not set");
}

QString CaseText::date(const std::optional<QDate>& value)
{
    return value ? date(*value) : tr("Not set");
}

QString CaseText::dateTime(const QDateTime& utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"))
                         : QString();
}

QString CaseText::subjectType(Subject::Type type)
{
    switch (type) {
    case Subject::Type::Person:
        return tr("Person");
    case Subject::Type::Household:
        return tr("Family or household");
    case Subject::Type::Location:
        return tr("Location");
    }
    return {};
}

QString CaseText::consentState(Consent::State state)
{
    switch (state) {
    case Consent::State::Given:
        return tr("Given");
    case Consent::State::Refused:
        return tr("Refused");
    case Consent::State::Withdrawn:
        return tr("Withdrawn");
    }
    return {};
}

QString CaseText::consentGivenBy(Consent::GivenBy givenBy)
{
    switch (givenBy) {
    case Consent::GivenBy::Individual:
        return tr("The individual");
    case Consent::GivenBy::ParentGuardian:
        return tr("Parent or guardian");
    }
    return {};
}

QString CaseText::stageLabel(const PanelKind* kind, const QString& stageKey)
{
    const StageDefinition* stage = kind ? kind->stage(stageKey) : nullptr;
    return stage ? stage->label : stageKey;
}

QString CaseText::chronologyKind(ChronologyEntry::Kind kind)
{
    switch (kind) {
    case ChronologyEntry::Kind::Stage:
        return tr("Stage");
    case ChronologyEntry::Kind::Note:
        return tr("Note");
    case ChronologyEntry::Kind::Action:
        return tr("Action");
    case ChronologyEntry::Kind::ActionUpdate:
        return tr("Action update");
    case ChronologyEntry::Kind::Consent:
        return tr("Consent");
    case ChronologyEntry::Kind::Review:
        return tr("Review");
    case ChronologyEntry::Kind::Field:
        return tr("Recorded value");
    }
    return {};
}

QDate CaseText::fieldDate(const QVariant& value)
{
    if (value.typeId() == QMetaType::QDate)
        return value.toDate();
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QString CaseText::fieldValue(const PanelKind* kind, const QString& fieldKey, const QVariant& value)
{
    const FieldDefinition* field = kind ? kind->field(fieldKey) : nullptr;
    if (!value.isValid() || value.isNull())
        return tr("Not recorded");
    if (!field)
        return value.toString();
    auto choiceLabel = [field](const QString& key) {
        for (const FieldDefinition::Choice& choice : field->choices) {
            if (choice.key == key)
                return choice.label;
        }
        return key;
    };
    switch (field->type) {
    case FieldDefinition::Type::Boolean:
        return value.toBool() ? tr("Yes") : tr("No");
    case FieldDefinition::Type::Date:
        return date(fieldDate(value));
    case FieldDefinition::Type::Choice:
        return value.toString().isEmpty() ? tr("Not recorded") : choiceLabel(value.toString());
    case FieldDefinition::Type::MultiChoice: {
        QStringList labels;
        for (const QString& key : value.toStringList())
            labels << choiceLabel(key);
        return labels.isEmpty() ? tr("None") : QLocale().createSeparatedList(labels);
    }
    case FieldDefinition::Type::Number:
    case FieldDefinition::Type::Text:
    case FieldDefinition::Type::LongText:
        break;
    }
    const QString text = value.toString();
    return text.isEmpty() ? tr("Not recorded") : text;
}

} // namespace confer
