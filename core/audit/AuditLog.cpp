#include "audit/AuditLog.h"

#include "common/Clock.h"
#include "crypto/Sodium.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <sodium.h>

namespace confer {

namespace {

constexpr int HashSize = crypto_auth_hmacsha256_BYTES;

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::AuditLog)
};

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
    event.commit = row.columnInt(8);
    return event;
}

const char* const SelectColumns =
    "SELECT seq, at_utc, actor, action, record, detail, prev_hash, hash, commit_no FROM audit_events";

} // namespace

AuditLog::AuditLog(Database& db, SecureBytes auditKey, const Clock& clock, AnchorSink anchorSink,
                   std::shared_ptr<AuditAnchorState> anchorState)
    : m_db(db)
    , m_key(std::move(auditKey))
    , m_clock(clock)
    , m_anchorSink(std::move(anchorSink))
    , m_anchor(std::move(anchorState))
{
    auto head = readHead(m_db);
    m_head = head.ok() ? *head : AuditHead{};
    if (!m_anchor) // the opener checked (or wrote) the anchor before handing the store over
        m_anchor = std::make_shared<AuditAnchorState>(AuditAnchorState{m_head, false});
}

AuditHead AuditLog::head() const
{
    // Another connection of the session may have appended since this one last looked.
    if (auto head = readHead(m_db); head.ok())
        m_head = *head;
    return m_head;
}

bool AuditLog::isAnchorOverdue() const
{
    const auto gate = m_db.holdCommitGate();
    return m_anchor->isOverdue;
}

AuditLog::~AuditLog() = default;

Status AuditLog::transactionEnded(bool isCommitted)
{
    if (isCommitted)
        return onCommitted();
    onRolledBack();
    return {};
}

Result<SecureBytes> AuditLog::readKey(Database& db)
{
    auto row = db.prepare(QStringLiteral("SELECT key FROM audit_key WHERE id = 1"));
    if (!row.ok())
        return row.error();
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const QByteArray key = *hasRow ? row->columnBlob(0) : QByteArray();
    if (key.size() != crypto_auth_hmacsha256_KEYBYTES)
        return makeError(ErrorCode::StoreCorrupt,
                         Tr::tr("The store's audit key is missing, so its audit trail cannot be checked."),
                         QStringLiteral("audit_key row missing or wrong length"));
    SecureBytes result(reinterpret_cast<const unsigned char*>(key.constData()),
                       static_cast<std::size_t>(key.size()));
    return result;
}

Status AuditLog::storeNewKey(Database& db, const SecureBytes& key)
{
    auto insert = db.prepare(QStringLiteral("INSERT INTO audit_key (id, key) VALUES (1, :key)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":key",
                 QByteArray(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size())));
    return insert->run();
}

Result<AuditHead> AuditLog::readHead(Database& db)
{
    auto last =
        db.prepare(QStringLiteral("SELECT seq, hash, commit_no FROM audit_events ORDER BY seq DESC LIMIT 1"));
    if (!last.ok())
        return last.error();
    auto hasRow = last->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return AuditHead{};
    return AuditHead{last->columnInt(0), last->columnBlob(1), last->columnInt(2)};
}

Result<std::optional<AuditHead>> AuditLog::headAt(Database& db, qint64 sequence)
{
    if (sequence == 0)
        return std::optional<AuditHead>(AuditHead{});
    auto row = db.prepare(QStringLiteral("SELECT seq, hash, commit_no FROM audit_events WHERE seq = :seq"));
    if (!row.ok())
        return row.error();
    row->bind(":seq", sequence);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return std::optional<AuditHead>();
    return std::optional<AuditHead>(AuditHead{row->columnInt(0), row->columnBlob(1), row->columnInt(2)});
}

QByteArray AuditLog::computeHash(const AuditEvent& event) const
{
    QByteArray canonical;
    appendField(canonical, QByteArrayLiteral("confer-audit-v2"));
    appendField(canonical, QByteArray::number(event.sequence));
    appendField(canonical, QByteArray::number(event.commit));
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

Status AuditLog::append(const QString& actor, AuditAction action, const QString& record,
                        const QString& detail)
{
    // The anchor must have caught up before anything else is written: at most one commit ahead.
    if (m_openCommit == 0 && isAnchorOverdue()) {
        if (Status anchored = anchorNow(); !anchored.ok()) {
            return makeError(
                anchored.error().code,
                anchored.error().code == ErrorCode::DiskFull
                    ? Tr::tr("There is not enough disk space to update the audit record beside "
                             "the store, so this change was not saved. Free some space and try "
                             "again.")
                    : Tr::tr("The audit record beside the store cannot be updated, so this change "
                             "was not saved. Check the disk and try again."),
                anchored.error().detail);
        }
    }
    if (m_db.isInTransaction())
        return insertEvent(actor, action, record, detail); // anchored when the outermost commit ends
    // On its own: a transaction of its own, so that no other connection appends between reading the head
    // and writing after it. Its commit reaches transactionEnded through the session, which anchors it.
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    if (Status inserted = insertEvent(actor, action, record, detail); !inserted.ok())
        return inserted;
    return tx.commit();
}

Status AuditLog::insertEvent(const QString& actor, AuditAction action, const QString& record,
                             const QString& detail)
{
    // Read inside the write transaction, so it is the head every connection sees, this one's own
    // uncommitted events included.
    auto head = readHead(m_db);
    if (!head.ok())
        return head.error();
    AuditEvent event;
    event.sequence = head->sequence + 1;
    // Every event of one transaction shares its commit number; the next commit gets the next number.
    event.commit = m_openCommit != 0 ? m_openCommit : head->commit + 1;
    // Millisecond precision, as stored; the hash must see exactly what a later read sees.
    event.atUtc = QDateTime::fromString(isoUtc(m_clock.nowUtc()), Qt::ISODateWithMs);
    event.actor = actor;
    event.action = auditActionKey(action);
    event.record = record;
    event.detail = detail;
    event.previousHash = head->sequence == 0 ? QByteArray(HashSize, '\0') : head->hash;
    event.hash = computeHash(event);

    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_events (seq, at_utc, actor, action, record, detail, prev_hash, hash, commit_no) "
        "VALUES (:seq, :at, :actor, :action, :record, :detail, :prev, :hash, :commit)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":seq", event.sequence)
        .bind(":at", isoUtc(event.atUtc))
        .bind(":actor", actor.isNull() ? QStringLiteral("") : actor)
        .bind(":action", event.action)
        .bind(":record", record.isNull() ? QStringLiteral("") : record)
        .bind(":detail", detail.isNull() ? QStringLiteral("") : detail)
        .bind(":prev", event.previousHash)
        .bind(":hash", event.hash)
        .bind(":commit", event.commit);
    if (Status run = insert->run(); !run.ok())
        return run;
    m_head = AuditHead{event.sequence, event.hash, event.commit};
    m_openCommit = event.commit; // until the transaction ends (transactionEnded)
    return {};
}

Status AuditLog::anchorNow()
{
    // Under the gate no other connection commits, so the head read here is the store's last commit.
    const auto gate = m_db.holdCommitGate();
    const AuditHead committed = head();
    if (committed == m_anchor->anchored) {
        m_anchor->isOverdue = false;
        return {};
    }
    Status written = m_anchorSink ? m_anchorSink(committed) : Status{};
    m_anchor->isOverdue = !written.ok();
    if (written.ok())
        m_anchor->anchored = committed;
    return written;
}

Status AuditLog::onCommitted()
{
    m_openCommit = 0;
    Status anchored = anchorNow();
    if (anchored.ok())
        return {};
    // The commit is durable; only the record beside the store lags. Say both.
    return makeError(
        anchored.error().code,
        anchored.error().code == ErrorCode::DiskFull
            ? Tr::tr("The change was saved, but there is not enough disk space to update the audit "
                     "record beside the store. Free some space: Confer saves no further changes "
                     "until it can.")
            : Tr::tr("The change was saved, but the audit record beside the store could not be "
                     "updated. Check the disk: Confer saves no further changes until it can."),
        anchored.error().detail);
}

void AuditLog::onRolledBack()
{
    // A rollback (of the whole transaction or to a savepoint) may have removed appended events.
    auto head = readHead(m_db);
    m_head = head.ok() ? *head : m_anchor->anchored;
    if (!m_db.isInTransaction())
        m_openCommit = 0;
}

Result<AuditLog::Verification> AuditLog::verifyChain() const
{
    auto rows = m_db.prepare(QString::fromLatin1(SelectColumns) + QStringLiteral(" ORDER BY seq"));
    if (!rows.ok())
        return rows.error();

    Verification result;
    QByteArray previous(HashSize, '\0');
    qint64 expected = 1;
    qint64 previousCommit = 0;
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            break;
        const AuditEvent event = readEvent(*rows);
        if (event.sequence != expected) {
            result.firstBadSequence = expected;
            result.problem = Tr::tr("Audit event %1 is missing: the trail jumps from event %2 to event %3.")
                                 .arg(expected)
                                 .arg(expected - 1)
                                 .arg(event.sequence);
            return result;
        }
        if (event.previousHash != previous || computeHash(event) != event.hash ||
            event.commit < previousCommit || event.commit > previousCommit + 1) {
            result.firstBadSequence = event.sequence;
            result.problem =
                Tr::tr("Audit event %1 has been altered, removed or moved: its seal does not match.")
                    .arg(event.sequence);
            return result;
        }
        previous = event.hash;
        previousCommit = event.commit;
        result.eventCount = event.sequence;
        ++expected;
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
