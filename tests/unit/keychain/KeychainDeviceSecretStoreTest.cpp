// The device secret in the real OS keychain: these tests talk to the Secret Service on the session
// bus (gnome-keyring in the private session of `./build.sh test`), never to a stand-in.
#include "keys/KeychainDeviceSecretStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QUuid>

#include <gtest/gtest.h>
#include <signal.h>

#include <string>

namespace confer {
namespace {

// Not the product's service name, so a developer's own Confer entries can never be touched.
const QString TestService = QStringLiteral("ConferTest");

bool isKeychainRequired()
{
    return !qEnvironmentVariableIsEmpty("CONFER_REQUIRE_KEYCHAIN");
}

bool isPrivateTestSession()
{
    return qEnvironmentVariable("CONFER_KEYCHAIN_SESSION") == QLatin1String("1");
}

std::string whySecretServiceIsMissing()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return "no Secret Service on the session bus: there is no session bus (" +
               bus.lastError().message().toStdString() + "); run ./build.sh test";
    return "no Secret Service on the session bus: org.freedesktop.secrets is not registered; run ./build.sh "
           "test";
}

SecureBytes secretFilledWith(unsigned char value)
{
    SecureBytes secret(32);
    for (std::size_t i = 0; i < secret.size(); ++i)
        secret.data()[i] = static_cast<unsigned char>(value + i);
    return secret;
}

QString entryName(const QString& storeId)
{
    return QStringLiteral("device-secret/") + storeId;
}

struct ToolResult {
    int exitCode = -1;
    QString output;
};

// secret-tool talks to the Secret Service through libsecret on its own: what it sees is in the
// keychain daemon, not in anything QtKeychain keeps for itself.
ToolResult secretTool(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"), arguments);
    if (!process.waitForStarted(10000))
        return {-1, QStringLiteral("secret-tool could not be started: ") + process.errorString()};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
}

ToolResult searchEntry(const QString& storeId)
{
    return secretTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--unlock"),
                       QStringLiteral("server"), TestService, QStringLiteral("user"), entryName(storeId)});
}

// Places where QtKeychain's insecure fallback (QSettings named after the service) would write.
QStringList plaintextFallbackTraces(const QString& storeId)
{
    QStringList traces;
    const QStringList roots{QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                            QDir::homePath() + QStringLiteral("/.config")};
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            const bool mentionsEntry =
                file.open(QIODevice::ReadOnly) && file.readAll().contains(storeId.toUtf8());
            if (path.contains(TestService) || mentionsEntry)
                traces << path;
        }
    }
    return traces;
}

class KeychainDeviceSecretStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (KeychainDeviceSecretStore::isServiceAvailable())
            return;
        if (isKeychainRequired())
            FAIL() << whySecretServiceIsMissing() << " (CONFER_REQUIRE_KEYCHAIN is set)";
        GTEST_SKIP() << whySecretServiceIsMissing();
    }

    void TearDown() override
    {
        for (const QString& storeId : m_storeIds)
            (void)m_store.remove(storeId);
    }

    // A fresh id per test, so parallel runs and leftovers of a crashed run never collide.
    QString newStoreId()
    {
        m_storeIds << QUuid::createUuid().toString(QUuid::WithoutBraces);
        return m_storeIds.last();
    }

    KeychainDeviceSecretStore m_store{TestService};

private:
    QStringList m_storeIds;
};

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_WrittenSecretReadsBackExactly)
{
    const QString storeId = newStoreId();
    const SecureBytes secret = SecureBytes::random(32);
    const Status written = m_store.write(storeId, secret);
    ASSERT_TRUE(written.ok()) << written.error().detail.toStdString();

    const Result<SecureBytes> read = m_store.read(storeId);
    ASSERT_TRUE(read.ok()) << read.error().detail.toStdString();
    EXPECT_EQ(read->size(), 32u);
    EXPECT_TRUE(read->equals(secret));
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_FreshInstanceReadsWhatAnotherWrote)
{
    const QString storeId = newStoreId();
    const SecureBytes secret = SecureBytes::random(32);
    {
        KeychainDeviceSecretStore writer(TestService);
        ASSERT_TRUE(writer.write(storeId, secret).ok());
    }
    KeychainDeviceSecretStore reader(TestService);
    const Result<SecureBytes> read = reader.read(storeId);
    ASSERT_TRUE(read.ok()) << read.error().detail.toStdString();
    EXPECT_TRUE(read->equals(secret));
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_OverwriteReplacesTheSecret)
{
    const QString storeId = newStoreId();
    ASSERT_TRUE(m_store.write(storeId, secretFilledWith(1)).ok());
    ASSERT_TRUE(m_store.write(storeId, secretFilledWith(100)).ok());

    const Result<SecureBytes> read = m_store.read(storeId);
    ASSERT_TRUE(read.ok()) << read.error().detail.toStdString();
    EXPECT_TRUE(read->equals(secretFilledWith(100)));
    // Replaced, not added beside the old one.
    const ToolResult search = searchEntry(storeId);
    ASSERT_EQ(search.exitCode, 0) << search.output.toStdString();
    EXPECT_EQ(search.output.count(QStringLiteral("attribute.user = ")), 1) << search.output.toStdString();
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_RemovedSecretReadsAsMissing)
{
    const QString storeId = newStoreId();
    ASSERT_TRUE(m_store.write(storeId, SecureBytes::random(32)).ok());
    ASSERT_TRUE(m_store.read(storeId).ok());

    const Status removed = m_store.remove(storeId);
    ASSERT_TRUE(removed.ok()) << removed.error().detail.toStdString();
    const Result<SecureBytes> read = m_store.read(storeId);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::DeviceSecretMissing);
    EXPECT_EQ(searchEntry(storeId).output.count(QStringLiteral("attribute.user = ")), 0);
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_NeverWrittenSecretReadsAsMissing)
{
    const Result<SecureBytes> read = m_store.read(newStoreId());
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::DeviceSecretMissing);
    EXPECT_FALSE(read.error().message.isEmpty());
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_RemovingAMissingSecretSucceeds)
{
    const Status removed = m_store.remove(newStoreId());
    EXPECT_TRUE(removed.ok()) << removed.error().detail.toStdString();
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_SecretOfWrongLengthInKeychainIsRefused)
{
    // Planted with secret-tool under QtKeychain's attributes: a truncated binary entry and a
    // 32-character text entry (right length as text, but not what Confer writes).
    const struct {
        const char* type;
        QByteArray stored;
    } damaged[] = {
        {"base64", QByteArray(16, '\x5a').toBase64()},
        {"base64", QByteArray(33, '\x5a').toBase64()},
        {"plaintext", QByteArray("0123456789abcdef0123456789abcdef-")},
    };
    for (const auto& entry : damaged) {
        const QString storeId = newStoreId();
        const ToolResult stored =
            secretTool({QStringLiteral("store"), QStringLiteral("--label=damaged"), QStringLiteral("server"),
                        TestService, QStringLiteral("user"), entryName(storeId), QStringLiteral("type"),
                        QString::fromLatin1(entry.type)},
                       entry.stored);
        ASSERT_EQ(stored.exitCode, 0) << stored.output.toStdString();

        const Result<SecureBytes> read = m_store.read(storeId);
        ASSERT_FALSE(read.ok()) << entry.stored.toStdString();
        EXPECT_EQ(read.error().code, ErrorCode::DeviceSecretMissing);
        EXPECT_TRUE(read.error().detail.contains(QStringLiteral("expected 32")))
            << read.error().detail.toStdString();
    }
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_WriteRefusesSecretOfWrongLength)
{
    const QString storeId = newStoreId();
    const Status written = m_store.write(storeId, SecureBytes::random(16));
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(m_store.read(storeId).error().code, ErrorCode::DeviceSecretMissing);
}

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_SecretLivesInTheSecretServiceNotInAFile)
{
    const QString storeId = newStoreId();
    const SecureBytes secret = secretFilledWith(7);
    ASSERT_TRUE(m_store.write(storeId, secret).ok());

    const ToolResult search = searchEntry(storeId);
    ASSERT_EQ(search.exitCode, 0) << search.output.toStdString();
    const QByteArray expected =
        QByteArray(reinterpret_cast<const char*>(secret.data()), static_cast<qsizetype>(secret.size()))
            .toBase64();
    EXPECT_TRUE(search.output.contains(QStringLiteral("secret = ") + QString::fromLatin1(expected)))
        << search.output.toStdString();
    EXPECT_TRUE(search.output.contains(QStringLiteral("attribute.type = base64")))
        << search.output.toStdString();
    EXPECT_TRUE(plaintextFallbackTraces(storeId).isEmpty())
        << plaintextFallbackTraces(storeId).join(QLatin1Char('\n')).toStdString();

    if (isPrivateTestSession()) {
        // In build.sh's session the Secret Service must be the gnome-keyring daemon it started.
        const QDBusReply<uint> pid =
            QDBusConnection::sessionBus().interface()->servicePid(QStringLiteral("org.freedesktop.secrets"));
        ASSERT_TRUE(pid.isValid());
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid.value()));
        ASSERT_TRUE(comm.open(QIODevice::ReadOnly));
        EXPECT_TRUE(comm.readAll().startsWith("gnome-keyring"));
    }
}

// Stops the keyring daemon (SIGSTOP) so it really cannot answer, and resumes it on scope exit.
class FrozenProcess final {
public:
    explicit FrozenProcess(pid_t pid)
        : m_pid(pid)
        , m_isFrozen(kill(pid, SIGSTOP) == 0)
    {}
    ~FrozenProcess() { thaw(); }
    FrozenProcess(const FrozenProcess&) = delete;
    FrozenProcess& operator=(const FrozenProcess&) = delete;
    bool isFrozen() const { return m_isFrozen; }
    void thaw()
    {
        if (m_isFrozen)
            kill(m_pid, SIGCONT);
        m_isFrozen = false;
    }

private:
    pid_t m_pid;
    bool m_isFrozen;
};

TEST_F(KeychainDeviceSecretStoreTest, KeychainDeviceSecretStore_KeychainThatDoesNotAnswerTimesOut)
{
    // Freezing the daemon is only acceptable for the throw-away one of build.sh's private session.
    if (!isPrivateTestSession())
        GTEST_SKIP() << "needs the private keyring session of ./build.sh test (CONFER_KEYCHAIN_SESSION=1)";
    const QString storeId = newStoreId();
    const SecureBytes secret = SecureBytes::random(32);
    ASSERT_TRUE(m_store.write(storeId, secret).ok());
    const QDBusReply<uint> pid =
        QDBusConnection::sessionBus().interface()->servicePid(QStringLiteral("org.freedesktop.secrets"));
    ASSERT_TRUE(pid.isValid());

    KeychainDeviceSecretStore impatient(TestService, 200);
    QElapsedTimer elapsed;
    Result<SecureBytes> read = makeError(ErrorCode::Io, QString());
    {
        FrozenProcess frozen(static_cast<pid_t>(pid.value()));
        ASSERT_TRUE(frozen.isFrozen());
        elapsed.start();
        read = impatient.read(storeId);
    }
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::KeychainUnavailable);
    EXPECT_EQ(read.error().message, QStringLiteral("The system keychain did not answer in time."));
    EXPECT_LT(elapsed.elapsed(), 10000);

    // The abandoned job finishes once the daemon resumes and cleans up after itself; the next
    // call queues behind it and gets the real answer.
    const Result<SecureBytes> again = m_store.read(storeId);
    ASSERT_TRUE(again.ok()) << again.error().detail.toStdString();
    EXPECT_TRUE(again->equals(secret));
}

} // namespace
} // namespace confer
