#pragma once

#include "partnership/PanelKind.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace confer {

// Reads one typed value at a time from a panel kind definition's JSON and keeps the first problem, in a
// sentence that says where in the file it is (PanelKindLoader reads the definition's sections with it).
// Each read returns false once there is a problem, so a caller chains reads with && and stops at the first.
class PanelKindJsonReader final {
public:
    // Records the problem unless one is already recorded; always false.
    bool fail(const QString& problem);
    const QString& problem() const { return m_problem; }

    // A misspelt setting is a problem, not something to ignore.
    bool checkKeys(const QJsonObject& object, const QStringList& allowed, const QString& where);
    // Trimmed; a required one must be there and not empty.
    bool readString(const QJsonObject& object, const QString& key, const QString& where, QString& out,
                    bool isRequired = true);
    // Absent: out keeps its default.
    bool readBool(const QJsonObject& object, const QString& key, const QString& where, bool& out);
    bool readInteger(const QJsonObject& object, const QString& key, const QString& where, int minimum,
                     int maximum, int& out, bool isRequired);
    bool readNumber(const QJsonObject& object, const QString& key, const QString& where,
                    std::optional<double>& out);
    bool readArray(const QJsonObject& object, const QString& key, const QString& where, QJsonArray& out,
                   bool isRequired = true);
    // A stable key stored in the case table: ASCII, starting lower-case ("personAware").
    bool readIdentifier(const QJsonObject& object, const QString& key, const QString& where, QString& out);
    // Each with a key and a label, no key twice.
    bool readChoices(const QJsonArray& array, const QString& where, QList<FieldDefinition::Choice>& out);

    // A name from the file as the problem sentences quote it.
    static QString quoted(const QString& text);

private:
    QString m_problem;
};

} // namespace confer
