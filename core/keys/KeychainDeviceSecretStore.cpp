#include "keys/KeychainDeviceSecretStore.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <sodium.h>

#include <memory>

namespace confer {

namespace {

constexpr std::size_t DeviceSecretSize = 32;

// Deletes a finished job at once; a job that timed out is released instead (see runJob).
struct JobDeleter {
    void operator()(QKeychain::Job* job) const { delete job; }
};
template <typename JobType>
using JobPtr = std::unique_ptr<JobType, JobDeleter>;

template <typename JobType>
JobPtr<JobType> makeJob(const QString& service, const QString& key)
{
    JobPtr<JobType> job(new JobType(service));
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never the plaintext QSettings store
    job->setKey(key);
    return job;
}

// Runs the job in a local event loop until it finishes or the timeout passes. Returns false on
// timeout. A timed-out job cannot be deleted: QtKeychain's libsecret callback still holds a raw
// pointer to it and would write into freed memory. So it is cut loose from this call and deletes
// itself (autoDelete) once the keychain finally answers.
template <typename JobType>
bool runJob(JobPtr<JobType>& job, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool isFinished = false;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&] {
        isFinished = true;
        loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    timeout.start(timeoutMs);
    // Input stays queued while we wait, so no widget re-enters the store half-way through.
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (isFinished)
        return true;
    QObject::disconnect(job.get(), nullptr, &loop, nullptr);
    job->setAutoDelete(true);
    (void)job.release();
    return false;
}

Error timedOut()
{
    return makeError(ErrorCode::KeychainUnavailable,
                     QCoreApplication::translate("confer", "The system keychain did not answer in time."),
                     QStringLiteral("keychain job timed out"));
}

// Errors other than "not found"; every one fails closed as KeychainUnavailable.
Error unavailable(QKeychain::Error code, const QString& keychainMessage)
{
    QString message;
    switch (code) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        message = QCoreApplication::translate("confer",
                                              "The system keychain refused access. Unlock it and try again.");
        break;
    case QKeychain::NoBackendAvailable:
        message = QCoreApplication::translate("confer", "No system keychain is available on this computer.");
        break;
    case QKeychain::NotImplemented:
        message = QCoreApplication::translate(
            "confer", "The system keychain on this computer cannot hold the device secret.");
        break;
    case QKeychain::CouldNotDeleteEntry:
        message =
            QCoreApplication::translate("confer", "The system keychain could not remove the device secret.");
        break;
    default:
        message = QCoreApplication::translate("confer", "The system keychain reported an error.");
        break;
    }
    return makeError(ErrorCode::KeychainUnavailable, message,
                     QStringLiteral("QtKeychain error %1: %2").arg(int(code)).arg(keychainMessage));
}

// QByteArray is implicitly shared: the job's own copy uses the same buffer, so zero it in place
// (through constData) instead of detaching a private copy with data().
void scrubSharedBuffer(const QByteArray& bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(const_cast<char*>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
}

} // namespace

KeychainDeviceSecretStore::KeychainDeviceSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{}

QString KeychainDeviceSecretStore::entryName(const QString& secretName) const
{
    return QStringLiteral("device-secret/") + secretName;
}

Result<SecureBytes> KeychainDeviceSecretStore::read(const QString& secretName)
{
    auto job = makeJob<QKeychain::ReadPasswordJob>(m_service, entryName(secretName));
    if (!runJob(job, m_timeoutMs))
        return timedOut();
    // On Linux a locked or missing collection also reads as EntryNotFound; both fail closed here.
    if (job->error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::DeviceSecretMissing,
                         QCoreApplication::translate(
                             "confer",
                             "This computer's keychain does not hold the device secret for this store. "
                             "Open it with the recovery key."),
                         job->errorString());
    if (job->error() != QKeychain::NoError)
        return unavailable(job->error(), job->errorString());

    const QByteArray data = job->binaryData();
    const auto size = static_cast<std::size_t>(data.size());
    if (size != DeviceSecretSize) {
        scrubSharedBuffer(data);
        return makeError(
            ErrorCode::DeviceSecretMissing,
            QCoreApplication::translate("confer", "The device secret in this computer's keychain is damaged. "
                                                  "Open the store with the recovery key."),
            QStringLiteral("device secret has %1 bytes, expected %2").arg(size).arg(DeviceSecretSize));
    }
    SecureBytes secret(reinterpret_cast<const unsigned char*>(data.constData()), size);
    scrubSharedBuffer(data);
    return secret;
}

Status KeychainDeviceSecretStore::write(const QString& secretName, const SecureBytes& secret)
{
    // read() refuses anything else, so never store it.
    if (secret.size() != DeviceSecretSize)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("confer", "The device secret has the wrong length."),
                         QStringLiteral("device secret has %1 bytes, expected %2")
                             .arg(secret.size())
                             .arg(DeviceSecretSize));
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, entryName(secretName));
    const QByteArray data(reinterpret_cast<const char*>(secret.data()),
                          static_cast<qsizetype>(secret.size()));
    job->setBinaryData(data);
    if (!runJob(job, m_timeoutMs))
        return timedOut(); // the orphaned job still needs its copy: not scrubbed
    scrubSharedBuffer(data);
    if (job->error() != QKeychain::NoError)
        return unavailable(job->error(), job->errorString());
    return Status::success();
}

Status KeychainDeviceSecretStore::remove(const QString& secretName)
{
    auto job = makeJob<QKeychain::DeletePasswordJob>(m_service, entryName(secretName));
    if (!runJob(job, m_timeoutMs))
        return timedOut();
    // Removing what is not there leaves the keychain as the caller wants it.
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return unavailable(job->error(), job->errorString());
    return Status::success();
}

Result<QByteArray> KeychainDeviceSecretStore::readWitness(const QString& storeId)
{
    auto job = makeJob<QKeychain::ReadPasswordJob>(m_service, QStringLiteral("audit-head/") + storeId);
    if (!runJob(job, m_timeoutMs))
        return timedOut();
    if (job->error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("confer", "This computer's keychain holds no audit record "
                                                               "for this store."),
                         job->errorString());
    if (job->error() != QKeychain::NoError)
        return unavailable(job->error(), job->errorString());
    return job->binaryData();
}

Status KeychainDeviceSecretStore::writeWitness(const QString& storeId, const QByteArray& bytes)
{
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, QStringLiteral("audit-head/") + storeId);
    job->setBinaryData(bytes);
    if (!runJob(job, m_timeoutMs))
        return timedOut();
    if (job->error() != QKeychain::NoError)
        return unavailable(job->error(), job->errorString());
    return Status::success();
}

bool KeychainDeviceSecretStore::isServiceAvailable()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QDBusReply<bool> reply =
        bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets"));
    return reply.isValid() && reply.value();
}

} // namespace confer
