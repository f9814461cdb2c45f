#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>

struct sqlite3;

namespace confer {

class SecureBytes;
class Statement;
struct StatementReadRecorder;

// The one door to SQLCipher: nothing else in Confer calls sqlite3_*.
// Opening keys the file with a raw 32-byte key, reads sqlite_master at once (a wrong key is
// only noticed on first read), applies the security settings and reads every one back; if any
// did not take, the store refuses to open (fail closed). See docs/store.md.
class Database final {
public:
    struct Options {
        bool create = false;   // create the file if it does not exist (else it must exist)
        int cachePages = 4000; // page cache size in pages (4 KiB each)
        // Unkeyed: no sqlite3_key, no refusal of a plaintext file, no cipher checks. Only the store
        // benchmark uses it, for its same-library baseline; the product never sets it.
        bool plaintextForBenchmark = false;
        // A read-only connection: the checks before an unlock, which must leave every file as it was
        // (a read-write connection folds a leftover WAL into the store when it closes).
        bool readOnly = false;
    };

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (or creates) the store file at path with the given 32-byte key.
    // A wrong key and a file that is not a store give the same WrongCredentials error.
    static Result<std::unique_ptr<Database>> open(const QString& path, const SecureBytes& key,
                                                  const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& path, const SecureBytes& key)
    {
        return open(path, key, Options{});
    }

    // Runs one or more statements with no parameters and no results (DDL, pragmas).
    Status exec(const QString& sql);
    Result<Statement> prepare(const QString& sql);

    // One statement prepare() compiled and the columns it reads ("table.column", each once), as SQLite's
    // authorizer reported them. A table named without any column (count(*)) shows only in the statement's
    // query plan.
    struct StatementReads {
        QString sql;
        QStringList columns;
    };
    // Test hook: from now on every statement prepare() compiles is reported to recorder; an empty function
    // stops. The product never sets it: the need-to-know test uses it to see what each service call reads.
    void setReadRecorder(std::function<void(const StatementReads&)> recorder);

    qint64 lastInsertRowId() const;
    int changes() const;

    // Re-encrypts every page under newKey (sqlite3_rekey_v2 with the raw key built in guarded memory, never
    // as PRAGMA text). SQLCipher 3.4.1 can report success for a rewrite that failed and leave this
    // connection half on the new key: the caller closes it and probes which key opens the file.
    Status rekey(const SecureBytes& newKey);

    // Closes this connection and opens the same file again with key and the product's settings, keeping
    // this object, so every reference to it (audit log, services, models) stays valid. After a failure
    // the connection stays closed and another key may be tried.
    Status reopen(const SecureBytes& key);

    // PRAGMA integrity_check over every page; any page whose authentication fails is reported.
    Status checkIntegrity();
    // Checkpoints the WAL back into the main file and truncates it (used before VACUUM and on close).
    Status checkpointTruncate();

    // True between BEGIN and COMMIT/ROLLBACK.
    bool isInTransaction() const;
    // Told when a Transaction ends: true after a successful commit, false after a rollback. The audit
    // log anchors its chain head on commit (an error there is returned by Transaction::commit, though
    // the commit itself is durable) and forgets unanchored events on rollback.
    void setTransactionListener(std::function<Status(bool isCommitted)> listener)
    {
        m_transactionListener = std::move(listener);
    }
    Status notifyCommitted() { return notifyTransactionEnded(true); }
    void notifyRolledBack() { (void)notifyTransactionEnded(false); }

    // The connections one session opens to its store (its own and those of its long operations) share a
    // gate. A transaction's end (COMMIT or ROLLBACK) and what its listener does after it (the audit anchor,
    // the key file's second copy) happen while holding it, so another connection's commit cannot come
    // between a commit and its anchor. Recursive, because the listener's work takes it again. Without a
    // gate (a lone connection) holding it does nothing.
    void shareCommitGate(std::shared_ptr<std::recursive_mutex> gate) { m_commitGate = std::move(gate); }
    std::unique_lock<std::recursive_mutex> holdCommitGate() const
    {
        return m_commitGate ? std::unique_lock<std::recursive_mutex>(*m_commitGate)
                            : std::unique_lock<std::recursive_mutex>();
    }

    QString cipherVersion() const { return m_cipherVersion; }
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; } // for Statement and Transaction only

    // A sentence-and-code error for the last SQLite failure, without any bound value in it.
    // `what` names the operation for developers ("insert case"); it goes into detail with the SQLite
    // message. A damaged page (SQLITE_CORRUPT / SQLITE_NOTADB) gives StoreCorrupt, a full disk
    // (SQLITE_FULL, or SQLITE_IOERR_SHMSIZE: the -shm file could not grow) DiskFull, anything else Database.
    Error lastError(const QString& what) const;

private:
    Database(sqlite3* db, QString path);
    // The steps of open(), in its order.
    static Status checkOpenArguments(const SecureBytes& key, const Options& options);
    static Result<bool> checkFileBeforeOpen(const QString& path, const Options& options);
    static Result<std::unique_ptr<Database>> openConnection(const QString& path, const Options& options,
                                                            bool isNew);
    Status applyKey(const SecureBytes& key);
    Status setPageSize(bool isKeyed);
    Status readFirstPage();
    Status applyAndVerifySettings(const Options& options);
    void installReadRecorder();
    static Status checkEncryptedOnDisk(const QString& path);

    sqlite3* m_db = nullptr;
    QString m_path;
    QString m_cipherVersion;
    bool m_isOpen = false; // fully opened and verified: only then may closing write (checkpoint)
    Status notifyTransactionEnded(bool isCommitted)
    {
        return m_transactionListener ? m_transactionListener(isCommitted) : Status{};
    }
    std::function<Status(bool)> m_transactionListener;
    std::shared_ptr<std::recursive_mutex> m_commitGate;
    std::unique_ptr<StatementReadRecorder> m_readRecorder; // tests only
};

} // namespace confer
