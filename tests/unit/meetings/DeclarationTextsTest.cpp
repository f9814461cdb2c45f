// Declaration texts (issue 8): each panel kind has a default text; administrators can edit a panel's text,
// which makes a new version; old versions are kept, each with the SHA-256 of its exact text.
#include "MeetingsFixture.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCryptographicHash>

namespace confer::test {

namespace {

// Computed here independently of Confer's own hashing (core/crypto), as anyone checking a certificate would.
QString sha256Of(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

class DeclarationTextsTest : public MeetingsFixture {
protected:
    DeclarationText current(PanelId panelId)
    {
        auto text = meetings().texts.current(panelId);
        EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().message.toStdString());
        return text.ok() ? *text : DeclarationText{};
    }
};

} // namespace

TEST_F(DeclarationTextsTest, APanelStartsFromItsKindsDefaultText_HashedExactly)
{
    signInAs(chair.login);
    const DeclarationText text = current(channelPanelId);
    EXPECT_FALSE(text.id.has_value()) << "not stored until a meeting opens or an administrator edits it";
    EXPECT_EQ(text.text, kindOf(channelPanelId).declarationText);
    EXPECT_TRUE(text.text.startsWith(QStringLiteral("Channel Panel confidentiality declaration")));
    EXPECT_EQ(text.sha256, sha256Of(text.text));

    const Meeting meeting = planMeeting(channelPanelId);
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    auto versions = meetings().texts.versions(channelPanelId);
    ASSERT_TRUE(versions.ok());
    ASSERT_EQ(versions->size(), 1u) << "opening the first meeting stored the default as version 1";
    EXPECT_EQ(versions->front().version, 1);
    EXPECT_EQ(versions->front().sha256, text.sha256);
    EXPECT_EQ(meetings().declarations.textOf(meeting.id)->id, versions->front().id);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("meeting.open"));
    EXPECT_TRUE(lastAuditEvent()->detail.contains(text.sha256)) << lastAuditEvent()->detail.toStdString();
}

TEST_F(DeclarationTextsTest, AnAdministratorsEditMakesANewVersion_AndEveryOldVersionIsKeptWithItsHash)
{
    auto first =
        meetings().texts.edit(mapsPanelId, QStringLiteral("  I will keep it confidential.\r\nSigned.  "));
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first->version, 1);
    EXPECT_EQ(first->text, QStringLiteral("I will keep it confidential.\nSigned."))
        << "signed exactly as shown";
    EXPECT_EQ(first->sha256, sha256Of(first->text));
    auto second =
        meetings().texts.edit(mapsPanelId, QStringLiteral("I will keep it confidential and secure."));
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->version, 2);
    auto same =
        meetings().texts.edit(mapsPanelId, QStringLiteral("I will keep it confidential and secure.\n"));
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same->id, second->id) << "the same words make no new version";
    auto versions = meetings().texts.versions(mapsPanelId);
    ASSERT_TRUE(versions.ok());
    ASSERT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].sha256, first->sha256);
    EXPECT_EQ((*versions)[1].sha256, sha256Of(QStringLiteral("I will keep it confidential and secure.")));
    EXPECT_NE((*versions)[0].sha256, (*versions)[1].sha256);
    EXPECT_EQ(auditCount(QStringLiteral("declaration.text"), AuditRecord::ofPanel(mapsPanelId)), 2);
    EXPECT_FALSE(meetings().texts.edit(mapsPanelId, QStringLiteral(" \n ")).ok());

    // The store itself refuses to change a stored version.
    auto rewrite = session().database().prepare(QStringLiteral("UPDATE declaration_texts SET text = 'x'"));
    ASSERT_TRUE(rewrite.ok());
    EXPECT_FALSE(rewrite->run().ok());
}

TEST_F(DeclarationTextsTest, OnlyAnAdministratorEditsAPanelsText)
{
    signInAs(chair.login);
    const Status refused = meetings().texts.edit(mapsPanelId, QStringLiteral("Anything goes."));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    signInAs(outsider.login);
    EXPECT_EQ(meetings().texts.current(mapsPanelId).error().code, ErrorCode::AccessDenied)
        << "a panel's text is for its members (and administrators)";
}

TEST_F(DeclarationTextsTest, AMeetingKeepsTheVersionFixedWhenItOpened_AndItsDeclarationsNameIt)
{
    ASSERT_TRUE(meetings().texts.edit(mapsPanelId, QStringLiteral("Version one of the declaration.")).ok());
    signInAs(chair.login);
    const Meeting meeting = planMeeting(mapsPanelId);
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    signInAsAdmin();
    ASSERT_TRUE(meetings().texts.edit(mapsPanelId, QStringLiteral("Version two of the declaration.")).ok());
    signInAs(chair.login);
    auto text = meetings().declarations.textOf(meeting.id);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(text->version, 1);
    const AttendeeId me = attendeeOf(meeting.id, chair.id);
    auto signedIn = meetings().declarations.signDrawn(me, detailsOf(meeting.id, me), someStrokes());
    ASSERT_TRUE(signedIn.ok()) << signedIn.error().message.toStdString();
    EXPECT_EQ(signedIn->textVersion, 1);
    EXPECT_EQ(signedIn->textSha256, sha256Of(QStringLiteral("Version one of the declaration.")));

    const Meeting next = planMeeting(mapsPanelId);
    ASSERT_TRUE(meetings().meetings.open(next.id).ok());
    EXPECT_EQ(meetings().declarations.textOf(next.id)->version, 2);
}

} // namespace confer::test
