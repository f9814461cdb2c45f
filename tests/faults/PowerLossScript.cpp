// confer_fault_power_loss_script <store dir> <exit at event>: the child of FaultSweepPowerLoss.
//
// Runs a fixed script of product operations on a store the parent made, through the product's own
// commit path (StoreOpener, Session, AuditLog and its anchor file, both key-slot copies, the store-key
// rotation), with the fault VFS in power-loss mode and the SafeFile hook counting into the same event
// counter: writes reach the disk only when their file is synced, and at the given event (an xWrite, an
// xSync or a SafeFile step, counted from 1 at the sign-in; 0 = never) the process _exits with code 86,
// losing every unsynced write.
//
// The store is device-bound. The device secret comes from the parent on stdin and is kept in memory
// (no keychain in the child); so does the keychain's audit witness. A witness the product writes is
// printed ("witness <store id> <hex>") before the write returns, and the parent keeps the last one: that
// models a keychain that, once its call returned, holds what it was given through a power loss.
//
// stdin:  "secret <name> <hex>", "witness <store id> <hex>" (optional), "end"
// stdout: "begin <op>" before each operation, "ok <op> <events so far>" after it returned ok (the
//         product's promise that its change is durable), "events <total>" when the script ran to the end.
// An operation that fails prints "failed <op>: <message>" on stderr and exits 1: power loss aside,
// nothing in the script may fail.
#include "FaultVfs.h"
#include "accounts/AccountService.h"
#include "common/Clock.h"
#include "crypto/PassphraseKdf.h"
#include "keys/DeviceSecretStore.h"
#include "session/Session.h"
#include "session/StoreOpener.h"

#include <QCoreApplication>
#include <QHash>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

using namespace confer;

// The passphrases and logins the parent's store was made with (PowerLossScriptTest.cpp has the same).
const QString AdminLogin = QStringLiteral("admin");
const QString AdminPassphrase = QStringLiteral("Durham panel stapler 2026");
const QString NewAdminPassphrase = QStringLiteral("a brand new passphrase 2027");
const QString RemovedLogin = QStringLiteral("chair.one");
const QString AddedLogin = QStringLiteral("member.two");
const QString AddedPassphrase = QStringLiteral("member of the panel, housing");
constexpr int AutoLockMinutes = 17;

// The keychain of this process: the parent's secret, and witness writes passed on to the parent.
class RelayedKeychain final : public DeviceSecretStore {
public:
    Result<SecureBytes> read(const QString& secretName) override
    {
        const auto it = secrets.constFind(secretName);
        if (it == secrets.constEnd())
            return makeError(ErrorCode::DeviceSecretMissing, QStringLiteral("No device secret."));
        return SecureBytes(reinterpret_cast<const unsigned char*>(it->constData()),
                           static_cast<std::size_t>(it->size()));
    }
    Status write(const QString& secretName, const SecureBytes& secret) override
    {
        secrets.insert(secretName, QByteArray(reinterpret_cast<const char*>(secret.data()),
                                              static_cast<qsizetype>(secret.size())));
        return {};
    }
    Status remove(const QString& secretName) override
    {
        secrets.remove(secretName);
        return {};
    }
    Result<QByteArray> readWitness(const QString& storeId) override
    {
        const auto it = witnesses.constFind(storeId);
        if (it == witnesses.constEnd())
            return makeError(ErrorCode::NotFound, QStringLiteral("No witness."));
        return *it;
    }
    Status writeWitness(const QString& storeId, const QByteArray& bytes) override
    {
        witnesses.insert(storeId, bytes);
        std::printf("witness %s %s\n", storeId.toLatin1().constData(), bytes.toHex().constData());
        std::fflush(stdout);
        return {};
    }

    QHash<QString, QByteArray> secrets;
    QHash<QString, QByteArray> witnesses;
};

int fail(const char* op, const Error& error)
{
    std::fprintf(stderr, "failed %s: %s | %s\n", op, error.message.toUtf8().constData(),
                 error.detail.toUtf8().constData());
    return 1;
}

void begin(const char* op)
{
    std::printf("begin %s\n", op);
    std::fflush(stdout);
}

void acknowledge(const char* op)
{
    std::printf("ok %s %d\n", op, test::FaultVfs::counts().events());
    std::fflush(stdout);
}

bool readStdin(RelayedKeychain& keychain)
{
    QTextStream in(stdin);
    bool hasSecret = false;
    for (QString line = in.readLine(); !line.isNull(); line = in.readLine()) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (parts.value(0) == QLatin1String("end"))
            return hasSecret;
        if (parts.size() != 3)
            return false;
        const QByteArray bytes = QByteArray::fromHex(parts[2].toLatin1());
        if (parts[0] == QLatin1String("secret")) {
            keychain.secrets.insert(parts[1], bytes);
            hasSecret = true;
        } else if (parts[0] == QLatin1String("witness")) {
            keychain.witnesses.insert(parts[1], bytes);
        } else {
            return false;
        }
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: confer_fault_power_loss_script <store dir> <exit at event>\n");
        return 2;
    }
    RelayedKeychain keychain;
    if (!readStdin(keychain)) {
        std::fprintf(stderr, "power-loss script: expected \"secret <name> <hex>\" ... \"end\" on stdin\n");
        return 2;
    }
    const QString storeDir = QString::fromLocal8Bit(argv[1]);
    const int exitAt = QString::fromLatin1(argv[2]).toInt();
    ManualClock clock;
    test::FaultVfs::install();
    // Power may fail from the first write of the sign-in on.
    test::FaultVfs::armPowerLoss(exitAt);

    StoreOpener opener(StorePaths(storeDir), keychain, clock, KdfPolicy::cheapForTests());
    begin("signin");
    auto unlocked = opener.unlock(AdminLogin, AdminPassphrase);
    if (!unlocked.ok())
        return fail("signin", unlocked.error());
    std::unique_ptr<Session> session = std::move(unlocked).value();
    acknowledge("signin");

    begin("autolock");
    if (Status set = session->setAutoLockMinutes(AutoLockMinutes); !set.ok())
        return fail("autolock", set.error());
    acknowledge("autolock");

    begin("adduser");
    auto added = session->accounts().addUser(
        {AddedLogin, QStringLiteral("Morgan Member"), Role::Member, AddedPassphrase});
    if (!added.ok())
        return fail("adduser", added.error());
    acknowledge("adduser");

    begin("passphrase");
    if (Status changed = session->accounts().changeOwnPassphrase(AdminPassphrase, NewAdminPassphrase);
        !changed.ok())
        return fail("passphrase", changed.error());
    acknowledge("passphrase");

    auto removed = session->accounts().userByLogin(RemovedLogin); // a read: no event
    if (!removed.ok())
        return fail("removal", removed.error());
    begin("removal");
    if (Status disabled = session->accounts().setDisabled(removed->id, true); !disabled.ok())
        return fail("removal", disabled.error());
    acknowledge("removal");

    begin("lock");
    session.reset(); // audits the lock, anchors it, writes the witness
    acknowledge("lock");

    std::printf("events %d\n", test::FaultVfs::counts().events());
    std::fflush(stdout);
    return 0;
}
