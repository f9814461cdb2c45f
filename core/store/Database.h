#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace confer {

class SecureBytes;
class Statement;

// The one door to SQLCipher: nothing else in Confer calls sqlite3_*.
// Opening keys the file with a raw 32-byte key, reads sqlite_master at once (a wrong key is
// only noticed on first read), applies the security settings and reads every one back; if any
// did not take, the store refuses to open (fail closed). See docs/store.md.
class Database final {
public:
    struct Options {
        bool create = false;          // create the file if it does not exist (else it must exist)
        int cachePages = 4000;        // page cache size in pages (4 KiB each)
        bool plaintextForBenchmark = false; // unkeyed, for the benchmark baseline only; never in the product
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

    qint64 lastInsertRowId() const;
    int changes() const;

    // PRAGMA integrity_check over every page; any page whose authentication fails is reported.
    Status checkIntegrity();
    // Checkpoints the WAL back into the main file and truncates it (used before VACUUM and on close).
    Status checkpointTruncate();

    // True between BEGIN and COMMIT/ROLLBACK.
    bool isInTransaction() const;
    // Called after every successful Transaction::commit(); the audit log anchors its head there.
    void setCommitListener(std::function<void()> listener) { m_commitListener = std::move(listener); }
    void notifyCommitted()
    {
        if (m_commitListener)
            m_commitListener();
    }

    QString cipherVersion() const { return m_cipherVersion; }
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; } // for Statement and Transaction only

    // A sentence-and-code error for the last SQLite failure, without any bound value in it.
    Error lastError(const QString& what) const;

private:
    Database(sqlite3* db, QString path);
    Status applyAndVerifySettings(const Options& options);

    sqlite3* m_db = nullptr;
    QString m_path;
    QString m_cipherVersion;
    std::function<void()> m_commitListener;
};

} // namespace confer
