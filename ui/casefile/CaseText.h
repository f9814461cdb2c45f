#pragma once

#include "caseload/CaseloadTypes.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace confer {

struct PanelKind;

// How a case file words its values for people: dates in the desktop's short form, and the names of
// subject types, consent and stages. Kept in one place so every tab and dialog says the same.
class CaseText final {
    Q_DECLARE_TR_FUNCTIONS(CaseText)
public:
    static QString date(const QDate& date);
    static QString date(const std::optional<QDate>& date); // "Not set" when empty
    static QString dateTime(const QDateTime& utc);         // local time, short form
    static QString subjectType(Subject::Type type);
    static QString consentState(Consent::State state);
    static QString consentGivenBy(Consent::GivenBy givenBy);
    static QString stageLabel(const PanelKind* kind, const QString& stageKey);
    static QString chronologyKind(ChronologyEntry::Kind kind);
    // A kind field's stored value as text: choice labels, "Yes"/"No", dates.
    static QString fieldValue(const PanelKind* kind, const QString& fieldKey, const QVariant& value);
    // Dates in kind fields are stored as ISO text; both that and QDate are accepted.
    static QDate fieldDate(const QVariant& value);
};

} // namespace confer
