#include "caseload/CaseRows.h"

#include "audit/AuditAction.h"
#include "caseload/CaseAccess.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace confer::caserows {

namespace {

// The case service's sentences keep their context, so translations made before the split still apply.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseService)
};

QVariantMap fieldsFromJson(const QString& json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object().toVariantMap();
}

// One value of a time-series field as stored text: lists as a JSON array, everything else as text.
QString valueText(const QVariant& value)
{
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromVariantList(value.toList())).toJson(QJsonDocument::Compact));
    if (value.typeId() == QMetaType::QDate)
        return isoDate(value.toDate());
    return value.toString();
}

const char* const SelectCase =
    "SELECT c.id, c.reference, c.panel_id, c.stage, c.stage_reason, c.risk, c.referral_date, c.referrer, "
    "c.referring_agency_id, c.referral_reason, c.lead_agency_id, c.lead_professional, c.next_review, "
    "c.marking, c.fields, c.created_utc, c.updated_utc, "
    "s.id, s.type, s.name, s.aliases, s.date_of_birth, s.gender, s.address, s.postcode "
    "FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.id = :id AND %1";

CaseRecord readCaseRow(const Statement& row)
{
    CaseRecord record;
    record.id = row.columnInt(0);
    record.reference = row.columnText(1);
    record.panelId = row.columnInt(2);
    record.stage = row.columnText(3);
    record.stageReason = row.columnText(4);
    record.risk = riskFromKey(row.columnText(5)).value_or(Risk::Unassessed);
    record.referralDate = QDate::fromString(row.columnText(6), Qt::ISODate);
    record.referrer = row.columnText(7);
    record.referringAgencyId = optionalId(row, 8);
    record.referralReason = row.columnText(9);
    record.leadAgencyId = optionalId(row, 10);
    record.leadProfessional = row.columnText(11);
    record.nextReview = optionalDate(row, 12);
    record.marking = markingFromKey(row.columnText(13)).value_or(Marking::OfficialSensitive);
    record.fields = fieldsFromJson(row.columnText(14));
    record.createdUtc = QDateTime::fromString(row.columnText(15), Qt::ISODateWithMs);
    record.updatedUtc = QDateTime::fromString(row.columnText(16), Qt::ISODateWithMs);
    Subject& subject = record.subject;
    subject.id = row.columnInt(17);
    subject.type = subjectTypeFromKey(row.columnText(18)).value_or(Subject::Type::Person);
    subject.name = row.columnText(19);
    subject.aliases = row.columnText(20);
    subject.dateOfBirth = optionalDate(row, 21);
    subject.gender = row.columnText(22);
    subject.address = row.columnText(23);
    subject.postcode = row.columnText(24);
    return record;
}

} // namespace

QString cleaned(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isNull() ? QStringLiteral("") : trimmed;
}

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

QString utcText(const QDateTime& utc)
{
    return utc.toString(Qt::ISODateWithMs);
}

std::optional<QDate> optionalDate(const Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return QDate::fromString(row.columnText(column), Qt::ISODate);
}

std::optional<qint64> optionalId(const Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return row.columnInt(column);
}

void bindOptional(Statement& statement, const char* name, const std::optional<qint64>& id)
{
    if (id)
        statement.bind(name, *id);
    else
        statement.bindNull(name);
}

void bindOptional(Statement& statement, const char* name, const std::optional<QDate>& date)
{
    if (date)
        statement.bind(name, isoDate(*date));
    else
        statement.bindNull(name);
}

QString fieldsToJson(const QVariantMap& fields)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(fields)).toJson(QJsonDocument::Compact));
}

Result<CaseRecord> readCase(Session& session, qint64 caseId)
{
    auto row = session.database().prepare(
        QString::fromLatin1(SelectCase).arg(CaseAccess(session).visibleCases(QStringLiteral("c"))));
    if (!row.ok())
        return row.error();
    row->bind(":id", caseId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::AccessDenied, Tr::tr("This case is not available to you."));
    return readCaseRow(*row);
}

Result<PanelFacts> readPanel(Database& db, qint64 panelId)
{
    auto row = db.prepare(QStringLiteral("SELECT kind, is_archived FROM panels WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", panelId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::AccessDenied, Tr::tr("This case is not available to you."));
    return PanelFacts{row->columnText(0), row->columnInt(1) != 0};
}

Result<const PanelKind*> kindOfPanel(Database& db, const PanelKindRegistry& kinds, qint64 panelId)
{
    auto panel = readPanel(db, panelId);
    if (!panel.ok())
        return panel.error();
    const PanelKind* kind = kinds.kind(panel->kindKey);
    if (!kind)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This panel is of a kind (“%1”) this copy of Confer does not know. Ask the "
                                "administrator to install its definition.")
                             .arg(panel->kindKey));
    return kind;
}

Result<LoadedCase> loadCase(Session& session, const PanelKindRegistry& kinds, qint64 caseId,
                            AuditAction attemptedAction)
{
    // Need-to-know first: nothing about the case is read for a user who may not see it.
    if (Status allowed = CaseAccess(session).requireCase(caseId, attemptedAction); !allowed.ok())
        return allowed.error();
    Database& db = session.database();
    auto record = readCase(session, caseId);
    if (!record.ok())
        return record.error();
    auto kind = kindOfPanel(db, kinds, record->panelId);
    if (!kind.ok())
        return kind.error();
    return LoadedCase{std::move(*record), *kind};
}

Status requireAgency(Database& db, const std::optional<qint64>& agencyId)
{
    if (!agencyId)
        return {};
    auto row = db.prepare(QStringLiteral("SELECT 1 FROM agencies WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", *agencyId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::InvalidInput, Tr::tr("That agency is not in the directory."));
    return {};
}

Status insertStageHistory(Database& db, qint64 caseId, const QString& from, const QString& to,
                          const QString& reason, qint64 userId, const QString& nowUtc)
{
    auto insert =
        db.prepare(QStringLiteral("INSERT INTO case_stage_history (case_id, from_stage, to_stage, reason, "
                                  "by_user_id, at_utc) VALUES (:case, :from, :to, :reason, :by, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":case", caseId)
        .bind(":from", from) // a null QString binds NULL: the first stage has none
        .bind(":to", to)
        .bind(":reason", reason.isNull() ? QStringLiteral("") : reason)
        .bind(":by", userId)
        .bind(":at", nowUtc);
    return insert->run();
}

Status insertFieldHistory(Database& db, qint64 caseId, const QString& field, const QVariant& value,
                          const QDate& on, qint64 userId, const QString& nowUtc)
{
    auto insert =
        db.prepare(QStringLiteral("INSERT INTO case_field_history (case_id, field, value, recorded_on, "
                                  "by_user_id, at_utc) VALUES (:case, :field, :value, :on, :by, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":case", caseId)
        .bind(":field", field)
        .bind(":value", valueText(value))
        .bind(":on", isoDate(on))
        .bind(":by", userId)
        .bind(":at", nowUtc);
    return insert->run();
}

} // namespace confer::caserows
