#pragma once

#include <QHashFunctions>
#include <QtGlobal>

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>

namespace confer {

// The row id of one kind of entity, so that a panel id cannot be passed where a user id is wanted.
// Built only explicitly from the store's integer and read back only through value(); no arithmetic.
//
// "None" is std::optional<XId> everywhere (a case with no lead agency, a panel with no chair): never 0 or
// -1. A default-constructed id (value 0) exists only so that domain structs can be default-constructed
// before a row is read into them; no code compares an id with 0 to mean "none".
template <typename Tag>
class Id final {
public:
    constexpr Id() = default;
    constexpr explicit Id(qint64 value)
        : m_value(value)
    {}

    constexpr qint64 value() const { return m_value; }

    friend constexpr bool operator==(Id, Id) = default;
    friend constexpr auto operator<=>(Id, Id) = default;

    friend size_t qHash(Id id, size_t seed = 0) noexcept { return ::qHash(id.m_value, seed); }
    // For test messages: "7", as the store has it.
    friend std::ostream& operator<<(std::ostream& out, Id id) { return out << id.m_value; }

private:
    qint64 m_value = 0;
};

using UserId = Id<struct UserIdTag>;
using AgencyId = Id<struct AgencyIdTag>;
using PanelId = Id<struct PanelIdTag>;
using CaseId = Id<struct CaseIdTag>;
using SubjectId = Id<struct SubjectIdTag>;
using NoteId = Id<struct NoteIdTag>;
using ActionId = Id<struct ActionIdTag>;
using ActionUpdateId = Id<struct ActionUpdateIdTag>;
using ReviewId = Id<struct ReviewIdTag>; // a scheduled review
using ConsentId = Id<struct ConsentIdTag>;
using MeetingId = Id<struct MeetingIdTag>;
using AgendaItemId = Id<struct AgendaItemIdTag>;
using AttendeeId = Id<struct AttendeeIdTag>; // one person on one meeting's list
using DeclarationId = Id<struct DeclarationIdTag>;
using DeclarationTextId = Id<struct DeclarationTextIdTag>; // one version of a panel's declaration
using DecisionId = Id<struct DecisionIdTag>;               // a decision recorded at a meeting

} // namespace confer

template <typename Tag>
struct std::hash<confer::Id<Tag>> {
    size_t operator()(confer::Id<Tag> id) const noexcept { return std::hash<qint64>{}(id.value()); }
};
