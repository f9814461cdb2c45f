#include "caseload/CaseService.h"

#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelMembership.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseService)
};

// Free text as stored: trimmed, and never NULL (a null QString would bind NULL into a NOT NULL column).
QString cleaned(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isNull() ? QStringLiteral("") : trimmed;
}

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
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

// Audit records name a case by its reference: readable in the trail, and not personal.
QString caseRecord(const QString& reference)
{
    return QStringLiteral("case:%1").arg(reference);
}

QString fieldsToJson(const QVariantMap& fields)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(fields)).toJson(QJsonDocument::Compact));
}

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
    "FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.id = :id";

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

// Reads a case with no access check: callers have passed CaseAccess already.
Result<CaseRecord> readCase(Database& db, qint64 caseId)
{
    auto row = db.prepare(QString::fromLatin1(SelectCase));
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

struct PanelFacts {
    QString kindKey;
    bool isArchived = false;
};

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

QString subjectTypeName(Subject::Type type)
{
    switch (type) {
    case Subject::Type::Person:
        return Tr::tr("a person");
    case Subject::Type::Household:
        return Tr::tr("a household");
    case Subject::Type::Location:
        return Tr::tr("a location");
    }
    return {};
}

// Data minimisation: only the subject types a kind works with, and for a household or a location no
// personal details that belong to a person.
// The subject's columns, as insert and update both write them.
void bindSubject(Statement& statement, const Subject& subject)
{
    statement.bind(":type", subjectTypeKey(subject.type))
        .bind(":name", cleaned(subject.name))
        .bind(":aliases", cleaned(subject.aliases))
        .bind(":gender", cleaned(subject.gender))
        .bind(":address", cleaned(subject.address))
        .bind(":postcode", cleaned(subject.postcode.toUpper()));
    bindOptional(statement, ":dob", subject.dateOfBirth);
}

Status validateSubject(const Subject& subject, const PanelKind& kind, const QDate& today)
{
    if (!kind.subjectTypes.contains(subjectTypeKey(subject.type)))
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("Cases on this panel cannot be about %1.").arg(subjectTypeName(subject.type)));
    if (subject.name.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidInput, subject.type == Subject::Type::Location
                                                      ? Tr::tr("Describe the location.")
                                                      : Tr::tr("Enter the name."));
    }
    if (subject.type != Subject::Type::Person) {
        if (subject.dateOfBirth || !subject.gender.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("A date of birth and a gender are recorded only for a person."));
        return {};
    }
    if (subject.dateOfBirth && (!subject.dateOfBirth->isValid() || *subject.dateOfBirth > today ||
                                subject.dateOfBirth->year() < 1900))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The date of birth is not a valid date up to today."));
    return {};
}

QString searchableSubject(const Subject& subject)
{
    return subject.aliases.trimmed().isEmpty()
               ? subject.name.trimmed()
               : subject.name.trimmed() + QLatin1Char(' ') + subject.aliases.trimmed();
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

// "<PREFIX>-<YEAR>-<NNNN>", numbered per prefix and year; more digits once 9999 is passed. Runs
// inside the creating transaction (BEGIN IMMEDIATE), so two creations cannot take the same number.
Result<QString> nextReference(Database& db, const QString& prefix, int year)
{
    const QString head = QStringLiteral("%1-%2-").arg(prefix).arg(year);
    QString upper = head;
    upper[upper.size() - 1] = QLatin1Char('.'); // the character after '-': the range uses the index
    auto row = db.prepare(QStringLiteral("SELECT max(CAST(substr(reference, :from) AS INTEGER)) FROM cases "
                                         "WHERE reference > :head AND reference < :upper"));
    if (!row.ok())
        return row.error();
    row->bind(":from", static_cast<qint64>(head.size() + 1)).bind(":head", head).bind(":upper", upper);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const qint64 last = row->isNull(0) ? 0 : row->columnInt(0);
    return QString(head + QStringLiteral("%1").arg(last + 1, 4, 10, QLatin1Char('0')));
}

// The gates a transition names; kept in one place so the definition's spelling is read once.
QStringList gatesOf(const Transition& transition)
{
    return transition.requiredGates;
}

Result<std::optional<Consent::State>> latestConsentState(Database& db, qint64 caseId)
{
    auto row = db.prepare(QStringLiteral(
        "SELECT state FROM consents WHERE case_id = :case ORDER BY on_date DESC, id DESC LIMIT 1"));
    if (!row.ok())
        return row.error();
    row->bind(":case", caseId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return std::optional<Consent::State>();
    const QString state = row->columnText(0);
    if (state == QLatin1String("given"))
        return std::optional<Consent::State>(Consent::State::Given);
    if (state == QLatin1String("refused"))
        return std::optional<Consent::State>(Consent::State::Refused);
    return std::optional<Consent::State>(Consent::State::Withdrawn);
}

// Why the move is blocked, or an empty string when every gate holds. An unknown gate blocks: a
// definition newer than this code must not open a door the code cannot check.
Result<QString> unmetGate(Database& db, qint64 caseId, const Transition& transition, const QString& toLabel)
{
    for (const QString& gate : gatesOf(transition)) {
        if (gate == QLatin1String("consent")) {
            auto consent = latestConsentState(db, caseId);
            if (!consent.ok())
                return consent.error();
            if (!*consent)
                return Tr::tr("A case cannot move into “%1” without recorded consent.").arg(toLabel);
            if (**consent == Consent::State::Refused)
                return Tr::tr("A case cannot move into “%1”: consent was refused.").arg(toLabel);
            if (**consent == Consent::State::Withdrawn)
                return Tr::tr("A case cannot move into “%1”: consent has been withdrawn.").arg(toLabel);
            continue;
        }
        return Tr::tr("A case cannot move into “%1”: this copy of Confer cannot check the condition “%2”.")
            .arg(toLabel, gate);
    }
    return QString();
}

std::optional<QDate> nextReviewAfterMove(const PanelKind& kind, const StageDefinition& stage, const QDate& on)
{
    if (stage.isClosed || kind.reviewEveryDays <= 0)
        return std::nullopt;
    return on.addDays(kind.reviewEveryDays);
}

Status scheduleReviews(Database& db, const PanelKind& kind, qint64 caseId, const QString& stage,
                       const QDate& on, const QString& nowUtc)
{
    for (const ScheduledReview& review : kind.reviewsOnEnter.value(stage)) {
        auto insert = db.prepare(QStringLiteral("INSERT INTO scheduled_reviews (case_id, label, due_date, "
                                                "created_utc) VALUES (:case, :label, :due, :at)"));
        if (!insert.ok())
            return insert.error();
        insert->bind(":case", caseId)
            .bind(":label", review.label)
            .bind(":due", isoDate(on.addMonths(review.afterMonths)))
            .bind(":at", nowUtc);
        if (Status run = insert->run(); !run.ok())
            return run;
    }
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

// The stored form of a field value, so that values read back from JSON compare equal to new ones.
QVariant normalised(const QVariant& value)
{
    return QJsonValue::fromVariant(value).toVariant();
}

} // namespace

CaseService::CaseService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<CaseRecord> CaseService::create(const NewCase& request)
{
    if (Status member = PanelMembership(m_session).requireMember(request.panelId, QStringLiteral("case.create"),
                                                  QStringLiteral("panel:%1").arg(request.panelId));
        !member.ok())
        return member.error();

    Database& db = m_session.database();
    const QDate today = m_session.clock().today();
    auto panel = readPanel(db, request.panelId);
    if (!panel.ok())
        return panel.error();
    if (panel->isArchived)
        return makeError(ErrorCode::InvalidInput, Tr::tr("This panel is archived and takes no new cases."));
    auto kindOrError = kindOfPanel(db, m_kinds, request.panelId);
    if (!kindOrError.ok())
        return kindOrError.error();
    const PanelKind& kind = **kindOrError;
    const StageDefinition* initial = kind.stage(kind.initialStage);
    if (!initial)
        return makeError(ErrorCode::InvalidInput, Tr::tr("This panel's kind names no first stage."));

    Subject subject = request.subject;
    if (subject.id != 0) {
        // An existing subject joins this case only if the user already sees them on one of their
        // panels: their details must not reach someone outside those panels.
        auto isKnown = CaseAccess(m_session).seesSubject(subject.id);
        if (!isKnown.ok())
            return isKnown.error();
        if (!*isKnown) {
            (void)m_session.audit().append(m_session.currentUser().login, QStringLiteral("access.denied"),
                                           QStringLiteral("subject:%1").arg(subject.id),
                                           QStringLiteral("case.create"));
            return makeError(ErrorCode::AccessDenied,
                             Tr::tr("This person, household or place is not available to you."));
        }
        auto existing = db.prepare(QStringLiteral("SELECT type, name, aliases, date_of_birth, gender, "
                                                  "address, postcode FROM subjects WHERE id = :id"));
        if (!existing.ok())
            return existing.error();
        existing->bind(":id", subject.id);
        if (auto found = existing->step(); !found.ok() || !*found)
            return found.ok() ? makeError(ErrorCode::NotFound, Tr::tr("That subject does not exist."))
                              : found.error();
        subject.type = subjectTypeFromKey(existing->columnText(0)).value_or(Subject::Type::Person);
        subject.name = existing->columnText(1);
        subject.aliases = existing->columnText(2);
        subject.dateOfBirth = optionalDate(*existing, 3);
        subject.gender = existing->columnText(4);
        subject.address = existing->columnText(5);
        subject.postcode = existing->columnText(6);
        existing->reset();
        if (!kind.subjectTypes.contains(subjectTypeKey(subject.type)))
            return makeError(
                ErrorCode::InvalidInput,
                Tr::tr("Cases on this panel cannot be about %1.").arg(subjectTypeName(subject.type)));
    } else if (Status valid = validateSubject(subject, kind, today); !valid.ok()) {
        return valid.error();
    }

    if (!request.referralDate.isValid() || request.referralDate > today)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the referral date: a date up to today."));
    if (Status known = requireAgency(db, request.referringAgencyId); !known.ok())
        return known.error();
    if (Status known = requireAgency(db, request.leadAgencyId); !known.ok())
        return known.error();
    if (Status valid = kind.validateFields(request.fields); !valid.ok())
        return valid.error();

    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    const qint64 userId = m_session.currentUser().id;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();

    if (subject.id == 0) {
        auto insert = db.prepare(QStringLiteral(
            "INSERT INTO subjects (type, name, aliases, date_of_birth, gender, address, postcode, "
            "created_utc) VALUES (:type, :name, :aliases, :dob, :gender, :address, :postcode, :at)"));
        if (!insert.ok())
            return insert.error();
        bindSubject(*insert, subject);
        insert->bind(":at", now);
        if (Status run = insert->run(); !run.ok())
            return run.error();
        subject.id = db.lastInsertRowId();
    }

    auto reference = nextReference(db, kind.referencePrefix, today.year());
    if (!reference.ok())
        return reference.error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO cases (reference, panel_id, subject_id, stage, risk, referral_date, referrer, "
        "referring_agency_id, referral_reason, lead_agency_id, lead_professional, next_review, marking, "
        "fields, "
        "created_utc, updated_utc) VALUES (:reference, :panel, :subject, :stage, :risk, :referral, "
        ":referrer, "
        ":referring, :reason, :lead, :professional, :review, :marking, :fields, :at, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":reference", *reference)
        .bind(":panel", request.panelId)
        .bind(":subject", subject.id)
        .bind(":stage", kind.initialStage)
        .bind(":risk", riskKey(request.risk))
        .bind(":referral", isoDate(request.referralDate))
        .bind(":referrer", cleaned(request.referrer))
        .bind(":reason", cleaned(request.referralReason))
        .bind(":professional", cleaned(request.leadProfessional))
        .bind(":marking", markingKey(request.marking))
        .bind(":fields", fieldsToJson(request.fields))
        .bind(":at", now);
    bindOptional(*insert, ":referring", request.referringAgencyId);
    bindOptional(*insert, ":lead", request.leadAgencyId);
    bindOptional(*insert, ":review", nextReviewAfterMove(kind, *initial, today));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    const qint64 caseId = db.lastInsertRowId();

    auto search = db.prepare(QStringLiteral("INSERT INTO case_search (rowid, reference, subject, postcode) "
                                            "VALUES (:id, :reference, :subject, :postcode)"));
    if (!search.ok())
        return search.error();
    search->bind(":id", caseId)
        .bind(":reference", *reference)
        .bind(":subject", searchableSubject(subject))
        .bind(":postcode", cleaned(subject.postcode.toUpper()));
    if (Status run = search->run(); !run.ok())
        return run.error();

    if (Status history = insertStageHistory(db, caseId, QString(), kind.initialStage, {}, userId, now);
        !history.ok())
        return history.error();
    if (Status scheduled = scheduleReviews(db, kind, caseId, kind.initialStage, today, now); !scheduled.ok())
        return scheduled.error();
    for (auto it = request.fields.cbegin(); it != request.fields.cend(); ++it) {
        const FieldDefinition* field = kind.field(it.key());
        if (field && field->isTimeSeries && !it.value().isNull()) {
            if (Status recorded =
                    insertFieldHistory(db, caseId, it.key(), it.value(), request.referralDate, userId, now);
                !recorded.ok())
                return recorded.error();
        }
    }
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, QStringLiteral("case.create"),
                                     caseRecord(*reference), QStringLiteral("panel:%1").arg(request.panelId));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return readCase(db, caseId);
}

Result<CaseRecord> CaseService::open(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, QStringLiteral("case.view"));
        !allowed.ok())
        return allowed.error();
    auto record = readCase(m_session.database(), caseId);
    if (!record.ok())
        return record.error();
    // Every view is audited; a view that cannot be recorded is not shown.
    if (Status audited = m_session.audit().append(m_session.currentUser().login, QStringLiteral("case.view"),
                                                  caseRecord(record->reference));
        !audited.ok())
        return audited.error();
    return record;
}

Result<CaseService::LoadedCase> CaseService::loadForCall(qint64 caseId, const QString& attemptedAction)
{
    // Need-to-know first: nothing about the case is read for a user who may not see it.
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, attemptedAction); !allowed.ok())
        return allowed.error();
    Database& db = m_session.database();
    auto record = readCase(db, caseId);
    if (!record.ok())
        return record.error();
    auto kind = kindOfPanel(db, m_kinds, record->panelId);
    if (!kind.ok())
        return kind.error();
    return LoadedCase{std::move(*record), *kind};
}

Status CaseService::updateDetails(qint64 caseId, const Details& details)
{
    auto loaded = loadForCall(caseId, QStringLiteral("case.update"));
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
    QStringList changed;
    if (details.risk != current->risk)
        changed << QStringLiteral("risk");
    if (details.leadAgencyId != current->leadAgencyId)
        changed << QStringLiteral("leadAgency");
    if (details.leadProfessional.trimmed() != current->leadProfessional)
        changed << QStringLiteral("leadProfessional");
    if (details.nextReview != current->nextReview)
        changed << QStringLiteral("nextReview");
    if (details.marking != current->marking)
        changed << QStringLiteral("marking");
    if (details.referralReason.trimmed() != current->referralReason)
        changed << QStringLiteral("referralReason");
    QStringList changedTimeSeries;
    for (const FieldDefinition& field : kind.fields) {
        const QVariant before = normalised(current->fields.value(field.key));
        const QVariant after = normalised(details.fields.value(field.key));
        if (before != after) {
            changed << QStringLiteral("fields.%1").arg(field.key);
            if (field.isTimeSeries && !after.isNull())
                changedTimeSeries << field.key;
        }
    }
    if (changed.isEmpty())
        return {};

    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
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
    for (const QString& key : changedTimeSeries) {
        if (Status recorded = insertFieldHistory(db, caseId, key, details.fields.value(key),
                                                 m_session.clock().today(), userId, now);
            !recorded.ok())
            return recorded;
    }
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, QStringLiteral("case.update"),
                                     caseRecord(current->reference), changed.join(QLatin1Char(',')));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status CaseService::updateSubject(qint64 caseId, const Subject& subject)
{
    auto loaded = loadForCall(caseId, QStringLiteral("subject.update"));
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    const PanelKind& kind = *loaded->kind;
    if (subject.id != 0 && subject.id != current->subject.id)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Those details belong to someone else, not this case."));
    if (Status valid = validateSubject(subject, kind, m_session.clock().today()); !valid.ok())
        return valid;

    const qint64 subjectId = current->subject.id;
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral(
        "UPDATE subjects SET type = :type, name = :name, aliases = :aliases, date_of_birth = :dob, "
        "gender = :gender, address = :address, postcode = :postcode WHERE id = :id"));
    if (!update.ok())
        return update.error();
    bindSubject(*update, subject);
    update->bind(":id", subjectId);
    if (Status run = update->run(); !run.ok())
        return run;
    // The subject may be on cases in several panels: every one of them must be found by the new name.
    auto search = db.prepare(QStringLiteral("UPDATE case_search SET subject = :subject, postcode = :postcode "
                                            "WHERE rowid IN (SELECT id FROM cases WHERE subject_id = :id)"));
    if (!search.ok())
        return search.error();
    search->bind(":subject", searchableSubject(subject))
        .bind(":postcode", cleaned(subject.postcode.toUpper()))
        .bind(":id", subjectId);
    if (Status run = search->run(); !run.ok())
        return run;
    auto touch = db.prepare(QStringLiteral("UPDATE cases SET updated_utc = :at WHERE id = :id"));
    if (!touch.ok())
        return touch.error();
    touch->bind(":at", now).bind(":id", caseId);
    if (Status run = touch->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, QStringLiteral("subject.update"), caseRecord(current->reference),
            QStringLiteral("subject:%1").arg(subjectId));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status CaseService::recordFieldValue(qint64 caseId, const QString& fieldKey, const QVariant& value,
                                     const QDate& on)
{
    auto loaded = loadForCall(caseId, QStringLiteral("case.field"));
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

    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
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
    if (Status audited = m_session.audit().append(m_session.currentUser().login, QStringLiteral("case.field"),
                                                  caseRecord(current->reference),
                                                  QStringLiteral("field=%1").arg(fieldKey));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<std::vector<CaseService::StageOption>> CaseService::stageOptions(qint64 caseId)
{
    auto loaded = loadForCall(caseId, QStringLiteral("case.stages"));
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    const PanelKind& kind = *loaded->kind;
    std::vector<StageOption> options;
    for (const QString& next : kind.nextStages(current->stage)) {
        const StageDefinition* stage = kind.stage(next);
        const Transition* transition = kind.transition(current->stage, next);
        if (!stage || !transition)
            continue;
        StageOption option;
        option.stage = next;
        option.label = stage->label;
        option.needsReason = stage->needsReason;
        auto blocked = unmetGate(db, caseId, *transition, stage->label);
        if (!blocked.ok())
            return blocked.error();
        option.isAllowed = blocked->isEmpty();
        option.blockedBecause = *blocked;
        options.push_back(option);
    }
    return options;
}

Status CaseService::moveStage(qint64 caseId, const QString& toStage, const QString& reason)
{
    auto loaded = loadForCall(caseId, QStringLiteral("case.stage"));
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    const PanelKind& kind = *loaded->kind;

    const StageDefinition* target = kind.stage(toStage);
    if (!target)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("There is no stage “%1” on this panel.").arg(toStage));
    const Transition* transition = kind.transition(current->stage, toStage);
    if (!transition) {
        const StageDefinition* from = kind.stage(current->stage);
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("A case cannot move from “%1” to “%2”.")
                             .arg(from ? from->label : current->stage, target->label));
    }
    auto blocked = unmetGate(db, caseId, *transition, target->label);
    if (!blocked.ok())
        return blocked.error();
    if (!blocked->isEmpty())
        return makeError(ErrorCode::InvalidInput, *blocked);

    QString storedReason = cleaned(reason);
    if (target->needsReason) {
        if (storedReason.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("Give the reason for moving the case to “%1”.").arg(target->label));
        if (!target->reasons.isEmpty()) {
            // A reason from the list is stored by its key, whichever the caller gave.
            const auto chosen =
                std::find_if(target->reasons.cbegin(), target->reasons.cend(), [&](const auto& choice) {
                    return choice.key == storedReason || choice.label == storedReason;
                });
            if (chosen == target->reasons.cend())
                return makeError(ErrorCode::InvalidInput,
                                 Tr::tr("Choose one of the reasons offered for “%1”.").arg(target->label));
            storedReason = chosen->key;
        }
    }

    const QDate today = m_session.clock().today();
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral("UPDATE cases SET stage = :stage, stage_reason = :reason, "
                                            "next_review = :review, updated_utc = :at WHERE id = :id"));
    if (!update.ok())
        return update.error();
    update->bind(":stage", toStage).bind(":reason", storedReason).bind(":at", now).bind(":id", caseId);
    bindOptional(*update, ":review", nextReviewAfterMove(kind, *target, today));
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status history = insertStageHistory(db, caseId, current->stage, toStage, storedReason,
                                            m_session.currentUser().id, now);
        !history.ok())
        return history;
    if (Status scheduled = scheduleReviews(db, kind, caseId, toStage, today, now); !scheduled.ok())
        return scheduled;
    if (Status audited = m_session.audit().append(m_session.currentUser().login, QStringLiteral("case.stage"),
                                                  caseRecord(current->reference),
                                                  QStringLiteral("%1->%2").arg(current->stage, toStage));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status CaseService::recordConsent(qint64 caseId, const Consent& consent)
{
    auto loaded = loadForCall(caseId, QStringLiteral("case.consent"));
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    const PanelKind& kind = *loaded->kind;
    if (!kind.usesConsent)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Cases on this panel do not record consent."));
    const QDate today = m_session.clock().today();
    if (!consent.onDate.isValid() || consent.onDate > today)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Enter the date of the consent decision: a date up to today."));
    // Channel: a child's consent is given (or refused, or withdrawn) by a parent or guardian.
    const std::optional<QDate>& born = current->subject.dateOfBirth;
    const bool isChildOnThatDate = born && born->addYears(18) > consent.onDate;
    if (isChildOnThatDate && consent.givenBy != Consent::GivenBy::ParentGuardian)
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("The person was under 18 on that date, so consent is a decision for a parent or "
                   "guardian. Record it as given by them."));
    if (consent.givenBy == Consent::GivenBy::ParentGuardian && consent.givenByName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the name of the parent or guardian."));
    if (consent.state == Consent::State::Given && consent.scope.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Say what the consent covers: the support, and which agencies may share "
                                "information."));

    const QString givenBy = consent.givenBy == Consent::GivenBy::ParentGuardian
                                ? QStringLiteral("parent_guardian")
                                : QStringLiteral("individual");
    const QString state = consent.state == Consent::State::Given     ? QStringLiteral("given")
                          : consent.state == Consent::State::Refused ? QStringLiteral("refused")
                                                                     : QStringLiteral("withdrawn");
    const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto insert =
        db.prepare(QStringLiteral("INSERT INTO consents (case_id, given_by, given_by_name, state, on_date, "
                                  "scope, by_user_id, at_utc) VALUES (:case, :by, :name, :state, :on, "
                                  ":scope, :user, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":case", caseId)
        .bind(":by", givenBy)
        .bind(":name", cleaned(consent.givenByName))
        .bind(":state", state)
        .bind(":on", isoDate(consent.onDate))
        .bind(":scope", cleaned(consent.scope))
        .bind(":user", m_session.currentUser().id)
        .bind(":at", now);
    if (Status run = insert->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, QStringLiteral("case.consent"), caseRecord(current->reference),
            QStringLiteral("%1 by %2").arg(state, givenBy));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<std::vector<Consent>> CaseService::consents(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, QStringLiteral("case.consent.read"));
        !allowed.ok())
        return allowed.error();
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT id, given_by, given_by_name, state, on_date, scope, at_utc FROM consents "
                       "WHERE case_id = :case ORDER BY on_date, id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return rows->collect<Consent>([](const Statement& row) {
        Consent consent;
        consent.id = row.columnInt(0);
        consent.givenBy = row.columnText(1) == QLatin1String("parent_guardian")
                              ? Consent::GivenBy::ParentGuardian
                              : Consent::GivenBy::Individual;
        consent.givenByName = row.columnText(2);
        const QString state = row.columnText(3);
        consent.state = state == QLatin1String("given")     ? Consent::State::Given
                        : state == QLatin1String("refused") ? Consent::State::Refused
                                                            : Consent::State::Withdrawn;
        consent.onDate = QDate::fromString(row.columnText(4), Qt::ISODate);
        consent.scope = row.columnText(5);
        consent.atUtc = QDateTime::fromString(row.columnText(6), Qt::ISODateWithMs);
        return consent;
    });
}

Result<std::vector<ScheduledReviewRecord>> CaseService::scheduledReviews(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, QStringLiteral("case.reviews"));
        !allowed.ok())
        return allowed.error();
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT id, case_id, label, due_date, completed_on, outcome FROM scheduled_reviews "
                       "WHERE case_id = :case ORDER BY due_date, id"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return rows->collect<ScheduledReviewRecord>([](const Statement& row) {
        ScheduledReviewRecord review;
        review.id = row.columnInt(0);
        review.caseId = row.columnInt(1);
        review.label = row.columnText(2);
        review.dueDate = QDate::fromString(row.columnText(3), Qt::ISODate);
        review.completedOn = optionalDate(row, 4);
        review.outcome = row.columnText(5);
        return review;
    });
}

Status CaseService::completeReview(qint64 reviewId, const QDate& on, const QString& outcome)
{
    Database& db = m_session.database();
    auto row = db.prepare(
        QStringLiteral("SELECT case_id, completed_on IS NOT NULL FROM scheduled_reviews WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", reviewId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow) {
        // Nothing to say about a review that does not exist, beyond what a denial says.
        (void)m_session.audit().append(m_session.currentUser().login, QStringLiteral("access.denied"),
                                       QStringLiteral("review:%1").arg(reviewId),
                                       QStringLiteral("case.review: no such review"));
        return makeError(ErrorCode::AccessDenied, Tr::tr("This case is not available to you."));
    }
    const qint64 caseId = row->columnInt(0);
    const bool isCompleted = row->columnInt(1) != 0;
    row->reset();
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, QStringLiteral("case.review"));
        !allowed.ok())
        return allowed;
    if (isCompleted)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This review has already been recorded as complete."));
    const QDate today = m_session.clock().today();
    if (!on.isValid() || on > today)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Enter the date of the review: a date up to today."));
    if (outcome.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Record the outcome of the review."));
    auto current = readCase(db, caseId);
    if (!current.ok())
        return current.error();

    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update =
        db.prepare(QStringLiteral("UPDATE scheduled_reviews SET completed_on = :on, outcome = :outcome "
                                  "WHERE id = :id AND completed_on IS NULL"));
    if (!update.ok())
        return update.error();
    update->bind(":on", isoDate(on)).bind(":outcome", cleaned(outcome)).bind(":id", reviewId);
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, QStringLiteral("case.review"), caseRecord(current->reference),
            QStringLiteral("review:%1").arg(reviewId));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
