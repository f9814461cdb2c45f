#include "accounts/User.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace confer {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Administrator:
        return QStringLiteral("administrator");
    case Role::Chair:
        return QStringLiteral("chair");
    case Role::Coordinator:
        return QStringLiteral("coordinator");
    case Role::Member:
        return QStringLiteral("member");
    }
    return QStringLiteral("member");
}

std::optional<Role> roleFromKey(const QString& key)
{
    for (Role role : {Role::Administrator, Role::Chair, Role::Coordinator, Role::Member}) {
        if (roleKey(role) == key)
            return role;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Administrator:
        return QCoreApplication::translate("confer::Role", "Administrator");
    case Role::Chair:
        return QCoreApplication::translate("confer::Role", "Chair");
    case Role::Coordinator:
        return QCoreApplication::translate("confer::Role", "Coordinator");
    case Role::Member:
        return QCoreApplication::translate("confer::Role", "Member");
    }
    return {};
}

Status validateLogin(const QString& login)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$"));
    if (pattern.match(login).hasMatch())
        return {};
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate("confer::Accounts",
                                                 "A user name is 2 to 64 letters, digits, dots, dashes or "
                                                 "underscores, starting with a letter or digit."));
}

} // namespace confer
