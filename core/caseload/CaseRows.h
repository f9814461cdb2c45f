#pragma once

#include "audit/AuditAction.h"
#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <QDate>
#include <QString>
#include <QVariant>

#include <optional>

namespace confer {

class Database;
class PanelKindRegistry;
class Session;
class Statement;
struct PanelKind;

// How a case is read from, and its history written to, the case tables: shared by the services that
// split the work on a case (CaseService, CaseLifecycle, SubjectRecords, ConsentRecords, ReviewSchedule).
namespace caserows {

// Free text as stored: trimmed, and never NULL (a null QString would bind NULL into a NOT NULL column).
QString cleaned(const QString& text);
QString isoDate(const QDate& date);
// "now" as every case table stores it.
QString utcText(const QDateTime& utc);
std::optional<QDate> optionalDate(const Statement& row, int column);
std::optional<qint64> optionalId(const Statement& row, int column);
void bindOptional(Statement& statement, const char* name, const std::optional<qint64>& id);
void bindOptional(Statement& statement, const char* name, const std::optional<QDate>& date);

QString fieldsToJson(const QVariantMap& fields);

// Reads a case the user may see (CaseAccess::visibleCases). Callers have passed CaseAccess::requireCase
// already, which audits a refusal; a case they may not see reads as not available.
Result<CaseRecord> readCase(Session& session, qint64 caseId);

struct PanelFacts {
    QString kindKey;
    bool isArchived = false;
};
Result<PanelFacts> readPanel(Database& db, qint64 panelId);
Result<const PanelKind*> kindOfPanel(Database& db, const PanelKindRegistry& kinds, qint64 panelId);

struct LoadedCase {
    CaseRecord record;
    const PanelKind* kind = nullptr;
};
// Checks need-to-know (auditing a refusal), then reads the case and its panel's kind.
Result<LoadedCase> loadCase(Session& session, const PanelKindRegistry& kinds, qint64 caseId,
                            AuditAction attemptedAction);

// An agency named on a case must be in the directory; no agency is fine.
Status requireAgency(Database& db, const std::optional<qint64>& agencyId);

// One row of the stage history: the first stage has no `from` (a null QString binds NULL).
Status insertStageHistory(Database& db, qint64 caseId, const QString& from, const QString& to,
                          const QString& reason, qint64 userId, const QString& nowUtc);
// One value of a time-series field, for the day it describes.
Status insertFieldHistory(Database& db, qint64 caseId, const QString& field, const QVariant& value,
                          const QDate& on, qint64 userId, const QString& nowUtc);

} // namespace caserows
} // namespace confer
