#include "caseload/ConsentRecords.h"

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

Status validateConsent(const Consent& consent, const CaseRecord& current, const QDate& today)
{
    if (!consent.onDate.isValid() || consent.onDate > today)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Enter the date of the consent decision: a date up to today."));
    // Channel: a child's consent is given (or refused, or withdrawn) by a parent or guardian.
    const std::optional<QDate>& born = current.subject.dateOfBirth;
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
    return {};
}

} // namespace

ConsentRecords::ConsentRecords(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Status ConsentRecords::record(qint64 caseId, const Consent& consent)
{
    auto loaded = loadCase(m_session, m_kinds, caseId, AuditAction::CaseConsent);
    if (!loaded.ok())
        return loaded.error();
    if (!loaded->kind->usesConsent)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Cases on this panel do not record consent."));
    if (Status valid = validateConsent(consent, loaded->record, m_session.clock().today()); !valid.ok())
        return valid;

    const QString givenBy = consentGivenByKey(consent.givenBy);
    const QString state = consentStateKey(consent.state);
    Database& db = m_session.database();
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
        .bind(":at", utcText(m_session.clock().nowUtc()));
    if (Status run = insert->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::CaseConsent,
                                                  AuditRecord::ofCase(loaded->record.reference),
                                                  QStringLiteral("%1 by %2").arg(state, givenBy));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<std::vector<Consent>> ConsentRecords::list(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, AuditAction::CaseConsentRead);
        !allowed.ok())
        return allowed.error();
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT k.id, k.given_by, k.given_by_name, k.state, k.on_date, k.scope, k.at_utc "
                       "FROM consents k JOIN cases c ON c.id = k.case_id "
                       "WHERE k.case_id = :case AND %1 ORDER BY k.on_date, k.id")
            .arg(CaseAccess(m_session).visibleCases(QStringLiteral("c"))));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return rows->collect<Consent>([](const Statement& row) {
        Consent consent;
        consent.id = row.columnInt(0);
        consent.givenBy = consentGivenByFromKey(row.columnText(1)).value_or(Consent::GivenBy::Individual);
        consent.givenByName = row.columnText(2);
        consent.state = consentStateFromKey(row.columnText(3)).value_or(Consent::State::Withdrawn);
        consent.onDate = QDate::fromString(row.columnText(4), Qt::ISODate);
        consent.scope = row.columnText(5);
        consent.atUtc = QDateTime::fromString(row.columnText(6), Qt::ISODateWithMs);
        return consent;
    });
}

Result<std::optional<Consent::State>> ConsentRecords::latestState(Database& db, qint64 caseId)
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
    // A state this code cannot read counts as withdrawn: it never opens a gate.
    return std::optional<Consent::State>(
        consentStateFromKey(row->columnText(0)).value_or(Consent::State::Withdrawn));
}

} // namespace confer
