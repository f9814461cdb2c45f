#include "audit/AuditActionNames.h"

#include <QCoreApplication>
#include <QHash>

namespace confer {

namespace {
const char* const Context = "confer::AuditActionNames";
}

QString auditActionDisplayName(const QString& action)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("store.create"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Store created")},
        {QStringLiteral("recovery.issue"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Recovery key issued")},
        {QStringLiteral("recovery.used"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Recovery key used")},
        {QStringLiteral("signin.success"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Signed in")},
        {QStringLiteral("signin.failure"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Sign-in failed")},
        {QStringLiteral("signin.refused"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Sign-in refused")},
        {QStringLiteral("session.lock"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Locked")},
        {QStringLiteral("account.create"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Account added")},
        {QStringLiteral("account.disable"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Account disabled")},
        {QStringLiteral("account.enable"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Account enabled")},
        {QStringLiteral("account.reset"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Passphrase reset")},
        {QStringLiteral("account.role"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Role changed")},
        {QStringLiteral("passphrase.change"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Own passphrase changed")},
        {QStringLiteral("passphrase.change.refused"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Passphrase change refused")},
        {QStringLiteral("setting.change"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Setting changed")},
        {QStringLiteral("access.denied"), QT_TRANSLATE_NOOP("confer::AuditActionNames", "Access denied")},
        {QStringLiteral("recovery.failure"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Recovery key refused")},
        {QStringLiteral("store.key.rotate"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Store key changed")},
        {QStringLiteral("store.restore.accepted"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Restored copy accepted")},
        {QStringLiteral("store.demonstration"),
         QT_TRANSLATE_NOOP("confer::AuditActionNames", "Made a demonstration store")},
    };
    const auto it = names.constFind(action);
    return it == names.constEnd() ? action : QCoreApplication::translate(Context, it.value());
}

} // namespace confer
