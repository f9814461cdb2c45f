#include "CaseloadFixture.h"
#include "session/Session.h"

using namespace confer;
using namespace confer::test;

namespace {

class AgencyServiceTest : public CaseloadFixture {};

Agency agencyNamed(const QString& name)
{
    Agency agency;
    agency.name = name;
    agency.kind = Agency::Kind::CooperatingBody;
    agency.ispSignatory = QStringLiteral("Head of Housing");
    agency.ispSignedOn = QDate(2025, 6, 1);
    agency.dataProtectionRegistration = QStringLiteral("Z1234567");
    agency.contactEmail = QStringLiteral("spoc@example.org");
    return agency;
}

} // namespace

TEST_F(AgencyServiceTest, AdministratorAddsAnAgencyWithEveryDetailAndTheChangeIsAudited)
{
    auto added = agencyService().add(agencyNamed(QStringLiteral("Believe Housing")));
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    EXPECT_EQ(added->kind, Agency::Kind::CooperatingBody);
    EXPECT_EQ(added->ispSignedOn, QDate(2025, 6, 1));
    EXPECT_EQ(added->dataProtectionRegistration, QStringLiteral("Z1234567"));
    const auto last = lastAuditEvent();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->action, QStringLiteral("agency.create"));
    EXPECT_EQ(last->record, QStringLiteral("agency:%1").arg(added->id.value()));
    EXPECT_EQ(agencyService().agencies()->size(), 4u);
}

TEST_F(AgencyServiceTest, DuplicateOrNamelessAgencyIsRefusedAndChangesNothing)
{
    const int eventsBefore = static_cast<int>(auditEvents().size());
    auto duplicate = agencyService().add(agencyNamed(QStringLiteral("durham constabulary")));
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::Conflict);
    EXPECT_FALSE(agencyService().add(agencyNamed(QStringLiteral("  "))).ok());
    Agency badEmail = agencyNamed(QStringLiteral("Youth Justice Service"));
    badEmail.contactEmail = QStringLiteral("not an address");
    EXPECT_FALSE(agencyService().add(badEmail).ok());
    Agency futureSigning = agencyNamed(QStringLiteral("Youth Justice Service"));
    futureSigning.ispSignedOn = today().addDays(1);
    EXPECT_FALSE(agencyService().add(futureSigning).ok());
    EXPECT_EQ(agencyService().agencies()->size(), 3u);
    EXPECT_EQ(static_cast<int>(auditEvents().size()), eventsBefore);
}

TEST_F(AgencyServiceTest, UpdateChangesTheDirectoryAndIsAudited)
{
    Agency police = *agencyService().agency(policeId);
    police.contactName = QStringLiteral("Inspector Ward");
    police.kind = Agency::Kind::ResponsibleAuthority;
    ASSERT_TRUE(agencyService().update(police).ok());
    EXPECT_EQ(agencyService().agency(policeId)->contactName, QStringLiteral("Inspector Ward"));
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("agency.update"));
    // The contact's name is personal: the audit detail never carries it.
    for (const AuditEvent& event : auditEvents())
        EXPECT_FALSE(event.detail.contains(QStringLiteral("Ward")));
}

TEST_F(AgencyServiceTest, PanelMemberCannotChangeTheDirectoryAndTheDenialIsAudited)
{
    signInAs(member.login);
    EXPECT_EQ(agencyService().agencies()->size(), 3u); // everyone may read it
    auto attempt = agencyService().add(agencyNamed(QStringLiteral("Believe Housing")));
    ASSERT_FALSE(attempt.ok());
    EXPECT_EQ(attempt.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("agency.create"));
    EXPECT_FALSE(agencyService().setUserAgency(member.id, councilId).ok());
    EXPECT_EQ(*agencyService().agencyOfUser(member.id), std::optional(policeId));
    EXPECT_EQ(agencyService().agencies()->size(), 3u);
}

TEST_F(AgencyServiceTest, UsersAgencyIsRecordedAndCanBeCleared)
{
    EXPECT_EQ(*agencyService().agencyOfUser(chair.id), std::optional(councilId));
    ASSERT_TRUE(agencyService().setUserAgency(chair.id, std::nullopt).ok());
    EXPECT_EQ(*agencyService().agencyOfUser(chair.id), std::nullopt);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("user.agency"));
    EXPECT_FALSE(agencyService().setUserAgency(chair.id, AgencyId(9999)).ok());
    EXPECT_FALSE(agencyService().agencyOfUser(UserId(9999)).ok());
}
