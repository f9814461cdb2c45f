#include "store/Statement.h"

#include "store/Database.h"
#include "store/StoreCallObserver.h"

#include <QCoreApplication>

#include <sqlcipher/sqlite3.h>

#include <utility>

namespace confer {

Statement::Statement(Database* db, sqlite3_stmt* stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_bindFailed(std::exchange(other.m_bindFailed, false))
    , m_bindError(std::move(other.m_bindError))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindFailed = std::exchange(other.m_bindFailed, false);
        m_bindError = std::move(other.m_bindError);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt); // a no-op on nullptr
}

int Statement::indexOf(const char* name)
{
    const int index = m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
    // An unknown name is a programming error; step() reports it instead of crashing or
    // silently running with the parameter left NULL.
    if (index == 0 && !m_bindFailed) {
        m_bindFailed = true;
        m_bindError = QStringLiteral("no parameter named %1").arg(QString::fromUtf8(name));
    }
    return index;
}

void Statement::recordBindResult(const char* name, int rc)
{
    // The value itself never goes into the message, only the parameter's name.
    if (rc != SQLITE_OK && !m_bindFailed) {
        m_bindFailed = true;
        m_bindError = QStringLiteral("binding %1 failed (%2)").arg(QString::fromUtf8(name)).arg(rc);
    }
}

Statement& Statement::bind(const char* name, qint64 value)
{
    if (const int index = indexOf(name))
        recordBindResult(name, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(const char* name, double value)
{
    if (const int index = indexOf(name))
        recordBindResult(name, sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(const char* name, const QString& value)
{
    if (value.isNull())
        return bindNull(name);
    if (const int index = indexOf(name)) {
        const QByteArray utf8 = value.toUtf8();
        recordBindResult(name, sqlite3_bind_text64(m_stmt, index, utf8.constData(),
                                                   static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT,
                                                   SQLITE_UTF8));
    }
    return *this;
}

Statement& Statement::bind(const char* name, const QByteArray& value)
{
    if (value.isNull())
        return bindNull(name);
    if (const int index = indexOf(name)) {
        // sqlite3_bind_blob without data would bind NULL; an empty, non-null array is an empty blob.
        recordBindResult(name, value.isEmpty()
                                   ? sqlite3_bind_zeroblob(m_stmt, index, 0)
                                   : sqlite3_bind_blob64(m_stmt, index, value.constData(),
                                                         static_cast<sqlite3_uint64>(value.size()),
                                                         SQLITE_TRANSIENT));
    }
    return *this;
}

Statement& Statement::bindNull(const char* name)
{
    if (const int index = indexOf(name))
        recordBindResult(name, sqlite3_bind_null(m_stmt, index));
    return *this;
}

Result<bool> Statement::step()
{
    if (m_bindFailed) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Statement",
                                        "Confer made a mistake preparing this change; nothing was saved."),
            m_bindError);
    }
    if (!m_stmt) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::Statement", "This statement has been moved away."));
    }
    StoreCallObserver::notify(StoreCallObserver::Call::Step);
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_db->lastError(QStringLiteral("step"));
}

Status Statement::run()
{
    for (;;) {
        auto hasRow = step();
        if (!hasRow.ok()) {
            const Error error = hasRow.error();
            reset();
            return error;
        }
        if (!*hasRow)
            break;
    }
    reset(); // releases the statement's read snapshot at once
    return {};
}

void Statement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

qint64 Statement::columnInt(int index) const
{
    return sqlite3_column_int64(m_stmt, index);
}

double Statement::columnDouble(int index) const
{
    return sqlite3_column_double(m_stmt, index);
}

QString Statement::columnText(int index) const
{
    if (sqlite3_column_type(m_stmt, index) == SQLITE_NULL)
        return {};
    // Text first, then its length, as SQLite's documentation asks.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, index));
    const int size = sqlite3_column_bytes(m_stmt, index);
    return QString::fromUtf8(text, size);
}

QByteArray Statement::columnBlob(int index) const
{
    if (sqlite3_column_type(m_stmt, index) == SQLITE_NULL)
        return {};
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(m_stmt, index));
    const int size = sqlite3_column_bytes(m_stmt, index);
    return blob ? QByteArray(blob, size) : QByteArray("", 0); // empty, but not null
}

bool Statement::isNull(int index) const
{
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

} // namespace confer
