#pragma once

#include <QString>

#include <initializer_list>
#include <optional>

namespace confer {

// Looks a key up among every value of an enum; the enum's key function is the one source of spelling
// (riskKey, markingKey, agencyKindKey...), so reading a key back can never disagree with writing it.
template <typename Enum, typename KeyOf>
std::optional<Enum> fromKey(const QString& key, std::initializer_list<Enum> values, KeyOf keyOf)
{
    for (Enum value : values) {
        if (keyOf(value) == key)
            return value;
    }
    return std::nullopt;
}

} // namespace confer
