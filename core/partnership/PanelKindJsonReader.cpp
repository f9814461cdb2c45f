#include "partnership/PanelKindJsonReader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace confer {

namespace {

// The sentences of the panel kind reader, in a context lupdate sees (the loader's, which they belong to).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelKindLoader)
};

// Keys are stable identifiers stored in the case table: ASCII, starting lower-case ("personAware").
bool isIdentifier(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][A-Za-z0-9]{0,39}$"));
    return pattern.match(key).hasMatch();
}

} // namespace

bool PanelKindJsonReader::fail(const QString& problem)
{
    if (m_problem.isEmpty())
        m_problem = problem;
    return false;
}

QString PanelKindJsonReader::quoted(const QString& text)
{
    return Tr::tr("“%1”").arg(text);
}

bool PanelKindJsonReader::checkKeys(const QJsonObject& object, const QStringList& allowed,
                                    const QString& where)
{
    // A misspelt setting ("reviewEveryDay") would otherwise be ignored without a word.
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(Tr::tr("%1 has a setting Confer does not know: %2.").arg(where, quoted(it.key())));
    }
    return true;
}

bool PanelKindJsonReader::readString(const QJsonObject& object, const QString& key, const QString& where,
                                     QString& out, bool isRequired)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !isRequired)
        return true;
    if (value.isUndefined())
        return fail(Tr::tr("%1 has no %2.").arg(where, quoted(key)));
    if (!value.isString())
        return fail(Tr::tr("%1: %2 must be text.").arg(where, quoted(key)));
    out = value.toString().trimmed();
    if (out.isEmpty() && isRequired)
        return fail(Tr::tr("%1: %2 is empty.").arg(where, quoted(key)));
    return true;
}

bool PanelKindJsonReader::readBool(const QJsonObject& object, const QString& key, const QString& where,
                                   bool& out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true; // the default stands
    if (!value.isBool())
        return fail(Tr::tr("%1: %2 must be true or false.").arg(where, quoted(key)));
    out = value.toBool();
    return true;
}

bool PanelKindJsonReader::readInteger(const QJsonObject& object, const QString& key, const QString& where,
                                      int minimum, int maximum, int& out, bool isRequired)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !isRequired)
        return true;
    if (value.isUndefined())
        return fail(Tr::tr("%1 has no %2.").arg(where, quoted(key)));
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number || number < minimum || number > maximum) {
        return fail(Tr::tr("%1: %2 must be a whole number from %3 to %4.")
                        .arg(where, quoted(key))
                        .arg(minimum)
                        .arg(maximum));
    }
    out = static_cast<int>(number);
    return true;
}

bool PanelKindJsonReader::readNumber(const QJsonObject& object, const QString& key, const QString& where,
                                     std::optional<double>& out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isDouble())
        return fail(Tr::tr("%1: %2 must be a number.").arg(where, quoted(key)));
    out = value.toDouble();
    return true;
}

bool PanelKindJsonReader::readArray(const QJsonObject& object, const QString& key, const QString& where,
                                    QJsonArray& out, bool isRequired)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !isRequired)
        return true;
    if (value.isUndefined())
        return fail(Tr::tr("%1 has no %2.").arg(where, quoted(key)));
    if (!value.isArray())
        return fail(Tr::tr("%1: %2 must be a list.").arg(where, quoted(key)));
    out = value.toArray();
    return true;
}

bool PanelKindJsonReader::readIdentifier(const QJsonObject& object, const QString& key, const QString& where,
                                         QString& out)
{
    if (!readString(object, key, where, out))
        return false;
    if (!isIdentifier(out)) {
        return fail(Tr::tr("%1: %2 is not a valid key (a letter a-z, then letters and digits, "
                           "at most 40, such as “personAware”).")
                        .arg(where, quoted(out)));
    }
    return true;
}

bool PanelKindJsonReader::readChoices(const QJsonArray& array, const QString& where,
                                      QList<FieldDefinition::Choice>& out)
{
    QSet<QString> keys;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemWhere = Tr::tr("%1, choice %2").arg(where).arg(i + 1);
        if (!array.at(i).isObject())
            return fail(Tr::tr("%1 must have a key and a label.").arg(itemWhere));
        const QJsonObject object = array.at(i).toObject();
        FieldDefinition::Choice choice;
        if (!checkKeys(object, {QStringLiteral("key"), QStringLiteral("label")}, itemWhere) ||
            !readIdentifier(object, QStringLiteral("key"), itemWhere, choice.key) ||
            !readString(object, QStringLiteral("label"), itemWhere, choice.label))
            return false;
        if (keys.contains(choice.key))
            return fail(Tr::tr("%1 lists the choice %2 twice.").arg(where, quoted(choice.key)));
        keys.insert(choice.key);
        out.append(choice);
    }
    return true;
}

} // namespace confer
