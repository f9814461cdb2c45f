#pragma once

#include "TestSession.h"
#include "accounts/User.h"
#include "audit/AuditEvent.h"
#include "caseload/CaseService.h"
#include "caseload/CaseloadTypes.h"
#include "partnership/AgencyService.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <vector>

namespace confer::test {

// A partnership for caseload tests, in a real store: three agencies, one panel of each shipped kind,
// and three users besides the administrator. After SetUp the ADMINISTRATOR is signed in; call
// signInAs() to act as someone else. Only one session is open at a time (each session's audit log
// keeps the chain head in memory, so two open sessions would fork the chain).
//
//   user          role    agency     member of
//   admin         admin   -          nothing (manages panels, reads no case)
//   chair.one     chair   council    all four panels, chair of each
//   member.one    member  police     Easington MAPS, County Durham Channel Panel (a coordinator of it)
//   outsider      member  probation  County Durham IOM only
//
// A panel decision (adopt, select, de-select, close, exit) is its chair's or a coordinator's to make, so
// member.one makes Channel's but not Easington MAPS's.
class CaseloadFixture : public ::testing::Test {
protected:
    void SetUp() override;

    static QString userPassphrase(); // every fixture user signs in with it

    // Closes the open session and signs in as login (StoreOpener::unlock, as the product does).
    Session& signInAs(const QString& login);
    Session& signInAsAdmin() { return signInAs(QString::fromLatin1(TestSession::AdminLogin)); }
    Session& session() { return store.session(); }
    const PanelKind& kindOf(PanelId panelId) const; // one of the four fixture panels

    // Services for the current session and the shipped kinds (cheap: they hold references only).
    AgencyService agencyService() { return AgencyService(session()); }
    PanelService panelService() { return PanelService(session(), *kinds); }
    CaseService caseService() { return CaseService(session(), *kinds); }

    // A valid request for panelId: the kind's first subject type (a person where allowed), the
    // kind's required fields filled with the first acceptable value, referred today by the police.
    CaseService::NewCase newCase(PanelId panelId,
                                 const QString& subjectName = QStringLiteral("Jordan Smith"));
    // Creates newCase(panelId, subjectName) as the current user (who must be a panel member); the test
    // fails if that is refused.
    CaseRecord createCase(PanelId panelId, const QString& subjectName = QStringLiteral("Jordan Smith"));

    // Audit trail, oldest first, read through the current session.
    std::vector<AuditEvent> auditEvents();
    std::optional<AuditEvent> lastAuditEvent();
    int auditCount(const QString& action, const QString& record = {});

    // Moves the test clock on by whole days (nothing in a test sleeps).
    void advanceDays(int days) { store.clock.advanceSeconds(qint64(days) * 24 * 3600); }
    QDate today() const { return store.clock.nowUtc().date(); }

    TestSession store;
    std::optional<PanelKindRegistry> kinds; // the four shipped kinds

    UserId adminId;
    User chair;    // chair.one
    User member;   // member.one
    User outsider; // outsider

    AgencyId policeId;
    AgencyId councilId;
    AgencyId probationId;

    PanelId mapsPanelId;    // "Easington MAPS"
    PanelId iomPanelId;     // "County Durham IOM"
    PanelId meamPanelId;    // "Durham MEAM"
    PanelId channelPanelId; // "County Durham Channel Panel"

private:
    User addUser(const QString& login, const QString& name, Role role);
    std::unique_ptr<StoreOpener> m_opener;
};

// A value the kind accepts for a field (first choice, a date, a number, ...).
QVariant sampleValue(const FieldDefinition& field, const QDate& on);
// Every required field of kind filled with sampleValue().
QVariantMap requiredFields(const PanelKind& kind, const QDate& on);

} // namespace confer::test
