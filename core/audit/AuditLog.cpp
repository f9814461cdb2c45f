#include "audit/AuditLog.h"

#include "common/Clock.h"
#include "crypto/Sodium.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>

#include <sodium.h>

namespace confer {

namespace {

constexpr int HashSize = crypto_auth_hmacsha256_BYTES;
const char AuditKeyContext[crypto_kdf_CONTEXTBYTES + 1] = "ConfAudt";

QString trAudit(const char* text)
{
    return QCoreApplication::translate("confer::AuditLog", text);
}

// Length-prefixed fields, so no two different events share a canonical form.
void appendField(QByteArray& out, const QByteArray& field)
{
    const quint32 size = static_cast<quint32>(field.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((size >> shift) & 0xff));
    out.append(field);
}

QString isoUtc(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

AuditEvent readEvent(const Statement& row)
{
    AuditEvent event;
    event.sequence = row.columnInt(0);
    event.atUtc = QDateTime::fromString(row.columnText(1), Qt::ISODateWithMs);
    event.actor = row.columnText(2);
    event.action = row.columnText(3);
    event.record = row.columnText(4);
    event.detail = row.columnText(5);
    event.previousHash = row.columnBlob(6);
    event.hash = row.columnBlob(7);
    return event;
}

const char* const SelectColumns =
    "SELECT seq, at_utc, actor, action, record, detail, prev_hash, hash FROM audit_events";

} // namespace

AuditLog::AuditLog(Database& db, SecureBytes auditKey, const Clock& clock, AnchorSink anchorSink)
    : m_db(db)
    , m_key(std::move(auditKey))
    , m_clock(clock)
    , m_anchorSink(std::move(anchorSink))
{
    m_head = readHead();
    m_db.setTransactionListener([this](bool isCommitted) { isCommitted ? onCommitted() : onRolledBack(); });
}

AuditLog::~AuditLog()
{
    m_db.setTransactionListener({});
}

SecureBytes AuditLog::deriveAuditKey(const SecureBytes& storeKey)
{
    ensureSodium();
    SecureBytes key(crypto_auth_hmacsha256_KEYBYTES);
    crypto_kdf_derive_from_key(key.data(), key.size(), 1, AuditKeyContext, storeKey.data());
    return key;
}

QByteArray AuditLog::computeHash(const AuditEvent& event) const
{
    QByteArray canonical;
    appendField(canonical, QByteArrayLiteral("confer-audit-v1"));
    appendField(canonical, QByteArray::number(event.sequence));
    appendField(canonical, isoUtc(event.atUtc).toUtf8());
    appendField(canonical, event.actor.toUtf8());
    appendField(canonical, event.action.toUtf8());
    appendField(canonical, event.record.toUtf8());
    appendField(canonical, event.detail.toUtf8());
    appendField(canonical, event.previousHash);

    QByteArray mac(HashSize, '\0');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(canonical.constData()),
                           static_cast<unsigned long long>(canonical.size()), m_key.data());
    return mac;
}

Status AuditLog::append(const QString& actor, const QString& action, const QString& record,
                        const QString& detail)
{
    AuditEvent event;
    event.sequence = m_head.sequence + 1;
    // Millisecond precision, as stored; the hash must see exactly what a later read sees.
    event.atUtc = QDateTime::fromString(isoUtc(m_clock.nowUtc()), Qt::ISODateWithMs);
    event.actor = actor;
    event.action = action;
    event.record = record;
    event.detail = detail;
    event.previousHash = m_head.sequence == 0 ? QByteArray(HashSize, '\0') : m_head.hash;
    event.hash = computeHash(event);

    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_events (seq, at_utc, actor, action, record, detail, prev_hash, hash) "
        "VALUES (:seq, :at, :actor, :action, :record, :detail, :prev, :hash)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":seq", event.sequence)
        .bind(":at", isoUtc(event.atUtc))
        .bind(":actor", actor.isNull() ? QStringLiteral("") : actor)
        .bind(":action", action)
        .bind(":record", record.isNull() ? QStringLiteral("") : record)
        .bind(":detail", detail.isNull() ? QStringLiteral("") : detail)
        .bind(":prev", event.previousHash)
        .bind(":hash", event.hash);
    if (Status run = insert->run(); !run.ok())
        return run;

    m_head = AuditAnchor{event.sequence, event.hash};
    if (m_db.isInTransaction())
        return {}; // anchored when the outermost transaction commits; re-read if it rolls back
    return anchor();
}

Status AuditLog::anchor()
{
    if (m_head.sequence == m_anchored.sequence && m_head.hash == m_anchored.hash)
        return {};
    Status written = m_anchorSink ? m_anchorSink(m_head) : Status{};
    if (written.ok())
        m_anchored = m_head;
    return written;
}

void AuditLog::onCommitted()
{
    (void)anchor(); // a missed anchor only leaves the store ahead of it, which verify accepts
}

void AuditLog::onRolledBack()
{
    // A rollback (of the whole transaction or to a savepoint) may have removed appended events.
    m_head = readHead();
}

AuditAnchor AuditLog::readHead() const
{
    auto last = m_db.prepare(QStringLiteral("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"));
    if (!last.ok())
        return {};
    auto hasRow = last->step();
    if (!hasRow.ok() || !*hasRow)
        return {};
    return AuditAnchor{last->columnInt(0), last->columnBlob(1)};
}

AuditAnchor AuditLog::head() const
{
    return m_head;
}

Result<AuditLog::Verification> AuditLog::verify(const AuditAnchor& anchor) const
{
    auto rows = m_db.prepare(QString::fromLatin1(SelectColumns) + QStringLiteral(" ORDER BY seq"));
    if (!rows.ok())
        return rows.error();

    Verification result;
    QByteArray previous(HashSize, '\0');
    qint64 expected = 1;
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            break;
        const AuditEvent event = readEvent(*rows);
        if (event.sequence != expected) {
            result.firstBadSequence = expected;
            result.problem = trAudit("Audit event %1 is missing: the trail jumps from event %2 to event %3.")
                                 .arg(expected)
                                 .arg(expected - 1)
                                 .arg(event.sequence);
            return result;
        }
        if (event.previousHash != previous || computeHash(event) != event.hash) {
            result.firstBadSequence = event.sequence;
            result.problem =
                trAudit("Audit event %1 has been altered, removed or moved: its seal does not match.")
                    .arg(event.sequence);
            return result;
        }
        previous = event.hash;
        result.eventCount = event.sequence;
        ++expected;
    }

    // The store may be ahead of the anchor (a crash between commit and anchoring) but never behind it.
    auto anchored = checkAnchor(anchor);
    if (!anchored.ok())
        return anchored.error();
    if (!anchored->isIntact) {
        result.firstBadSequence = anchored->firstBadSequence;
        result.problem = anchored->problem;
        return result;
    }
    result.isIntact = true;
    return result;
}

Result<AuditLog::Verification> AuditLog::checkAnchor(const AuditAnchor& anchor) const
{
    Verification result;
    result.eventCount = m_head.sequence;
    if (anchor.sequence == 0) {
        result.isIntact = true;
        return result;
    }
    auto row = m_db.prepare(QStringLiteral("SELECT hash FROM audit_events WHERE seq = :seq"));
    if (!row.ok())
        return row.error();
    row->bind(":seq", anchor.sequence);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow) {
        result.problem = trAudit("The audit trail ends at event %1, but %2 events were recorded: events were "
                                 "removed from the end, or this is an older copy of the store.")
                             .arg(m_head.sequence)
                             .arg(anchor.sequence);
        return result;
    }
    if (row->columnBlob(0) != anchor.hash) {
        result.firstBadSequence = anchor.sequence;
        result.problem =
            trAudit("Audit event %1 does not match the copy kept beside the store.").arg(anchor.sequence);
        return result;
    }
    result.isIntact = true;
    return result;
}

Result<std::vector<AuditEvent>> AuditLog::page(qint64 beforeSequence, int limit) const
{
    auto rows = m_db.prepare(QString::fromLatin1(SelectColumns) +
                             QStringLiteral(" WHERE seq < :before ORDER BY seq DESC LIMIT :limit"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":before", beforeSequence).bind(":limit", limit);
    return rows->collect<AuditEvent>(readEvent);
}

} // namespace confer
