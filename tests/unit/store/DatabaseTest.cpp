#include "store/Database.h"

#include "MarkerScan.h"
#include "StoreTestSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace confer {
namespace {

using test::creating;
using test::describe;
using test::mustExec;
using test::mustOpen;
using test::queryInt;
using test::queryText;
using test::readFile;
using test::TestStoreDir;
using test::writeFile;

const QString WrongCredentialsMessage =
    QStringLiteral("The store could not be opened with these credentials.");

// A marker no real data contains, so any hit in a file is ours.
QString uniqueMarker()
{
    const SecureBytes random = SecureBytes::random(12);
    return QStringLiteral("CONFER-MARKER-") +
           QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(random.data()), 12).toHex());
}

// Empty when the scan found nothing; otherwise the files and encodings that gave the marker away.
std::string hitsIn(const QString& directory, const QString& marker)
{
    return test::describe(test::scanForMarker(directory, marker)).join(QStringLiteral(", ")).toStdString();
}

// Writes rows whose text and blob both carry the marker, committed in one transaction.
void insertMarkedRows(Database& db, const QString& marker)
{
    mustExec(
        db, QStringLiteral("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT, raw BLOB)"));
    Transaction transaction(db);
    ASSERT_TRUE(transaction.isActive());
    for (int i = 0; i < 20; ++i) {
        auto insert = db.prepare(QStringLiteral("INSERT INTO notes (body, raw) VALUES (:body, :raw)"));
        ASSERT_TRUE(insert.ok());
        const QString body =
            QStringLiteral("Concern raised about %1 at the meeting, row %2").arg(marker).arg(i);
        insert->bind(":body", body).bind(":raw", body.toUtf8());
        const Status run = insert->run();
        ASSERT_TRUE(run.ok()) << describe(run.error());
    }
    const Status committed = transaction.commit();
    ASSERT_TRUE(committed.ok()) << describe(committed.error());
}

// Enough ~200-byte rows that the table spans many 4 KiB pages.
void insertManyRows(Database& db, int count)
{
    mustExec(
        db, QStringLiteral("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT, raw BLOB)"));
    Transaction transaction(db);
    ASSERT_TRUE(transaction.isActive());
    auto insert = db.prepare(QStringLiteral("INSERT INTO notes (body) VALUES (:body)"));
    ASSERT_TRUE(insert.ok());
    for (int i = 0; i < count; ++i) {
        insert->bind(":body", QStringLiteral("note %1 ").arg(i).repeated(20).left(200));
        const Status run = insert->run();
        ASSERT_TRUE(run.ok()) << describe(run.error());
    }
    ASSERT_TRUE(transaction.commit().ok());
}

TEST(Database, CreatedStoreReopensWithTheSameKeyAndKeepsItsData)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    {
        auto db = mustOpen(path, key, creating());
        ASSERT_NE(db, nullptr);
        mustExec(*db, QStringLiteral("CREATE TABLE people (name TEXT)"));
        mustExec(*db, QStringLiteral("INSERT INTO people VALUES ('Rhiannon')"));
    }
    auto reopened = mustOpen(path, key);
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(queryText(*reopened, QStringLiteral("SELECT name FROM people")), QStringLiteral("Rhiannon"));
}

// The test-only read recorder: each statement prepare() compiles, with the columns it reads, until it is
// cleared; it stays installed across a reopen (key rotation reopens the same object).
TEST(Database, ReadRecorderReportsEachStatementAndTheColumnsItReadsUntilCleared)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    auto db = mustOpen(path, key, creating());
    ASSERT_NE(db, nullptr);
    mustExec(*db, QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, team INTEGER)"));
    std::vector<Database::StatementReads> seen;
    db->setReadRecorder([&](const Database::StatementReads& statement) { seen.push_back(statement); });
    const QString byTeam = QStringLiteral("SELECT name FROM people WHERE team = 3");
    ASSERT_TRUE(db->prepare(byTeam).ok());
    ASSERT_TRUE(db->reopen(key).ok());
    ASSERT_TRUE(db->prepare(QStringLiteral("SELECT count(*) FROM people")).ok());
    EXPECT_FALSE(
        db->prepare(QStringLiteral("SELECT nothing FROM nowhere")).ok()); // not compiled: not reported
    db->setReadRecorder({});
    ASSERT_TRUE(db->prepare(byTeam).ok());

    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].sql, byTeam);
    EXPECT_EQ(seen[0].columns, (QStringList{QStringLiteral("people.name"), QStringLiteral("people.team")}));
    EXPECT_TRUE(seen[1].columns.isEmpty()) << "count(*) reads no column: only its query plan shows the table";
}

TEST(Database, MissingFileIsNotCreatedWithoutTheCreateOption)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    auto db = Database::open(path, SecureBytes::random(32));
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(Database, KeyOfTheWrongLengthIsRefused)
{
    TestStoreDir dir;
    auto db = Database::open(dir.file(QStringLiteral("store.db")), SecureBytes::random(16), creating());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::InvalidInput);
    EXPECT_FALSE(QFileInfo::exists(dir.file(QStringLiteral("store.db"))));
}

TEST(Database, SecuritySettingsReadBackAsRequiredOnCreateAndReopen)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    Database::Options options = creating();
    options.cachePages = 1234;
    for (int attempt = 0; attempt < 2; ++attempt) { // created, then reopened
        auto db = mustOpen(path, key, options);
        ASSERT_NE(db, nullptr);
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA secure_delete")), QStringLiteral("1"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA temp_store")), QStringLiteral("2"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA synchronous")), QStringLiteral("2"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA cache_size")), QStringLiteral("1234"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA cipher_page_size")), QStringLiteral("4096"));
        EXPECT_EQ(queryText(*db, QStringLiteral("PRAGMA page_size")), QStringLiteral("4096"));
        EXPECT_FALSE(db->cipherVersion().isEmpty());
        EXPECT_EQ(db->cipherVersion(), queryText(*db, QStringLiteral("PRAGMA cipher_version")));
        options.create = false;
    }
}

TEST(Database, ForeignKeysAreEnforced)
{
    TestStoreDir dir;
    auto db = mustOpen(dir.file(QStringLiteral("store.db")), SecureBytes::random(32), creating());
    ASSERT_NE(db, nullptr);
    mustExec(*db, QStringLiteral("CREATE TABLE cases (id INTEGER PRIMARY KEY)"));
    mustExec(*db, QStringLiteral("CREATE TABLE actions (id INTEGER PRIMARY KEY, "
                                 "case_id INTEGER NOT NULL REFERENCES cases(id))"));
    EXPECT_FALSE(db->exec(QStringLiteral("INSERT INTO actions (case_id) VALUES (42)")).ok());
    EXPECT_EQ(queryInt(*db, QStringLiteral("SELECT count(*) FROM actions")), 0);
}

TEST(Database, NewStoreFileIsEncryptedOnDiskAndPrivateToItsOwner)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    auto db = mustOpen(path, SecureBytes::random(32), creating());
    ASSERT_NE(db, nullptr);
    mustExec(*db, QStringLiteral("CREATE TABLE people (name TEXT)"));
    mustExec(*db, QStringLiteral("INSERT INTO people VALUES ('x')"));

    const QByteArray head = readFile(path).left(16);
    ASSERT_EQ(head.size(), 16);
    EXPECT_NE(head, QByteArray("SQLite format 3", 16));
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    for (const QString& file :
         QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        ASSERT_TRUE(QFileInfo::exists(file)) << file.toStdString();
        const QFile::Permissions others =
            QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
        EXPECT_EQ(QFile::permissions(file) & others, QFile::Permissions()) << file.toStdString();
        EXPECT_EQ(QFile::permissions(file) & ownerOnly, ownerOnly) << file.toStdString();
    }
}

TEST(Database, WrongKeyAndFilesThatAreNotStoresGiveTheSameError)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    {
        auto db = mustOpen(path, key, creating());
        ASSERT_NE(db, nullptr);
        insertManyRows(*db, 100);
    }
    const QByteArray storeBytes = readFile(path);
    ASSERT_GT(storeBytes.size(), 4096);

    auto wrongKey = Database::open(path, SecureBytes::random(32));
    ASSERT_FALSE(wrongKey.ok());
    const Error expected = wrongKey.error();
    EXPECT_EQ(expected.code, ErrorCode::WrongCredentials);
    EXPECT_EQ(expected.message, WrongCredentialsMessage);
    EXPECT_EQ(readFile(path), storeBytes) << "a failed attempt must not write to the store";

    const SecureBytes noise = SecureBytes::random(64 * 1024);
    const QList<QPair<const char*, QByteArray>> impostors = {
        {"random bytes", QByteArray(reinterpret_cast<const char*>(noise.data()), 64 * 1024)},
        {"store cut inside its first page", storeBytes.left(1000)},
        {"store cut to ten bytes", storeBytes.left(10)},
        {"empty file", QByteArray("", 0)},
        {"zeros", QByteArray(8192, '\0')},
    };
    for (const auto& [what, bytes] : impostors) {
        const QString impostor = dir.file(QStringLiteral("impostor.db"));
        writeFile(impostor, bytes);
        auto db = Database::open(impostor, key);
        ASSERT_FALSE(db.ok()) << what;
        EXPECT_EQ(db.error().code, expected.code) << what;
        EXPECT_EQ(db.error().message, expected.message) << what;
        EXPECT_EQ(db.error().detail, expected.detail) << what;
        EXPECT_EQ(readFile(impostor), bytes) << what << ": a refused file must be left as it was";
        QFile::remove(impostor);
    }

    auto rightKey = mustOpen(path, key);
    ASSERT_NE(rightKey, nullptr);
    EXPECT_EQ(queryInt(*rightKey, QStringLiteral("SELECT count(*) FROM notes")), 100);
}

TEST(Database, WrongKeyAttemptDoesNotDisturbAStoreThatIsOpenElsewhere)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    auto db = mustOpen(path, key, creating());
    ASSERT_NE(db, nullptr);
    insertManyRows(*db, 100); // committed into the WAL, not yet checkpointed

    auto wrongKey = Database::open(path, SecureBytes::random(32));
    ASSERT_FALSE(wrongKey.ok());
    EXPECT_EQ(wrongKey.error().code, ErrorCode::WrongCredentials);

    EXPECT_EQ(queryInt(*db, QStringLiteral("SELECT count(*) FROM notes")), 100);
    db.reset();
    auto reopened = mustOpen(path, key);
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(queryInt(*reopened, QStringLiteral("SELECT count(*) FROM notes")), 100);
    EXPECT_TRUE(reopened->checkIntegrity().ok());
}

TEST(Database, PlaintextSQLiteFileIsRefused)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("plain.db"));
    Database::Options plaintext = creating();
    plaintext.plaintextForBenchmark = true;
    {
        auto db = mustOpen(path, SecureBytes(), plaintext);
        ASSERT_NE(db, nullptr);
        mustExec(*db, QStringLiteral("CREATE TABLE people (name TEXT)"));
    }
    const QByteArray before = readFile(path);
    ASSERT_TRUE(before.startsWith(QByteArray("SQLite format 3", 16))) << "the fixture must be plaintext";

    for (const bool create : {false, true}) {
        Database::Options options;
        options.create = create;
        auto db = Database::open(path, SecureBytes::random(32), options);
        ASSERT_FALSE(db.ok());
        EXPECT_EQ(db.error().code, ErrorCode::StoreMisconfigured);
        EXPECT_EQ(db.error().message,
                  QStringLiteral("This file is an unencrypted database; Confer will not open it."));
    }
    EXPECT_EQ(readFile(path), before);
}

TEST(Database, SettingThatDoesNotTakeMakesTheStoreRefuseToOpen)
{
    // An in-memory database cannot use WAL: journal_mode reads back "memory", so opening must fail closed.
    auto db = Database::open(QStringLiteral(":memory:"), SecureBytes::random(32), creating());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::StoreMisconfigured);
    EXPECT_TRUE(db.error().detail.contains(QStringLiteral("journal_mode"))) << describe(db.error());
}

TEST(Database, FlippedByteInADataPageIsReportedAsCorruptionNotACrash)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    const SecureBytes key = SecureBytes::random(32);
    {
        auto db = mustOpen(path, key, creating());
        ASSERT_NE(db, nullptr);
        insertManyRows(*db, 600);
        ASSERT_TRUE(db->checkIntegrity().ok());
    } // closing checkpoints the WAL into the main file
    EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")) &&
                 QFileInfo(path + QStringLiteral("-wal")).size() > 0);

    QFile file(path);
    ASSERT_GT(file.size(), 4096 * 10);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    const qint64 offset = 4096 * 3 + 100; // inside page 4, a leaf of the notes table
    ASSERT_TRUE(file.seek(offset));
    char byte = 0;
    ASSERT_TRUE(file.getChar(&byte));
    ASSERT_TRUE(file.seek(offset));
    ASSERT_TRUE(file.putChar(static_cast<char>(byte ^ 0x01)));
    file.close();

    auto db = mustOpen(path, key); // page 1 is intact, so the key still checks out
    ASSERT_NE(db, nullptr);
    const Status integrity = db->checkIntegrity();
    ASSERT_FALSE(integrity.ok());
    EXPECT_EQ(integrity.error().code, ErrorCode::StoreCorrupt);
    EXPECT_FALSE(integrity.error().message.isEmpty());

    auto scan = db->prepare(QStringLiteral("SELECT sum(length(body)) FROM notes WHERE body LIKE 'note%'"));
    ASSERT_TRUE(scan.ok()) << describe(scan.error());
    auto stepped = scan->step();
    ASSERT_FALSE(stepped.ok());
    EXPECT_EQ(stepped.error().code, ErrorCode::StoreCorrupt) << describe(stepped.error());
}

TEST(Database, MarkerNeverReachesDiskReadableWhileOpenOrAfterClose)
{
    TestStoreDir dir;
    const QString marker = uniqueMarker();
    auto db = mustOpen(dir.file(QStringLiteral("store.db")), SecureBytes::random(32), creating());
    ASSERT_NE(db, nullptr);
    insertMarkedRows(*db, marker);
    ASSERT_GT(QFileInfo(dir.file(QStringLiteral("store.db-wal"))).size(), 0) << "the commit sits in the WAL";
    EXPECT_EQ(hitsIn(dir.path(), marker), "");
    db.reset();
    EXPECT_EQ(hitsIn(dir.path(), marker), "");
}

TEST(Database, MarkerScanFindsTheMarkerInAnUnkeyedStore)
{
    // The control for the test above: the same rows in an unkeyed file are found, so a pass there means
    // encryption, not a blind scanner.
    TestStoreDir dir;
    const QString marker = uniqueMarker();
    Database::Options plaintext = creating();
    plaintext.plaintextForBenchmark = true;
    auto db = mustOpen(dir.file(QStringLiteral("plain.db")), SecureBytes(), plaintext);
    ASSERT_NE(db, nullptr);
    insertMarkedRows(*db, marker);
    EXPECT_NE(hitsIn(dir.path(), marker), "");
}

TEST(Database, SecureDeleteOverwritesDeletedRows)
{
    // Seen through an unkeyed file (same settings, same library): after a delete and a checkpoint the
    // deleted text must be gone from every file, not left in a free slot of the page.
    TestStoreDir dir;
    const QString marker = uniqueMarker();
    Database::Options plaintext = creating();
    plaintext.plaintextForBenchmark = true;
    auto db = mustOpen(dir.file(QStringLiteral("plain.db")), SecureBytes(), plaintext);
    ASSERT_NE(db, nullptr);
    insertManyRows(*db, 50);
    insertMarkedRows(*db, marker);
    ASSERT_TRUE(db->checkpointTruncate().ok());
    ASSERT_NE(hitsIn(dir.path(), marker), "");

    mustExec(*db, QStringLiteral("DELETE FROM notes WHERE body LIKE '%CONFER-MARKER-%'"));
    ASSERT_TRUE(db->checkpointTruncate().ok());
    EXPECT_EQ(hitsIn(dir.path(), marker), "");
    EXPECT_EQ(queryInt(*db, QStringLiteral("SELECT count(*) FROM notes")), 50);
}

TEST(Database, CheckpointTruncateEmptiesTheWal)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("store.db"));
    auto db = mustOpen(path, SecureBytes::random(32), creating());
    ASSERT_NE(db, nullptr);
    insertManyRows(*db, 50);
    ASSERT_GT(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
    const Status checkpoint = db->checkpointTruncate();
    ASSERT_TRUE(checkpoint.ok()) << describe(checkpoint.error());
    EXPECT_EQ(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
    EXPECT_EQ(queryInt(*db, QStringLiteral("SELECT count(*) FROM notes")), 50);
}

TEST(Database, OnlySQLCipherIsLoadedAsTheSQLiteLibrary)
{
    // Two SQLite libraries in one process share symbol names and corrupt each other (Qt SQL's plugin
    // would bring the system libsqlite3).
    TestStoreDir dir;
    auto db = mustOpen(dir.file(QStringLiteral("store.db")), SecureBytes::random(32), creating());
    ASSERT_NE(db, nullptr);

    std::ifstream maps("/proc/self/maps");
    ASSERT_TRUE(maps.is_open());
    int sqlcipherMappings = 0;
    std::string line;
    while (std::getline(maps, line)) {
        const std::string::size_type slash = line.rfind('/');
        if (slash == std::string::npos)
            continue;
        const std::string file = line.substr(slash + 1);
        EXPECT_NE(file.rfind("libsqlite3.so", 0), 0u) << "system SQLite is loaded: " << line;
        if (file.rfind("libsqlcipher.so", 0) == 0)
            ++sqlcipherMappings;
    }
    EXPECT_GT(sqlcipherMappings, 0);
    EXPECT_TRUE(
        queryText(*db, QStringLiteral("SELECT sqlite_version()")).startsWith(QStringLiteral("3.15.")));
}

} // namespace
} // namespace confer
