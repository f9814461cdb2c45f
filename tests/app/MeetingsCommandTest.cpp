// `confer --store DIR meetings --user NAME` lists the meetings the user may see, one a line: reference,
// panel, date and status (issue 8), driven through the real binary as a script would.
#include "ConferProcess.h"
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "accounts/AccountService.h"
#include "common/Clock.h"
#include "meetings/MeetingService.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Easington MAPS on a Tuesday");
const QString ChairPassphrase = QStringLiteral("Peterlee chair's own words");

test::Outcome listMeetings(const QString& dir, const QString& login, const QString& passphrase)
{
    return test::runConfer(
        {QStringLiteral("--store"), dir, QStringLiteral("meetings"), QStringLiteral("--user"), login},
        passphrase + QLatin1Char('\n'));
}

// A meeting of a panel, planned by someone who leads it; returns its reference.
QString plan(Session& session, const PanelKindRegistry& kinds, PanelId panelId, const QDate& date)
{
    MeetingService::Details details;
    details.panelId = panelId;
    details.date = date;
    details.startsAt = QTime(10, 0);
    details.endsAt = QTime(12, 0);
    details.place = QStringLiteral("County Hall");
    auto planned = MeetingService(session, kinds).plan(details);
    EXPECT_TRUE(planned.ok()) << (planned.ok() ? "" : planned.error().message.toStdString());
    return planned.ok() ? planned->reference : QString();
}

} // namespace

TEST(MeetingsCommand, ListsTheMeetingsTheUserMaySee_OneALineWithReferencePanelDateAndStatus)
{
    test::TestStoreDir dir;
    const test::Outcome init = test::runConfer(
        {QStringLiteral("--store"), dir.path(), QStringLiteral("init"), QStringLiteral("--user"),
         QStringLiteral("admin"), QStringLiteral("--no-device-binding")},
        Passphrase + QLatin1Char('\n') + Passphrase + QLatin1Char('\n'));
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const QDate date = SystemClock::instance().today().addDays(7);
    QString easington;
    QString peterlee;
    {
        test::InMemoryDeviceSecretStore secrets; // the store is not bound to a device
        auto kinds = PanelKindRegistry::load(standardStageGates());
        ASSERT_TRUE(kinds.ok());
        StoreOpener opener(StorePaths(dir.path()), secrets, SystemClock::instance());
        {
            auto admin = opener.unlock(QStringLiteral("admin"), Passphrase);
            ASSERT_TRUE(admin.ok()) << admin.error().message.toStdString();
            auto chair = (*admin)->accounts().addUser(
                {QStringLiteral("chair.two"), QStringLiteral("Pat Chair"), Role::Chair, ChairPassphrase});
            ASSERT_TRUE(chair.ok()) << chair.error().message.toStdString();
            ASSERT_TRUE((*admin)
                            ->accounts()
                            .addUser({QStringLiteral("nobody"), QStringLiteral("Nat Nobody"), Role::Member,
                                      ChairPassphrase})
                            .ok());
            PanelService panels(**admin, *kinds);
            auto mine = panels.create(QStringLiteral("Easington MAPS"), QStringLiteral("maps"),
                                      (*admin)->currentUser().id);
            auto theirs = panels.create(QStringLiteral("Peterlee MAPS"), QStringLiteral("maps"), chair->id);
            ASSERT_TRUE(mine.ok() && theirs.ok());
            easington = plan(**admin, *kinds, mine->id, date);
        }
        auto chair = opener.unlock(QStringLiteral("chair.two"), ChairPassphrase);
        ASSERT_TRUE(chair.ok()) << chair.error().message.toStdString();
        auto panels = PanelService(**chair, *kinds).panels();
        ASSERT_TRUE(panels.ok() && panels->size() == 1u);
        peterlee = plan(**chair, *kinds, panels->front().id, date.addDays(1));
    }
    const QString day = date.toString(Qt::ISODate);
    const QString nextDay = date.addDays(1).toString(Qt::ISODate);

    // The administrator manages every panel, so lists every meeting; a chair lists their own panel's.
    const test::Outcome admin = listMeetings(dir.path(), QStringLiteral("admin"), Passphrase);
    ASSERT_EQ(admin.exitCode, 0) << admin.err.toStdString();
    EXPECT_EQ(admin.out, QStringLiteral("%1\tEasington MAPS\t%2\tplanned\n%3\tPeterlee MAPS\t%4\tplanned\n")
                             .arg(easington, day, peterlee, nextDay));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^MAPS-M-\\d{4}-001$")).match(easington).hasMatch());

    const test::Outcome chair = listMeetings(dir.path(), QStringLiteral("chair.two"), ChairPassphrase);
    ASSERT_EQ(chair.exitCode, 0) << chair.err.toStdString();
    EXPECT_EQ(chair.out, QStringLiteral("%1\tPeterlee MAPS\t%2\tplanned\n").arg(peterlee, nextDay));

    const test::Outcome nobody = listMeetings(dir.path(), QStringLiteral("nobody"), ChairPassphrase);
    EXPECT_EQ(nobody.exitCode, 0) << nobody.err.toStdString();
    EXPECT_TRUE(nobody.out.isEmpty()) << "on no panel, so no meeting: " << nobody.out.toStdString();

    const test::Outcome wrong =
        listMeetings(dir.path(), QStringLiteral("admin"), QStringLiteral("not the passphrase"));
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.out.isEmpty());
}

TEST(MeetingsCommand, NeedsAUser)
{
    test::TestStoreDir dir;
    const test::Outcome missing =
        test::runConfer({QStringLiteral("--store"), dir.path(), QStringLiteral("meetings")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("--user"))) << missing.err.toStdString();
}
