#include "caseload/SubjectRecords.h"

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

namespace confer {

using namespace caserows;

namespace {

// The case service's sentences keep their context, so translations made before the split still apply.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseService)
};

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

Status requireTypeOfKind(const Subject& subject, const PanelKind& kind)
{
    if (kind.subjectTypes.contains(subjectTypeKey(subject.type)))
        return {};
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("Cases on this panel cannot be about %1.").arg(subjectTypeName(subject.type)));
}

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

} // namespace

SubjectRecords::SubjectRecords(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Status SubjectRecords::validate(const Subject& subject, const PanelKind& kind, const QDate& today)
{
    if (Status ofKind = requireTypeOfKind(subject, kind); !ofKind.ok())
        return ofKind;
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

QString SubjectRecords::searchText(const Subject& subject)
{
    return subject.aliases.trimmed().isEmpty()
               ? subject.name.trimmed()
               : subject.name.trimmed() + QLatin1Char(' ') + subject.aliases.trimmed();
}

Result<Subject> SubjectRecords::forNewCase(const Subject& requested, const PanelKind& kind)
{
    if (requested.id == 0) {
        if (Status valid = validate(requested, kind, m_session.clock().today()); !valid.ok())
            return valid.error();
        return requested;
    }
    auto known = readKnown(requested.id);
    if (!known.ok())
        return known.error();
    if (Status ofKind = requireTypeOfKind(*known, kind); !ofKind.ok())
        return ofKind.error();
    return known;
}

Result<Subject> SubjectRecords::readKnown(qint64 subjectId)
{
    Database& db = m_session.database();
    Subject subject;
    subject.id = subjectId;
    {
        // An existing subject joins this case only if the user already sees them on one of their
        // panels: their details must not reach someone outside those panels.
        auto isKnown = CaseAccess(m_session).seesSubject(subject.id);
        if (!isKnown.ok())
            return isKnown.error();
        if (!*isKnown) {
            (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied,
                                           AuditRecord::ofSubject(subject.id),
                                           auditActionKey(AuditAction::CaseCreate));
            return makeError(ErrorCode::AccessDenied,
                             Tr::tr("This person, household or place is not available to you."));
        }
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
    return subject;
}

Result<qint64> SubjectRecords::insert(const Subject& subject, const QString& nowUtc)
{
    Database& db = m_session.database();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO subjects (type, name, aliases, date_of_birth, gender, address, postcode, "
        "created_utc) VALUES (:type, :name, :aliases, :dob, :gender, :address, :postcode, :at)"));
    if (!insert.ok())
        return insert.error();
    bindSubject(*insert, subject);
    insert->bind(":at", nowUtc);
    if (Status run = insert->run(); !run.ok())
        return run.error();
    return db.lastInsertRowId();
}

Status SubjectRecords::update(qint64 caseId, const Subject& subject)
{
    auto loaded = loadCase(m_session, m_kinds, caseId, AuditAction::SubjectUpdate);
    if (!loaded.ok())
        return loaded.error();
    Database& db = m_session.database();
    const CaseRecord* current = &loaded->record;
    if (subject.id != 0 && subject.id != current->subject.id)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Those details belong to someone else, not this case."));
    if (Status valid = validate(subject, *loaded->kind, m_session.clock().today()); !valid.ok())
        return valid;

    const qint64 subjectId = current->subject.id;
    const QString now = utcText(m_session.clock().nowUtc());
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
    search->bind(":subject", searchText(subject))
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
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::SubjectUpdate,
                                                  AuditRecord::ofCase(current->reference),
                                                  AuditRecord::ofSubject(subjectId));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
