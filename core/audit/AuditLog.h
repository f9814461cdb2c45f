#pragma once

#include "audit/AuditAction.h"
#include "audit/AuditEvent.h"
#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <functional>
#include <optional>
#include <vector>

namespace confer {

class Clock;
class Database;

// The append-only, hash-chained audit trail. append() is the one call every feature uses; it
// joins the caller's open transaction, so a change and its audit event commit or vanish together.
// Autocommitted appends anchor at once; for transactions the session forwards the ends (transactionEnded).
// After each commit the chain head goes to the anchor sink (the anchor file beside the store); while
// the sink cannot take it, no further change is accepted, so the store never runs more than one
// commit ahead of its anchor.
class AuditLog final {
public:
    using AnchorSink = std::function<Status(const AuditHead&)>;

    AuditLog(Database& db, SecureBytes auditKey, const Clock& clock, AnchorSink anchorSink);
    ~AuditLog();

    Status append(const QString& actor, AuditAction action, const QString& record = {},
                  const QString& detail = {});

    struct Verification {
        bool isIntact = false;
        qint64 eventCount = 0;
        qint64 firstBadSequence = 0; // 0 when intact or when the fault is outside the chain
        QString problem;             // a sentence naming what is wrong and where
    };
    // Walks the whole chain from event 1 (every seal, every link, commit numbers never going back).
    Result<Verification> verifyChain() const;

    Result<std::vector<AuditEvent>> page(qint64 beforeSequence, int limit) const; // newest first
    AuditHead head() const { return m_head; }
    const SecureBytes& key() const { return m_key; }
    // True while a committed head has not reached the anchor sink: changes are refused meanwhile.
    bool isAnchorOverdue() const { return m_isAnchorOverdue; }
    // Tries the anchor sink again (also done by the next append).
    Status anchorNow();
    // The owner of the connection calls this when a Transaction ends (Database's listener): a commit
    // anchors the head, a rollback forgets events that are gone.
    Status transactionEnded(bool isCommitted);

    // --- reading a store that has no AuditLog yet (the read-only checks before unlock) ---
    static Result<SecureBytes> readKey(Database& db);
    static Status storeNewKey(Database& db, const SecureBytes& key);
    static Result<AuditHead> readHead(Database& db);
    // The event at sequence as a head (its hash and commit), or nullopt when the store has none.
    static Result<std::optional<AuditHead>> headAt(Database& db, qint64 sequence);

private:
    Status onCommitted();
    void onRolledBack();
    QByteArray computeHash(const AuditEvent& event) const;

    Database& m_db;
    SecureBytes m_key;
    const Clock& m_clock;
    AnchorSink m_anchorSink;
    AuditHead m_head;
    AuditHead m_anchored;    // what the sink last took
    qint64 m_openCommit = 0; // the commit number of the transaction now open, 0 when none
    bool m_isAnchorOverdue = false;
};

} // namespace confer
