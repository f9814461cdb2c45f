// What an attacker with a copy of the disk finds: nothing of what was written into the store.
#include "MarkerScan.h"
#include "TestSession.h"
#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString Marker = QStringLiteral("ZQX-Marker-Case-7731-Okonkwo");

void writeMarkers(Session& session)
{
    auto added = session.accounts().addUser(
        {QStringLiteral("coord.one"), Marker, Role::Coordinator, QStringLiteral("coordinator of the panel")});
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    ASSERT_TRUE(session.audit().append(QStringLiteral("admin"), AuditAction::SettingChange, {}, Marker).ok());
}

} // namespace

TEST(StoreAtRest, MarkersAreNotFoundInAnyFileWhileOpen)
{
    test::TestSession store;
    writeMarkers(store.session());
    const auto hits = test::scanForMarker(store.dir.path(), Marker);
    EXPECT_TRUE(hits.isEmpty()) << test::describe(hits).join(QLatin1Char('\n')).toStdString();
}

TEST(StoreAtRest, MarkersAreNotFoundInAnyFileAfterLock)
{
    test::TestSession store;
    writeMarkers(store.session());
    store.session().lock();
    const auto hits = test::scanForMarker(store.dir.path(), Marker);
    EXPECT_TRUE(hits.isEmpty()) << test::describe(hits).join(QLatin1Char('\n')).toStdString();
}

TEST(StoreAtRest, TheStoreDirectoryHoldsOnlyTheStoreItsKeySlotCopiesAndItsAnchor)
{
    test::TestSession store;
    writeMarkers(store.session());
    store.session().lock();
    QStringList names = QDir(store.dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("confer.anchor"), QStringLiteral("confer.keyslots"),
                                  QStringLiteral("confer.keyslots.2"), QStringLiteral("confer.store")}));
}

TEST(StoreAtRest, FlippedByteIsDetectedByVerifyWithoutCrash)
{
    test::TestSession store;
    for (int i = 0; i < 40; ++i)
        ASSERT_TRUE(store.session()
                        .audit()
                        .append(QStringLiteral("admin"), AuditAction::SettingChange, {},
                                QString(200, QLatin1Char('x')))
                        .ok());
    const QString file = store.session().paths().storeFile();
    store.session().lock();

    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_GT(f.size(), 4096 * 4);
    const qint64 offset = f.size() - 4096 - 700; // inside the last audit page
    f.seek(offset);
    char byte = 0;
    f.getChar(&byte);
    f.seek(offset);
    f.putChar(static_cast<char>(byte ^ 0x20));
    f.close();

    StoreOpener opener = store.opener();
    auto session = opener.unlock(QStringLiteral("admin"), test::TestSession::adminPassphrase());
    if (!session.ok()) {
        // The damaged page may be one that signing in must read: refusing is also detection.
        EXPECT_NE(session.error().code, ErrorCode::WrongCredentials);
        return;
    }
    Status verified = (*session)->verify();
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, ErrorCode::StoreCorrupt);
}
