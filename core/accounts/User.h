#pragma once

#include "common/Id.h"
#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace confer {

enum class Role { Administrator, Chair, Coordinator, Member };

QString roleKey(Role role); // stable key stored in the database ("administrator", ...)
std::optional<Role> roleFromKey(const QString& key);
QString roleDisplayName(Role role); // translated, for the UI

// A login is 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.
Status validateLogin(const QString& login);

struct User {
    UserId id;
    QString login;       // what the unlock screen lists; kept in the key-slot file too
    QString displayName; // personal: kept only inside the store
    Role role = Role::Member;
    bool isDisabled = false;
    QDateTime createdUtc;
};

} // namespace confer
