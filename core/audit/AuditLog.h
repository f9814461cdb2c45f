#pragma once

#include "audit/AuditAction.h"
#include "audit/AuditEvent.h"
#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace confer {

class Clock;
class Database;

// How far the anchor has got, shared by the audit logs of every connection one session opens (its own
// and its long operations'), so that whichever connection commits, the store never runs more than one
// commit ahead of its anchor. Guarded by the connections' commit gate (Database::shareCommitGate).
struct AuditAnchorState {
    AuditHead anchored;     // what the sink last took
    bool isOverdue = false; // a committed head has not reached the sink: changes are refused meanwhile
};

// The append-only, hash-chained audit trail of one connection. append() is the one call every feature
// uses; it joins the caller's open transaction, so a change and its audit event commit or vanish
// together, and an append on its own gets a transaction of its own. The chain head is read from the store
// inside the write transaction (BEGIN IMMEDIATE holds the write lock), never from a cache, so appends from
// several connections to one store make one linear chain. The session forwards every transaction's end
// (transactionEnded). After each commit the chain head goes to the anchor sink (the anchor file beside the
// store); while the sink cannot take it, no further change is accepted.
class AuditLog final {
public:
    using AnchorSink = std::function<Status(const AuditHead&)>;

    // anchorState: shared with the other connections' logs; empty for a log of its own, anchored at the
    // store's head (the opener checked or wrote the anchor before handing the store over).
    AuditLog(Database& db, SecureBytes auditKey, const Clock& clock, AnchorSink anchorSink,
             std::shared_ptr<AuditAnchorState> anchorState = {});
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
    // The newest event this connection sees: committed, or appended in its open transaction.
    AuditHead head() const;
    const SecureBytes& key() const { return m_key; }
    // True while a committed head has not reached the anchor sink: changes are refused meanwhile.
    bool isAnchorOverdue() const;
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
    // Inside the caller's write transaction: the event after the store's head.
    Status insertEvent(const QString& actor, AuditAction action, const QString& record,
                       const QString& detail);
    QByteArray computeHash(const AuditEvent& event) const;

    Database& m_db;
    SecureBytes m_key;
    const Clock& m_clock;
    AnchorSink m_anchorSink;
    std::shared_ptr<AuditAnchorState> m_anchor;
    mutable AuditHead m_head; // the last head read or written: the answer when the store cannot be read
    qint64 m_openCommit = 0;  // the commit number of this connection's open transaction, 0 when none
};

} // namespace confer
