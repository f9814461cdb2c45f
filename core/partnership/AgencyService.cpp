#include "partnership/AgencyService.h"

#include "accounts/AccountService.h"
#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::AgencyService)
};

// Free text as stored: trimmed, and never NULL (a null QString would bind NULL into a NOT NULL column).
QString cleaned(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isNull() ? QStringLiteral("") : trimmed;
}

const char* const SelectAgency =
    "SELECT id, name, kind, isp_signatory, isp_signed_on, dp_registration, contact_name, contact_email, "
    "contact_phone, sector FROM agencies";

Agency readAgency(const Statement& row)
{
    Agency agency;
    agency.id = row.columnId<AgencyId>(0);
    agency.name = row.columnText(1);
    agency.kind = agencyKindFromKey(row.columnText(2)).value_or(Agency::Kind::Other);
    agency.ispSignatory = row.columnText(3);
    if (!row.isNull(4))
        agency.ispSignedOn = QDate::fromString(row.columnText(4), Qt::ISODate);
    agency.dataProtectionRegistration = row.columnText(5);
    agency.contactName = row.columnText(6);
    agency.contactEmail = row.columnText(7);
    agency.contactPhone = row.columnText(8);
    agency.sector = agencySectorFromKey(row.columnText(9)).value_or(AgencySector::Other);
    return agency;
}

QString agencyRecord(AgencyId id)
{
    return AuditRecord::ofAgency(id);
}

QString isoDateOrNull(const std::optional<QDate>& date)
{
    return date ? date->toString(Qt::ISODate) : QString();
}

} // namespace

AgencyService::AgencyService(Session& session)
    : m_session(session)
{}

Result<std::vector<Agency>> AgencyService::agencies() const
{
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectAgency) +
                                             QStringLiteral(" ORDER BY name COLLATE NOCASE"));
    if (!rows.ok())
        return rows.error();
    return rows->collect<Agency>(readAgency);
}

Result<Agency> AgencyService::agency(AgencyId id) const
{
    auto row =
        m_session.database().prepare(QString::fromLatin1(SelectAgency) + QStringLiteral(" WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That agency is not in the directory."));
    return readAgency(*row);
}

namespace {

// The directory is shared by every panel, so only those who keep it may change it.
Status requireMaintainer(Session& session, AuditAction action, const QString& record)
{
    const Role role = session.currentUser().role;
    if (role == Role::Administrator || role == Role::Coordinator)
        return {};
    (void)session.audit().append(session.currentUser().login, AuditAction::AccessDenied, record,
                                 auditActionKey(action));
    return makeError(ErrorCode::AccessDenied,
                     Tr::tr("Only an administrator or a coordinator can change the agency directory."));
}

Status validate(const Agency& agency, const QDate& today)
{
    if (agency.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the agency's name."));
    if (agency.ispSignedOn && (!agency.ispSignedOn->isValid() || *agency.ispSignedOn > today))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The date the information sharing protocol was signed is not a valid "
                                "date up to today."));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString contactEmail = agency.contactEmail.trimmed();
    if (!contactEmail.isEmpty() && !email.match(contactEmail).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The contact's email address does not look like an email address."));
    return {};
}

Error duplicateName()
{
    return makeError(ErrorCode::Conflict, Tr::tr("An agency with that name is already in the directory."));
}

bool isUniqueViolation(const Error& error)
{
    return error.detail.contains(QLatin1String("UNIQUE"));
}

void bindAgency(Statement& statement, const Agency& agency)
{
    statement.bind(":name", cleaned(agency.name))
        .bind(":kind", agencyKindKey(agency.kind))
        .bind(":sector", agencySectorKey(agency.sector))
        .bind(":signatory", cleaned(agency.ispSignatory))
        .bind(":signed", isoDateOrNull(agency.ispSignedOn))
        .bind(":dp", cleaned(agency.dataProtectionRegistration))
        .bind(":contact", cleaned(agency.contactName))
        .bind(":email", cleaned(agency.contactEmail))
        .bind(":phone", cleaned(agency.contactPhone));
}

} // namespace

Result<Agency> AgencyService::add(const Agency& agency)
{
    if (Status allowed = requireMaintainer(m_session, AuditAction::AgencyCreate, {}); !allowed.ok())
        return allowed.error();
    if (Status valid = validate(agency, m_session.clock().today()); !valid.ok())
        return valid.error();

    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO agencies (name, kind, sector, isp_signatory, isp_signed_on, dp_registration, "
        "contact_name, contact_email, contact_phone, created_utc) "
        "VALUES (:name, :kind, :sector, :signatory, :signed, :dp, :contact, :email, :phone, :at)"));
    if (!insert.ok())
        return insert.error();
    bindAgency(*insert, agency);
    insert->bind(":at", m_session.clock().nowUtc().toString(Qt::ISODateWithMs));
    if (Status run = insert->run(); !run.ok())
        return isUniqueViolation(run.error()) ? duplicateName() : run.error();
    const auto id = db.lastInsertId<AgencyId>();
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::AgencyCreate, agencyRecord(id),
            QStringLiteral("kind=%1 sector=%2")
                .arg(agencyKindKey(agency.kind), agencySectorKey(agency.sector)));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return this->agency(id);
}

Status AgencyService::update(const Agency& agency)
{
    if (Status allowed = requireMaintainer(m_session, AuditAction::AgencyUpdate, agencyRecord(agency.id));
        !allowed.ok())
        return allowed;
    auto existing = this->agency(agency.id);
    if (!existing.ok())
        return existing.error();
    if (Status valid = validate(agency, m_session.clock().today()); !valid.ok())
        return valid;

    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto change = db.prepare(QStringLiteral(
        "UPDATE agencies SET name = :name, kind = :kind, sector = :sector, isp_signatory = :signatory, "
        "isp_signed_on = :signed, dp_registration = :dp, contact_name = :contact, "
        "contact_email = :email, contact_phone = :phone WHERE id = :id"));
    if (!change.ok())
        return change.error();
    bindAgency(*change, agency);
    change->bind(":id", agency.id);
    if (Status run = change->run(); !run.ok())
        return isUniqueViolation(run.error()) ? Status(duplicateName()) : run;
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::AgencyUpdate,
                                                  agencyRecord(agency.id));
        !audited.ok())
        return audited;
    return tx.commit();
}

Status AgencyService::setUserAgency(UserId userId, std::optional<AgencyId> agencyId)
{
    // The users table is AccountService's to write; the agency's existence is this directory's to check.
    return m_session.accounts().setAgency(
        userId, agencyId, [&]() -> Status { return agencyId ? Status(agency(*agencyId)) : Status{}; });
}

Result<std::optional<AgencyId>> AgencyService::agencyOfUser(UserId userId) const
{
    auto row = m_session.database().prepare(QStringLiteral("SELECT agency_id FROM users WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", userId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That account does not exist."));
    return row->columnOptionalId<AgencyId>(0);
}

} // namespace confer
