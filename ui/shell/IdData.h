#pragma once

#include "common/Id.h"

#include <QVariant>

#include <optional>

namespace confer {

// An entity id as item data (a combo box entry, a model role): the plain integer at Qt's edge,
// converted back exactly once. A "none" entry carries an invalid QVariant, never 0.
template <typename Tag>
QVariant idData(Id<Tag> id)
{
    return QVariant::fromValue(id.value());
}

template <typename IdType>
std::optional<IdType> idFromData(const QVariant& data)
{
    if (!data.isValid() || data.isNull())
        return std::nullopt;
    return IdType(data.toLongLong());
}

} // namespace confer
