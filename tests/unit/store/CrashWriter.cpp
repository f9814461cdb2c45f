// confer_store_crash_writer <store path>, with the 64-hex-digit store key on stdin.
// Commits row after row until it is killed; after each COMMIT returns it prints "n\n" and flushes,
// which is its promise that row n is durable. CrashSafetyTest kills it with SIGKILL and checks.
#include "ChildKey.h"
#include "CrashPayload.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QString>

#include <cstdio>
#include <cstring>

namespace {

int fail(const char* what, const confer::Error& error)
{
    std::fprintf(stderr, "crash writer: %s: %s | %s\n", what, error.message.toUtf8().constData(),
                 error.detail.toUtf8().constData());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace confer;
    if (argc != 2) {
        std::fprintf(stderr, "usage: confer_store_crash_writer <store path>  (hex key on stdin)\n");
        return 2;
    }
    const SecureBytes key = test::readKeyFromStdin();
    if (key.isEmpty()) {
        std::fprintf(stderr, "crash writer: expected 64 hex digits on stdin\n");
        return 2;
    }
    Database::Options options;
    options.create = true;
    auto opened = Database::open(QString::fromLocal8Bit(argv[1]), key, options);
    if (!opened.ok())
        return fail("open", opened.error());
    Database& db = **opened;

    if (Status schema = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS rows (n INTEGER PRIMARY KEY, "
                                               "payload BLOB NOT NULL);"
                                               "CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY "
                                               "CHECK (id = 1), value INTEGER NOT NULL);"
                                               "INSERT OR IGNORE INTO counter VALUES (1, 0);"));
        !schema.ok())
        return fail("schema", schema.error());

    auto last = db.prepare(QStringLiteral("SELECT coalesce(max(n), 0) FROM rows"));
    if (!last.ok())
        return fail("prepare", last.error());
    if (auto hasRow = last->step(); !hasRow.ok())
        return fail("read last row", hasRow.error());
    qint64 n = last->columnInt(0);
    last->reset();

    auto insert = db.prepare(QStringLiteral("INSERT INTO rows (n, payload) VALUES (:n, :payload)"));
    auto count = db.prepare(QStringLiteral("UPDATE counter SET value = value + 1 WHERE id = 1"));
    if (!insert.ok())
        return fail("prepare", insert.error());
    if (!count.ok())
        return fail("prepare", count.error());

    for (;;) {
        ++n;
        Transaction transaction(db);
        if (!transaction.isActive())
            return fail("begin", transaction.beginStatus().error());
        insert->bind(":n", n).bind(":payload", test::crashPayload(n));
        if (Status run = insert->run(); !run.ok())
            return fail("insert", run.error());
        if (Status run = count->run(); !run.ok())
            return fail("count", run.error());
        if (Status committed = transaction.commit(); !committed.ok())
            return fail("commit", committed.error());
        std::printf("%lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
}
