#include "caseload/CaseService.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace confer {

using namespace caserows;

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseService)
};

// The stored form of a field value, so that values read back from JSON compare equal to new ones.
QVariant normalised(const QVariant& value)
{
    return QJsonValue::fromVariant(value).toVariant();
}

// What a change of details touches, by column and field key (never the values): the audit detail.
struct DetailChanges {
    QStringList changed;
    QStringList changedTimeSeries; // time-series fields with a new value, each one more point in its history
};

DetailChanges changesOf(const CaseRecord& current, const PanelKind& kind, const CaseService::Details& details)
{
    DetailChanges result;
    QStringList& changed = result.changed;
    if (details.risk != current.risk)
        changed << QStringLiteral("risk");
    if (details.leadAgencyId != current.leadAgencyId)
        changed << QStringLiteral("leadAgency");
    if (details.leadProfessional.trimmed() != current.leadProfessional)
        changed << QStringLiteral("leadProfessional");
    if (details.nextReview != current.nextReview)
        changed << QStringLiteral("nextReview");
    if (details.marking != current.marking)
        changed << QStringLiteral("marking");
    if (details.referralReason.trimmed() != current.referralReason)
        changed << QStringLiteral("referralReason");
    for (const FieldDefinition& field : kind.fields) {
        const QVariant before = normalised(current.fields.value(field.key));
        const QVariant after = normalised(details.fields.value(field.key));
        if (before != after) {
            changed << QStringLiteral("fields.%1").arg(field.key);
            if (field.isTimeSeries && !after.isNull())
                result.changedTimeSeries << field.key;
        }
    }
    return result;
}

} // namespace

CaseService::CaseService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
    , m_lifecycle(session, kinds)
    , m_subjects(session, kinds)
    , m_consents(session, kinds)
    , m_reviews(session, kinds)
{}

Result<CaseRecord> CaseService::open(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, AuditAction::CaseView); !allowed.ok())
        return allowed.error();
    auto record = readCase(m_session, caseId);
    if (!record.ok())
        return record.error();
    // Every view is audited; a view that cannot be recorded is not shown.
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::CaseView,
                                                  AuditRecord::ofCase(record->reference));
        !audited.ok())
        return audited.error();
    return record;
}

Status CaseService::updateDetails(qint64 caseId, const Details& details)
{
    auto loaded = loadCase(m_session, m_kinds, caseId, AuditAction::CaseUpdate);
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    const PanelKind& kind = *loaded->kind;
    if (Status valid = kind.validateFields(details.fields); !valid.ok())
        return valid;
    if (Status known = requireAgency(db, details.leadAgencyId); !known.ok())
        return known;
    if (details.nextReview && !details.nextReview->isValid())
        return makeError(ErrorCode::InvalidInput, Tr::tr("The next review date is not a valid date."));

    // The audit detail names what changed (column and field keys), never the values.
    const DetailChanges changes = changesOf(*current, kind, details);
    const QStringList& changed = changes.changed;
    if (changed.isEmpty())
        return {};

    const QString now = utcText(m_session.clock().nowUtc());
    const qint64 userId = m_session.currentUser().id;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral(
        "UPDATE cases SET risk = :risk, lead_agency_id = :lead, lead_professional = :professional, "
        "next_review = :review, marking = :marking, fields = :fields, referral_reason = :reason, "
        "updated_utc = :at WHERE id = :id"));
    if (!update.ok())
        return update.error();
    update->bind(":risk", riskKey(details.risk))
        .bind(":professional", cleaned(details.leadProfessional))
        .bind(":marking", markingKey(details.marking))
        .bind(":fields", fieldsToJson(details.fields))
        .bind(":reason", cleaned(details.referralReason))
        .bind(":at", now)
        .bind(":id", caseId);
    bindOptional(*update, ":lead", details.leadAgencyId);
    bindOptional(*update, ":review", details.nextReview);
    if (Status run = update->run(); !run.ok())
        return run;
    // A time-series value changed here is one more point in its history, dated today.
    for (const QString& key : changes.changedTimeSeries) {
        if (Status recorded = insertFieldHistory(db, caseId, key, details.fields.value(key),
                                                 m_session.clock().today(), userId, now);
            !recorded.ok())
            return recorded;
    }
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::CaseUpdate,
                                     AuditRecord::ofCase(current->reference), changed.join(QLatin1Char(',')));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status CaseService::recordFieldValue(qint64 caseId, const QString& fieldKey, const QVariant& value,
                                     const QDate& on)
{
    auto loaded = loadCase(m_session, m_kinds, caseId, AuditAction::CaseField);
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    const PanelKind& kind = *loaded->kind;
    const FieldDefinition* field = kind.field(fieldKey);
    if (!field || !field->isTimeSeries)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("That field is not one recorded over time on this panel."));
    if (!value.isValid() || value.isNull() || value.toString().trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter a value for “%1”.").arg(field->label));
    const QDate today = m_session.clock().today();
    if (!on.isValid() || on > today)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the date of the value: a date up to today."));

    if (Status valid = kind.validateValue(fieldKey, value); !valid.ok())
        return valid;
    QVariantMap fields = current->fields;
    fields.insert(fieldKey, value);

    // The case shows the latest value; an older one only joins the history.
    auto newest = db.prepare(QStringLiteral(
        "SELECT max(recorded_on) FROM case_field_history WHERE case_id = :case AND field = :field"));
    if (!newest.ok())
        return newest.error();
    newest->bind(":case", caseId).bind(":field", fieldKey);
    auto hasRow = newest->step();
    if (!hasRow.ok())
        return hasRow.error();
    const bool isLatest = newest->isNull(0) || QDate::fromString(newest->columnText(0), Qt::ISODate) <= on;
    newest->reset();

    const QString now = utcText(m_session.clock().nowUtc());
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    if (Status recorded =
            insertFieldHistory(db, caseId, fieldKey, value, on, m_session.currentUser().id, now);
        !recorded.ok())
        return recorded;
    if (isLatest) {
        auto update =
            db.prepare(QStringLiteral("UPDATE cases SET fields = :fields, updated_utc = :at WHERE id = :id"));
        if (!update.ok())
            return update.error();
        update->bind(":fields", fieldsToJson(fields)).bind(":at", now).bind(":id", caseId);
        if (Status run = update->run(); !run.ok())
            return run;
    }
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::CaseField,
                                                  AuditRecord::ofCase(current->reference),
                                                  QStringLiteral("field=%1").arg(fieldKey));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
