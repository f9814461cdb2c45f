#include "partnership/PanelKind.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelKind)
};

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

// "Not recorded": no value, blank text, or an empty selection. A boolean false is a recorded value.
bool isEmptyValue(const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().trimmed().isEmpty();
    case QMetaType::QStringList:
        return value.toStringList().isEmpty();
    case QMetaType::QVariantList:
        return value.toList().isEmpty();
    default:
        return false;
    }
}

bool isNumberType(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

// Numbers arrive as numbers (from the store's JSON) or as text typed into an editor; both are read
// the same way, in the C locale so "1,5" is not silently taken as 15.
std::optional<double> numberFrom(const QVariant& value)
{
    bool isNumber = false;
    double number = 0;
    if (isNumberType(value)) {
        number = value.toDouble(&isNumber);
    } else if (value.typeId() == QMetaType::QString) {
        number = QLocale::c().toDouble(value.toString().trimmed(), &isNumber);
    }
    if (!isNumber || !std::isfinite(number))
        return std::nullopt;
    return number;
}

// Dates are QDate values or ISO 8601 text ("2026-03-31"), which is how the store's JSON keeps them.
bool isDateValue(const QVariant& value)
{
    if (value.typeId() == QMetaType::QDate)
        return value.toDate().isValid();
    if (value.typeId() != QMetaType::QString)
        return false;
    static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = value.toString();
    return isoDate.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

std::optional<QStringList> stringListFrom(const QVariant& value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList();
    if (value.typeId() != QMetaType::QVariantList)
        return std::nullopt;
    QStringList keys;
    for (const QVariant& item : value.toList()) {
        if (item.typeId() != QMetaType::QString)
            return std::nullopt;
        keys.append(item.toString());
    }
    return keys;
}

QString choiceLabels(const FieldDefinition& field)
{
    QStringList labels;
    for (const FieldDefinition::Choice& choice : field.choices)
        labels.append(choice.label);
    return labels.join(QStringLiteral(", "));
}

bool hasChoice(const QList<FieldDefinition::Choice>& choices, const QString& key)
{
    return std::any_of(choices.cbegin(), choices.cend(),
                       [&](const FieldDefinition::Choice& choice) { return choice.key == key; });
}

QString numberText(double number)
{
    return QLocale().toString(number, 'g', 12);
}

Status checkNumberRange(const FieldDefinition& field, double number)
{
    const bool isBelow = field.minimum && number < *field.minimum;
    const bool isAbove = field.maximum && number > *field.maximum;
    if (!isBelow && !isAbove)
        return Status::success();
    if (field.minimum && field.maximum) {
        return invalid(Tr::tr("“%1” must be between %2 and %3.")
                           .arg(field.label, numberText(*field.minimum), numberText(*field.maximum)));
    }
    if (isBelow)
        return invalid(Tr::tr("“%1” must be at least %2.").arg(field.label, numberText(*field.minimum)));
    return invalid(Tr::tr("“%1” must be at most %2.").arg(field.label, numberText(*field.maximum)));
}

// The type and choice checks for a value that is present.
Status checkRecordedValue(const FieldDefinition& field, const QVariant& value)
{
    using Type = FieldDefinition::Type;
    switch (field.type) {
    case Type::Text:
    case Type::LongText:
        if (value.typeId() != QMetaType::QString)
            return invalid(Tr::tr("“%1” must be text.").arg(field.label));
        return Status::success();
    case Type::Date:
        if (!isDateValue(value))
            return invalid(Tr::tr("“%1” must be a date, such as 2026-03-31.").arg(field.label));
        return Status::success();
    case Type::Number: {
        const std::optional<double> number = numberFrom(value);
        if (!number)
            return invalid(Tr::tr("“%1” must be a number.").arg(field.label));
        return checkNumberRange(field, *number);
    }
    case Type::Boolean:
        if (value.typeId() != QMetaType::Bool)
            return invalid(Tr::tr("“%1” must be yes or no.").arg(field.label));
        return Status::success();
    case Type::Choice:
        if (value.typeId() != QMetaType::QString || !hasChoice(field.choices, value.toString()))
            return invalid(Tr::tr("“%1” must be one of: %2.").arg(field.label, choiceLabels(field)));
        return Status::success();
    case Type::MultiChoice: {
        const std::optional<QStringList> keys = stringListFrom(value);
        if (!keys)
            return invalid(
                Tr::tr("“%1” must be a selection from: %2.").arg(field.label, choiceLabels(field)));
        QSet<QString> seen;
        for (const QString& key : *keys) {
            if (!hasChoice(field.choices, key))
                return invalid(
                    Tr::tr("“%1” must be a selection from: %2.").arg(field.label, choiceLabels(field)));
            if (seen.contains(key))
                return invalid(Tr::tr("“%1” lists the same choice twice.").arg(field.label));
            seen.insert(key);
        }
        return Status::success();
    }
    }
    return invalid(Tr::tr("“%1” has a type Confer does not know.").arg(field.label));
}

Status checkValue(const FieldDefinition& field, const QVariant& value)
{
    if (isEmptyValue(value)) {
        if (field.isRequired)
            return invalid(Tr::tr("“%1” is required.").arg(field.label));
        return Status::success();
    }
    return checkRecordedValue(field, value);
}

} // namespace

const StageDefinition* PanelKind::stage(const QString& stageKey) const
{
    for (const StageDefinition& definition : stages) {
        if (definition.key == stageKey)
            return &definition;
    }
    return nullptr;
}

const FieldDefinition* PanelKind::field(const QString& fieldKey) const
{
    for (const FieldDefinition& definition : fields) {
        if (definition.key == fieldKey)
            return &definition;
    }
    return nullptr;
}

QStringList PanelKind::nextStages(const QString& from) const
{
    QStringList next;
    for (const Transition& move : transitions) {
        if (move.from == from)
            next.append(move.to);
    }
    return next;
}

const Transition* PanelKind::transition(const QString& from, const QString& to) const
{
    for (const Transition& move : transitions) {
        if (move.from == from && move.to == to)
            return &move;
    }
    return nullptr;
}

Status PanelKind::validateFields(const QVariantMap& values) const
{
    // Unknown keys first: a value the kind does not ask for must never be stored (data minimisation).
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!field(it.key()))
            return invalid(Tr::tr("%1 cases have no field “%2”.").arg(referencePrefix, it.key()));
    }
    for (const FieldDefinition& definition : fields) {
        const Status checked = checkValue(definition, values.value(definition.key));
        if (!checked)
            return checked;
    }
    return Status::success();
}

Status PanelKind::validateValue(const QString& fieldKey, const QVariant& value) const
{
    const FieldDefinition* definition = field(fieldKey);
    if (!definition)
        return invalid(Tr::tr("%1 cases have no field “%2”.").arg(referencePrefix, fieldKey));
    return checkValue(*definition, value);
}

Result<QString> PanelKind::checkMove(const QString& from, const QString& to, const QString& reason) const
{
    const StageDefinition* fromStage = stage(from);
    const StageDefinition* toStage = stage(to);
    if (!fromStage)
        return invalid(Tr::tr("“%1” is not a stage of %2 cases.").arg(from, referencePrefix));
    if (!toStage)
        return invalid(Tr::tr("“%1” is not a stage of %2 cases.").arg(to, referencePrefix));
    if (!transition(from, to)) {
        return invalid(Tr::tr("A case cannot move from “%1” to “%2”.").arg(fromStage->label, toStage->label));
    }
    // Stored trimmed and never NULL (the history's reason column is NOT NULL).
    const QString given = reason.trimmed().isNull() ? QStringLiteral("") : reason.trimmed();
    if (!toStage->needsReason)
        return given;
    if (given.isEmpty())
        return invalid(Tr::tr("Moving a case to “%1” needs a reason.").arg(toStage->label));
    if (toStage->reasons.isEmpty())
        return given;
    // A listed reason is stored by its key, whether the caller named it by key or by label.
    for (const FieldDefinition::Choice& choice : toStage->reasons) {
        if (choice.key == given || choice.label == given)
            return choice.key;
    }
    // The reason is not repeated: it may be free text about the person.
    QStringList labels;
    for (const FieldDefinition::Choice& choice : toStage->reasons)
        labels.append(choice.label);
    return invalid(Tr::tr("The reason for moving a case to “%1” must be one of: %2.")
                       .arg(toStage->label, labels.join(QStringLiteral(", "))));
}

} // namespace confer
