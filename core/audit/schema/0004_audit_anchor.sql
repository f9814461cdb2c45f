-- The audit chain's own key, the key-slot generation the store expects, and commit numbers on events.
-- Written for SQLite 3.15 (SQLCipher 3.4.1 on Debian 12).

-- 32 random bytes made with the store; they key the chain and the MACs of the files beside the store.
-- Never rotated with the store key, so every earlier event still verifies after a key rotation.
CREATE TABLE audit_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL CHECK (length(key) = 32)
);

CREATE TRIGGER audit_key_no_update BEFORE UPDATE ON audit_key
BEGIN
    SELECT RAISE(ABORT, 'the audit key never changes');
END;

CREATE TRIGGER audit_key_no_delete BEFORE DELETE ON audit_key
BEGIN
    SELECT RAISE(ABORT, 'the audit key never changes');
END;

-- Which key-slot file generation belongs to this store: an older copy of the file is refused.
ALTER TABLE store_info ADD COLUMN keyslot_generation INTEGER NOT NULL DEFAULT 1;

-- The commit that wrote each event, so unlock can tell a store one commit ahead of its anchor (a crash
-- between commit and anchor write) from one further ahead (an older anchor put back).
ALTER TABLE audit_events ADD COLUMN commit_no INTEGER NOT NULL DEFAULT 0;
CREATE INDEX audit_events_by_commit ON audit_events (commit_no);
