#pragma once

#include "ShellTestSupport.h"
#include "caseload/Caseload.h"
#include "demo/DemoPartnership.h"
#include "session/Session.h"

#include <gtest/gtest.h>

#include <memory>

namespace confer::test {

// A demonstration store filled by DemoPartnership (a few hundred synthetic cases with notes and
// actions, demo accounts that sign in) plus two people who sit on no panel, all locked; signIn() then opens
// one person's session and caseload the way the product does (StoreOpener::unlock). Only one session is open
// at a time.
//
//   demo.dnicholson  chair of Peterlee MAPS, member of County Durham IOM and the Channel panel;
//                    works for Durham Constabulary
//   demo.hwalton     chair of Easington MAPS only
//   admin2           a second administrator, member of no panel
//   newcomer         a member of no panel and no agency
class DemoStoreFixture : public ::testing::Test {
protected:
    static constexpr int DemoCases = 240;
    static QString chairLogin() { return QStringLiteral("demo.dnicholson"); }
    static QString singlePanelChairLogin() { return QStringLiteral("demo.hwalton"); }
    static QString otherAdminLogin() { return QStringLiteral("admin2"); }
    static QString newcomerLogin() { return QStringLiteral("newcomer"); }
    // The demo accounts' passphrase: for these tests only (the product draws one per run).
    static QString demoAccountsPassphrase() { return QStringLiteral("test-only demo accounts passphrase"); }
    // The passphrase for login, whichever of the above it is.
    static QString passphraseFor(const QString& login);

    DemoStoreFixture();
    ~DemoStoreFixture() override;

    // Closes any open session, then opens login's session and a Caseload over it; false (with the
    // test failed) when the store refuses.
    [[nodiscard]] bool signIn(const QString& login);
    void signOut();

    TestSession store;
    std::unique_ptr<Session> session;
    std::unique_ptr<Caseload> caseload;
};

} // namespace confer::test
