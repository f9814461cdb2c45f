#include "store/Database.h"

#include "crypto/SecureBytes.h"
#include "store/Statement.h"
#include "store/StoreCallObserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>

#include <sqlcipher/sqlite3.h>

#include <cstring>
#include <optional>
#include <vector>

namespace confer {

namespace {

constexpr std::size_t KeySize = 32;
constexpr int PageSize = 4096;
constexpr int BusyTimeoutMs = 5000;
// The first 16 bytes of every unencrypted SQLite file, NUL included.
constexpr char PlaintextHeader[] = "SQLite format 3";
constexpr qint64 PlaintextHeaderSize = sizeof(PlaintextHeader);

// A wrong key, a garbage file and a truncated file must be indistinguishable to whoever is
// guessing: one code, one sentence, no detail that tells them apart.
Error wrongCredentials()
{
    return makeError(ErrorCode::WrongCredentials,
                     QCoreApplication::translate("confer::Database",
                                                 "The store could not be opened with these credentials."));
}

Error misconfigured(const QString& detail)
{
    return makeError(ErrorCode::StoreMisconfigured,
                     QCoreApplication::translate("confer::Database",
                                                 "A security setting of the store did not take effect, so "
                                                 "Confer will not open it."),
                     detail);
}

Error unencryptedFile()
{
    return makeError(
        ErrorCode::StoreMisconfigured,
        QCoreApplication::translate("confer::Database",
                                    "This file is an unencrypted database; Confer will not open it."));
}

bool isCorruptionCode(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// Reads the first bytes of the file itself, below SQLite, to see whether they are plaintext.
Result<bool> startsWithPlaintextHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("confer::Database", "The store file could not be read."),
                         file.errorString());
    }
    const QByteArray head = file.read(PlaintextHeaderSize);
    return head.size() == PlaintextHeaderSize &&
           std::memcmp(head.constData(), PlaintextHeader, head.size()) == 0;
}

// The raw-key form x'<64 hex digits>' that skips SQLCipher's own KDF (Argon2id has already run).
// Built in guarded memory so no copy of the key lingers in an ordinary heap buffer.
SecureBytes rawKeyLiteral(const SecureBytes& key)
{
    static constexpr char Digits[] = "0123456789abcdef";
    SecureBytes literal(key.size() * 2 + 3);
    unsigned char* out = literal.data();
    out[0] = 'x';
    out[1] = '\'';
    for (std::size_t i = 0; i < key.size(); ++i) {
        out[2 + 2 * i] = static_cast<unsigned char>(Digits[key.data()[i] >> 4]);
        out[3 + 2 * i] = static_cast<unsigned char>(Digits[key.data()[i] & 0x0f]);
    }
    out[literal.size() - 1] = '\'';
    return literal;
}

// One text value from a query that yields one row (a pragma read-back); null if no row.
Result<QString> queryText(Database& db, const char* sql)
{
    auto statement = db.prepare(QString::fromLatin1(sql));
    if (!statement.ok())
        return statement.error();
    auto hasRow = statement->step();
    if (!hasRow.ok())
        return hasRow.error();
    return *hasRow ? statement->columnText(0) : QString();
}

} // namespace

// The columns the statement being compiled reads, collected by SQLite's authorizer (tests only).
struct StatementReadRecorder {
    std::function<void(const Database::StatementReads&)> recorder;
    std::optional<Database::StatementReads> compiling; // set only inside prepare()

    static int noteRead(void* self, int action, const char* table, const char* column, const char*,
                        const char*)
    {
        auto& compiling = static_cast<StatementReadRecorder*>(self)->compiling;
        // A statement SQLite recompiles on its own (after a schema change) is not one prepare() compiled.
        if (action == SQLITE_READ && compiling && table && column) {
            const QString read = QString::fromUtf8(table) + QLatin1Char('.') + QString::fromUtf8(column);
            if (!compiling->columns.contains(read))
                compiling->columns << read;
        }
        return SQLITE_OK;
    }
};

Database::Database(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{}

Database::~Database()
{
    if (!m_db)
        return;
    if (m_isOpen && !isInTransaction())
        (void)checkpointTruncate(); // best effort: SQLite checkpoints again as the last connection closes
    StoreCallObserver::notify(StoreCallObserver::Call::Close); // the connection's last call
    sqlite3_close_v2(m_db);
}

// The steps of open(), in the order they must run: SQLCipher takes the key and the page size before it
// reads anything, and only a read shows whether the key was right.
Result<std::unique_ptr<Database>> Database::open(const QString& path, const SecureBytes& key,
                                                 const Options& options)
{
    const bool isKeyed = !options.plaintextForBenchmark;
    if (Status valid = checkOpenArguments(key, options); !valid.ok())
        return valid.error();
    auto isNew = checkFileBeforeOpen(path, options);
    if (!isNew.ok())
        return isNew.error();
    auto opened = openConnection(path, options, *isNew);
    if (!opened.ok())
        return opened.error();
    std::unique_ptr<Database> db = std::move(opened).value();
    if (isKeyed) {
        if (Status keyed = db->applyKey(key); !keyed.ok())
            return keyed.error();
    }
    if (Status paged = db->setPageSize(isKeyed); !paged.ok())
        return paged.error();
    if (Status read = db->readFirstPage(); !read.ok())
        return read.error();
    if (Status settings = db->applyAndVerifySettings(options); !settings.ok())
        return settings.error();
    if (*isNew && isKeyed) {
        if (Status encrypted = checkEncryptedOnDisk(path); !encrypted.ok())
            return encrypted.error();
    }
    db->m_isOpen = !options.readOnly;
    return db;
}

Status Database::checkOpenArguments(const SecureBytes& key, const Options& options)
{
    const bool isKeyed = !options.plaintextForBenchmark;
    if (isKeyed && key.size() != KeySize) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Database", "The store key has the wrong length."));
    }
    if (options.cachePages <= 0) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Database", "The store's page cache size must be positive."));
    }
    return {};
}

// Looks at the file below SQLite before opening it. True when the store is new (no file, or an empty one
// that may be created).
Result<bool> Database::checkFileBeforeOpen(const QString& path, const Options& options)
{
    const bool isKeyed = !options.plaintextForBenchmark;
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (!exists && !options.create) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("confer::Database", "The store file was not found."));
    }
    if (exists && isKeyed) {
        const auto isPlaintext = startsWithPlaintextHeader(path);
        if (!isPlaintext.ok())
            return isPlaintext.error();
        if (*isPlaintext)
            return unencryptedFile();
        // SQLite would quietly turn an empty file into a new database; an existing store never is empty.
        if (info.size() == 0 && !options.create)
            return wrongCredentials();
    }
    return !exists || info.size() == 0;
}

// The connection, private to this user, with extended error codes and a busy timeout; not keyed yet.
Result<std::unique_ptr<Database>> Database::openConnection(const QString& path, const Options& options,
                                                           bool isNew)
{
    sqlite3* handle = nullptr;
    const int flags = options.readOnly ? SQLITE_OPEN_READONLY
                                       : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
    // A read-only look must not create a -wal file either: with no WAL beside the store there is nothing
    // newer than the file itself, so it is opened as immutable (no WAL, no locks, no writes at all).
    const bool isImmutable = options.readOnly && !QFileInfo::exists(path + QStringLiteral("-wal"));
    const QByteArray name = isImmutable ? QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toUtf8() +
                                              QByteArrayLiteral("?immutable=1")
                                        : path.toUtf8();
    const int opened =
        sqlite3_open_v2(name.constData(), &handle, flags | (isImmutable ? SQLITE_OPEN_URI : 0), nullptr);
    std::unique_ptr<Database> db(new Database(handle, path)); // closes the handle on every way out
    if (opened != SQLITE_OK || !handle) {
        Error error = db->lastError(QStringLiteral("open store file"));
        error.code = ErrorCode::Io;
        error.message =
            QCoreApplication::translate("confer::Database", "The store file could not be opened.");
        return error;
    }
    // Owner-only before anything is written: SQLite gives the -wal and -shm files the same mode.
    if (isNew && QFileInfo::exists(path) &&
        !QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner)) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "confer::Database", "The store file could not be made private to this user."));
    }
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, BusyTimeoutMs);
    return db;
}

Status Database::applyKey(const SecureBytes& key)
{
    SecureBytes literal = rawKeyLiteral(key);
    const int keyed = sqlite3_key(m_db, literal.data(), static_cast<int>(literal.size()));
    literal.wipe();
    if (keyed != SQLITE_OK)
        return misconfigured(QStringLiteral("sqlite3_key failed"));
    // Stores are written in SQLCipher 3's format (Debian 12 ships 3.4.1). SQLCipher 4 reads them only
    // in compatibility mode; 3.x has no such pragma, so it is sent only to 4.x and later.
    auto version = prepare(QStringLiteral("PRAGMA cipher_version"));
    if (version.ok() && version->step().ok() &&
        version->columnText(0).section(QLatin1Char('.'), 0, 0).toInt() >= 4) {
        if (Status compatible = exec(QStringLiteral("PRAGMA cipher_compatibility = 3")); !compatible.ok())
            return compatible.error();
    }
    return {};
}

// The page size is fixed when the store is created; 4 KiB pages cost far less to encrypt than 1 KiB.
Status Database::setPageSize(bool isKeyed)
{
    const QString pageSize =
        QStringLiteral("PRAGMA %1 = %2")
            .arg(isKeyed ? QStringLiteral("cipher_page_size") : QStringLiteral("page_size"))
            .arg(PageSize);
    return exec(pageSize);
}

// SQLCipher only notices a wrong key when it first decrypts a page, so read one now.
Status Database::readFirstPage()
{
    auto firstRead = prepare(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!firstRead.ok())
        return firstRead.error().code == ErrorCode::StoreCorrupt ? wrongCredentials() : firstRead.error();
    auto stepped = firstRead->step();
    if (!stepped.ok())
        return stepped.error().code == ErrorCode::StoreCorrupt ? wrongCredentials() : stepped.error();
    return {};
}

// Switching a new store to WAL has written page 1 to the main file: it must not read as plaintext.
Status Database::checkEncryptedOnDisk(const QString& path)
{
    const auto isPlaintext = startsWithPlaintextHeader(path);
    if (!isPlaintext.ok())
        return isPlaintext.error();
    if (*isPlaintext || QFileInfo(path).size() < PlaintextHeaderSize)
        return misconfigured(QStringLiteral("new store file is not encrypted on disk"));
    return {};
}

Status Database::applyAndVerifySettings(const Options& options)
{
    const bool isKeyed = !options.plaintextForBenchmark;
    if (options.readOnly && options.create)
        return misconfigured(QStringLiteral("a read-only connection cannot create a store"));
    if (isKeyed) {
        // SQLCipher 3.4.1 ignores pragmas it does not know, so read back rather than trust.
        auto version = queryText(*this, "PRAGMA cipher_version");
        if (!version.ok())
            return version.error();
        if (version->isEmpty())
            return misconfigured(QStringLiteral("cipher_version is empty: the library has no cipher"));
        m_cipherVersion = *version;
    }

    struct Setting {
        QString assignment; // run first
        const char* readBack;
        QString expected;
    };
    const std::vector<Setting> settings = {
        {QStringLiteral("PRAGMA secure_delete = ON"), "PRAGMA secure_delete", QStringLiteral("1")},
        {QStringLiteral("PRAGMA temp_store = MEMORY"), "PRAGMA temp_store", QStringLiteral("2")},
        {QStringLiteral("PRAGMA foreign_keys = ON"), "PRAGMA foreign_keys", QStringLiteral("1")},
        {QStringLiteral("PRAGMA journal_mode = WAL"), "PRAGMA journal_mode", QStringLiteral("wal")},
        {QStringLiteral("PRAGMA synchronous = FULL"), "PRAGMA synchronous", QStringLiteral("2")},
        {QStringLiteral("PRAGMA cache_size = %1").arg(options.cachePages), "PRAGMA cache_size",
         QString::number(options.cachePages)},
        {QString(), isKeyed ? "PRAGMA cipher_page_size" : "PRAGMA page_size", QString::number(PageSize)},
    };
    for (const Setting& setting : settings) {
        // A read-only look neither sets nor needs the journal mode and durability of a writer.
        if (options.readOnly && (setting.assignment.contains(QLatin1String("journal_mode")) ||
                                 setting.assignment.contains(QLatin1String("synchronous"))))
            continue;
        if (!setting.assignment.isEmpty()) {
            if (Status set = exec(setting.assignment); !set.ok())
                return set;
        }
        auto actual = queryText(*this, setting.readBack);
        if (!actual.ok())
            return actual.error();
        if (actual->compare(setting.expected, Qt::CaseInsensitive) != 0) {
            return misconfigured(QStringLiteral("%1 reads back '%2', expected '%3'")
                                     .arg(QString::fromLatin1(setting.readBack), *actual, setting.expected));
        }
    }
    return {};
}

Status Database::exec(const QString& sql)
{
    StoreCallObserver::notify(StoreCallObserver::Call::Exec);
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("exec"));
    return {};
}

Result<Statement> Database::prepare(const QString& sql)
{
    StoreCallObserver::notify(StoreCallObserver::Call::Prepare);
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (m_readRecorder)
        m_readRecorder->compiling = StatementReads{sql, {}};
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr);
    if (m_readRecorder) {
        if (rc == SQLITE_OK && stmt)
            m_readRecorder->recorder(*m_readRecorder->compiling);
        m_readRecorder->compiling.reset();
    }
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return lastError(QStringLiteral("prepare"));
    }
    if (!stmt) { // only whitespace or a comment: a programming error, not a store failure
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Database", "An empty statement cannot be run."));
    }
    return Statement(this, stmt);
}

Status Database::rekey(const SecureBytes& newKey)
{
    if (newKey.size() != KeySize)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Database", "The store key has the wrong length."));
    StoreCallObserver::notify(StoreCallObserver::Call::Exec);
    SecureBytes literal = rawKeyLiteral(newKey);
    const int rc = sqlite3_rekey_v2(m_db, nullptr, literal.data(), static_cast<int>(literal.size()));
    literal.wipe();
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("rekey"));
    return {};
}

Status Database::reopen(const SecureBytes& key)
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        m_isOpen = false;
    }
    auto fresh = open(m_path, key);
    if (!fresh.ok())
        return fresh.error();
    std::swap(m_db, (*fresh)->m_db);
    m_cipherVersion = (*fresh)->m_cipherVersion;
    m_isOpen = true;
    installReadRecorder();
    return {};
}

void Database::setReadRecorder(std::function<void(const StatementReads&)> recorder)
{
    m_readRecorder.reset();
    if (recorder)
        m_readRecorder =
            std::make_unique<StatementReadRecorder>(StatementReadRecorder{std::move(recorder), {}});
    installReadRecorder();
}

void Database::installReadRecorder()
{
    // Setting an authorizer expires every prepared statement; SQLite recompiles them on their next step.
    if (m_db)
        sqlite3_set_authorizer(m_db, m_readRecorder ? &StatementReadRecorder::noteRead : nullptr,
                               m_readRecorder.get());
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Status Database::checkIntegrity()
{
    const auto corrupt = [](const QString& detail) {
        return makeError(ErrorCode::StoreCorrupt,
                         QCoreApplication::translate("confer::Database",
                                                     "The store is damaged: some of its pages failed the "
                                                     "integrity check. Restore it from a backup."),
                         detail);
    };
    auto check = prepare(QStringLiteral("PRAGMA integrity_check"));
    if (!check.ok())
        return corrupt(check.error().detail);
    QStringList rows;
    for (;;) {
        auto hasRow = check->step();
        if (!hasRow.ok())
            return corrupt(hasRow.error().detail);
        if (!*hasRow)
            break;
        rows << check->columnText(0);
    }
    if (rows == QStringList{QStringLiteral("ok")})
        return {};
    // The report names pages and indexes, never row contents; the first line is enough to start from.
    return corrupt(QStringLiteral("integrity_check: %1 problem(s); first: %2")
                       .arg(rows.size())
                       .arg(rows.isEmpty() ? QStringLiteral("no result") : rows.first()));
}

Status Database::checkpointTruncate()
{
    StoreCallObserver::notify(StoreCallObserver::Call::Exec);
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("checkpoint"));
    return {};
}

bool Database::isInTransaction() const
{
    return m_db && !sqlite3_get_autocommit(m_db);
}

Error Database::lastError(const QString& what) const
{
    const int code = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
    const QString detail = QStringLiteral("%1: %2 (%3)")
                               .arg(what, QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "no connection"))
                               .arg(code);
    if (isCorruptionCode(code)) {
        return makeError(ErrorCode::StoreCorrupt,
                         QCoreApplication::translate(
                             "confer::Database", "The store is damaged and this part of it cannot be read. "
                                                 "Restore it from a backup."),
                         detail);
    }
    // SQLITE_IOERR_SHMSIZE: the -shm file could not grow, which on a local disk means it is full.
    if ((code & 0xff) == SQLITE_FULL || code == SQLITE_IOERR_SHMSIZE) {
        return makeError(ErrorCode::DiskFull,
                         QCoreApplication::translate("confer::Database",
                                                     "There is not enough disk space for the store, so this "
                                                     "change was not saved. Free some space and try again."),
                         detail);
    }
    return makeError(
        ErrorCode::Database,
        QCoreApplication::translate("confer::Database", "The store could not complete this step."), detail);
}

} // namespace confer
