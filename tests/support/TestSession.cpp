#include "TestSession.h"

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

} // namespace confer::test
