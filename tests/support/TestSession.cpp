#include "TestSession.h"

#include "SlotStoreKey.h"
#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"

#include <gtest/gtest.h>

namespace confer::test {

TestSession::TestSession(bool bindToDevice)
{
    StoreOpener::SetupRequest request;
    request.adminLogin = QString::fromLatin1(AdminLogin);
    request.adminDisplayName = QStringLiteral("Alex Admin");
    request.passphrase = adminPassphrase();
    request.bindToDevice = bindToDevice;
    request.kdf = KdfPolicy::cheapForTests().floor;
    auto outcome = opener().create(request);
    if (!outcome.ok()) {
        ADD_FAILURE() << "creating the test store failed: " << outcome.error().message.toStdString() << " / "
                      << outcome.error().detail.toStdString();
        return;
    }
    m_recoveryKey = outcome->recoveryKey.displayText();
    m_session = std::move(outcome->session);
}

QString TestSession::deviceSecretName() const
{
    const StorePaths paths(dir.path());
    auto copies = KeySlotCopies(paths.keySlotFile(), paths.keySlotSecondCopy()).readable();
    if (!copies.ok())
        return QString();
    const KeySlotFile& file = copies->front().file;
    return DeviceSecretStore::secretName(file.storeId, file.deviceSecretId);
}

SecureBytes TestSession::adminStoreKey()
{
    return storeKeyFromSlot(StorePaths(dir.path()), deviceSecrets, QString::fromLatin1(AdminLogin),
                            adminPassphrase());
}

} // namespace confer::test
