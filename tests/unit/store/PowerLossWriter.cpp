// confer_store_power_loss_writer <store path> <exit at event> <commits>, with the store key on stdin.
// Creates the store and its tables through the ordinary file system, then arms the fault VFS for
// power loss: from there on writes reach the disk only when their file is synced, and at the given
// event (an xWrite or xSync, counted from 1; 0 = never) the process _exits with code 86, losing every
// unsynced write. Before each transaction it prints "b n", after each COMMIT returns "n" (its promise
// that row n is durable), and "events <count>" when it finished and closed the store.
// A fifth argument "unsynced" turns synchronous off after setup: the control run that shows a power
// loss in this model really does lose what was never synced.
#include "ChildKey.h"
#include "CrashPayload.h"
#include "FaultVfs.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QString>

#include <cstdio>

namespace {

int fail(const char* what, const confer::Error& error)
{
    std::fprintf(stderr, "power-loss writer: %s: %s | %s\n", what, error.message.toUtf8().constData(),
                 error.detail.toUtf8().constData());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace confer;
    if (argc != 4 && argc != 5) {
        std::fprintf(
            stderr,
            "usage: confer_store_power_loss_writer <store path> <exit at event> <commits> [unsynced]\n");
        return 2;
    }
    const SecureBytes key = test::readKeyFromStdin();
    if (key.isEmpty()) {
        std::fprintf(stderr, "power-loss writer: expected 64 hex digits on stdin\n");
        return 2;
    }
    const int exitAt = QString::fromLatin1(argv[2]).toInt();
    const int commits = QString::fromLatin1(argv[3]).toInt();
    test::FaultVfs::install();

    {
        Database::Options options;
        options.create = true;
        auto opened = Database::open(QString::fromLocal8Bit(argv[1]), key, options);
        if (!opened.ok())
            return fail("open", opened.error());
        Database& db = **opened;
        if (Status schema =
                db.exec(QStringLiteral("CREATE TABLE rows (n INTEGER PRIMARY KEY, payload BLOB NOT NULL);"
                                       "CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), "
                                       "value INTEGER NOT NULL);"
                                       "INSERT INTO counter VALUES (1, 0);"));
            !schema.ok())
            return fail("schema", schema.error());

        auto insert = db.prepare(QStringLiteral("INSERT INTO rows (n, payload) VALUES (:n, :payload)"));
        auto count = db.prepare(QStringLiteral("UPDATE counter SET value = value + 1 WHERE id = 1"));
        if (!insert.ok())
            return fail("prepare", insert.error());
        if (!count.ok())
            return fail("prepare", count.error());

        if (argc == 5 && QString::fromLatin1(argv[4]) == QLatin1String("unsynced")) {
            if (Status off = db.exec(QStringLiteral("PRAGMA synchronous = OFF")); !off.ok())
                return fail("synchronous off", off.error());
        }
        // The store exists and is durable; power may fail from here on.
        test::FaultVfs::armPowerLoss(exitAt);
        for (qint64 n = 1; n <= commits; ++n) {
            std::printf("b %lld\n", static_cast<long long>(n));
            std::fflush(stdout);
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
        insert->reset();
        count->reset();
    } // closing checkpoints the WAL into the store: more events, outside any commit
    std::printf("events %d\n", test::FaultVfs::counts().events());
    std::fflush(stdout);
    return 0;
}
