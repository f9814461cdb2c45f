#pragma once

#include "audit/AuditEvent.h"
#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <functional>
#include <vector>

namespace confer {

class Clock;
class Database;

// The append-only, hash-chained audit trail. append() is the one call every feature uses; it
// joins the caller's open transaction, so a change and its audit event commit or vanish together.
// After each commit the chain head is anchored in the key-slot file (see AuditAnchorWriter).
class AuditLog final {
public:
    using AnchorSink = std::function<Status(const AuditAnchor&)>;

    AuditLog(Database& db, SecureBytes auditKey, const Clock& clock, AnchorSink anchorSink);
    ~AuditLog();

    Status append(const QString& actor, const QString& action, const QString& record = {},
                  const QString& detail = {});

    struct Verification {
        bool isIntact = false;
        qint64 eventCount = 0;
        qint64 firstBadSequence = 0; // 0 when intact or when the fault is the anchor itself
        QString problem;             // a sentence naming what is wrong and where
    };
    // Walks the whole chain from event 1 and compares the head with the anchor.
    Result<Verification> verify(const AuditAnchor& anchor) const;

    // The quick check made at every unlock, before anything is appended: the event the anchor names
    // exists and carries the anchored hash. Catches an older copy of the store and a cut tail.
    Result<Verification> checkAnchor(const AuditAnchor& anchor) const;

    Result<std::vector<AuditEvent>> page(qint64 beforeSequence, int limit) const; // newest first
    AuditAnchor head() const;

    // The audit key is derived from the store key with crypto_kdf (subkey 1, context "ConfAudt").
    static SecureBytes deriveAuditKey(const SecureBytes& storeKey);

private:
    void onCommitted();
    void onRolledBack();
    Status anchor(); // writes the head to the key-slot file when it moved since the last write
    AuditAnchor readHead() const;
    QByteArray computeHash(const AuditEvent& event) const;

    Database& m_db;
    SecureBytes m_key;
    const Clock& m_clock;
    AnchorSink m_anchorSink;
    AuditAnchor m_head;
    AuditAnchor m_anchored; // what the key-slot file was last told
};

} // namespace confer
