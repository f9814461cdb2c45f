// The audit catalogue: every action the trail can record has one stable key, a name people read and a
// record format, so the Audit trail page never shows a raw code for something Confer itself wrote.
#include "audit/AuditAction.h"

#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using namespace confer;

TEST(AuditCatalogueTest, EveryActionHasAStableKeyANameForPeopleAndARecordFormat)
{
    const QRegularExpression keyShape(QStringLiteral("^[a-z]+(\\.[a-z]+)+$"));
    QSet<QString> keys;
    QSet<QString> names;
    for (const AuditActionInfo& info : auditActions()) {
        const QString key = auditActionKey(info.action);
        EXPECT_TRUE(keyShape.match(key).hasMatch()) << key.toStdString();
        EXPECT_FALSE(keys.contains(key)) << "key used twice: " << key.toStdString();
        keys.insert(key);

        const QString name = auditActionDisplayName(info.action);
        EXPECT_FALSE(name.trimmed().isEmpty()) << key.toStdString();
        EXPECT_NE(name, key) << "shown as a raw code: " << key.toStdString();
        EXPECT_FALSE(names.contains(name)) << "two actions read the same: " << name.toStdString();
        names.insert(name);
        EXPECT_NE(info.recordFormat, nullptr) << key.toStdString();
    }
    EXPECT_GE(keys.size(), 45);
}

TEST(AuditCatalogueTest, AKeyReadBackFromTheStoreFindsItsAction)
{
    for (const AuditActionInfo& info : auditActions()) {
        const std::optional<AuditAction> found = auditActionFromKey(auditActionKey(info.action));
        ASSERT_TRUE(found.has_value());
        EXPECT_EQ(*found, info.action);
        EXPECT_EQ(auditActionDisplayName(auditActionKey(info.action)), auditActionDisplayName(info.action));
    }
}

TEST(AuditCatalogueTest, AKeyFromANewerConferIsShownAsItIs)
{
    EXPECT_FALSE(auditActionFromKey(QStringLiteral("minutes.approve")).has_value());
    EXPECT_EQ(auditActionDisplayName(QStringLiteral("minutes.approve")), QStringLiteral("minutes.approve"));
}

TEST(AuditCatalogueTest, KeysAlreadyInStoresNeverChange)
{
    // Stored events hash their key into the chain: renaming one would break every older trail.
    EXPECT_EQ(auditActionKey(AuditAction::StoreCreate), QStringLiteral("store.create"));
    EXPECT_EQ(auditActionKey(AuditAction::CaseView), QStringLiteral("case.view"));
    EXPECT_EQ(auditActionKey(AuditAction::AccessDenied), QStringLiteral("access.denied"));
    EXPECT_EQ(auditActionKey(AuditAction::PassphraseChangeRefused),
              QStringLiteral("passphrase.change.refused"));
}

TEST(AuditCatalogueTest, ACaseIsNamedByItsReferenceInEveryRecord)
{
    EXPECT_EQ(AuditRecord::ofCase(QStringLiteral("MAPS-2026-0001")), QStringLiteral("case:MAPS-2026-0001"));
    EXPECT_EQ(AuditRecord::ofMissingCase(CaseId(42)), QStringLiteral("case:#42"));
}
