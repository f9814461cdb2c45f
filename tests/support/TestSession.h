#pragma once

#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "common/Clock.h"
#include "session/StoreOpener.h"

#include <memory>

namespace confer::test {

// A store made for one test: cheap KDF parameters through the product's code path, an in-memory
// device secret, a clock the test moves by hand, and an administrator already signed in.
class TestSession final {
public:
    static constexpr const char* AdminLogin = "admin";
    static QString adminPassphrase() { return QStringLiteral("Durham panel stapler 2026"); }

    explicit TestSession(bool bindToDevice = true);

    StoreOpener opener()
    {
        return StoreOpener(StorePaths(dir.path()), deviceSecrets, clock, KdfPolicy::cheapForTests());
    }
    Session& session() { return *m_session; }
    std::unique_ptr<Session>& sessionPtr() { return m_session; }
    QString recoveryKeyText() const { return m_recoveryKey; }
    // The keychain entry of the store's current device secret, as the key-slot file names it now.
    QString deviceSecretName() const;
    // The store key as the administrator's slot gives it now (SlotStoreKey.h): the session hands out none.
    SecureBytes adminStoreKey();

    TestStoreDir dir;
    InMemoryDeviceSecretStore deviceSecrets;
    ManualClock clock;

private:
    std::unique_ptr<Session> m_session;
    QString m_recoveryKey;
};

} // namespace confer::test
