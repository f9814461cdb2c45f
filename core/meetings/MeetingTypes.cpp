#include "meetings/MeetingTypes.h"

#include "common/EnumKeys.h"

#include <QCoreApplication>
#include <QStringList>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Meetings)
};

} // namespace

QString meetingStatusKey(MeetingStatus status)
{
    switch (status) {
    case MeetingStatus::Planned:
        return QStringLiteral("planned");
    case MeetingStatus::Open:
        return QStringLiteral("open");
    case MeetingStatus::Closed:
        return QStringLiteral("closed");
    case MeetingStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("planned");
}

std::optional<MeetingStatus> meetingStatusFromKey(const QString& key)
{
    return fromKey(
        key, {MeetingStatus::Planned, MeetingStatus::Open, MeetingStatus::Closed, MeetingStatus::Cancelled},
        meetingStatusKey);
}

QString meetingStatusDisplayName(MeetingStatus status)
{
    switch (status) {
    case MeetingStatus::Planned:
        return Tr::tr("Planned");
    case MeetingStatus::Open:
        return Tr::tr("Open");
    case MeetingStatus::Closed:
        return Tr::tr("Closed");
    case MeetingStatus::Cancelled:
        return Tr::tr("Cancelled");
    }
    return {};
}

QString agendaReasonKey(AgendaItem::Reason reason)
{
    using Reason = AgendaItem::Reason;
    switch (reason) {
    case Reason::CarriedForward:
        return QStringLiteral("carried_forward");
    case Reason::ReviewOverdue:
        return QStringLiteral("review_overdue");
    case Reason::ReviewDue:
        return QStringLiteral("review_due");
    case Reason::OpenActions:
        return QStringLiteral("open_actions");
    case Reason::Chosen:
        return QStringLiteral("chosen");
    case Reason::Business:
        return QStringLiteral("business");
    }
    return QStringLiteral("chosen");
}

std::optional<AgendaItem::Reason> agendaReasonFromKey(const QString& key)
{
    using Reason = AgendaItem::Reason;
    return fromKey(key,
                   {Reason::CarriedForward, Reason::ReviewOverdue, Reason::ReviewDue, Reason::OpenActions,
                    Reason::Chosen, Reason::Business},
                   agendaReasonKey);
}

QString agendaReasonDisplayName(AgendaItem::Reason reason)
{
    using Reason = AgendaItem::Reason;
    switch (reason) {
    case Reason::CarriedForward:
        return Tr::tr("Actions carried forward");
    case Reason::ReviewOverdue:
        return Tr::tr("Review overdue");
    case Reason::ReviewDue:
        return Tr::tr("Review due");
    case Reason::OpenActions:
        return Tr::tr("Open actions");
    case Reason::Chosen:
        return Tr::tr("Added by the chair");
    case Reason::Business:
        return Tr::tr("Other business");
    }
    return {};
}

QString agendaStatusKey(AgendaItem::Status status)
{
    switch (status) {
    case AgendaItem::Status::Pending:
        return QStringLiteral("pending");
    case AgendaItem::Status::Open:
        return QStringLiteral("open");
    case AgendaItem::Status::Done:
        return QStringLiteral("done");
    }
    return QStringLiteral("pending");
}

std::optional<AgendaItem::Status> agendaStatusFromKey(const QString& key)
{
    return fromKey(key, {AgendaItem::Status::Pending, AgendaItem::Status::Open, AgendaItem::Status::Done},
                   agendaStatusKey);
}

QString declarationMethodKey(Declaration::Method method)
{
    switch (method) {
    case Declaration::Method::Drawn:
        return QStringLiteral("drawn");
    case Declaration::Method::TypedAndWitnessed:
        return QStringLiteral("typed_witnessed");
    case Declaration::Method::SpokenAndWitnessed:
        return QStringLiteral("spoken_witnessed");
    }
    return QStringLiteral("drawn");
}

std::optional<Declaration::Method> declarationMethodFromKey(const QString& key)
{
    using Method = Declaration::Method;
    return fromKey(key, {Method::Drawn, Method::TypedAndWitnessed, Method::SpokenAndWitnessed},
                   declarationMethodKey);
}

QString declarationMethodDisplayName(Declaration::Method method)
{
    switch (method) {
    case Declaration::Method::Drawn:
        return Tr::tr("Signed on screen");
    case Declaration::Method::TypedAndWitnessed:
        return Tr::tr("Name typed, witnessed by the chair");
    case Declaration::Method::SpokenAndWitnessed:
        return Tr::tr("Agreed aloud (remote), witnessed by the chair");
    }
    return {};
}

QString attendeeKindKey(Attendee::Kind kind)
{
    switch (kind) {
    case Attendee::Kind::Member:
        return QStringLiteral("member");
    case Attendee::Kind::Guest:
        return QStringLiteral("guest");
    case Attendee::Kind::Observer:
        return QStringLiteral("observer");
    }
    return QStringLiteral("guest");
}

std::optional<Attendee::Kind> attendeeKindFromKey(const QString& key)
{
    return fromKey(key, {Attendee::Kind::Member, Attendee::Kind::Guest, Attendee::Kind::Observer},
                   attendeeKindKey);
}

QString attendeeKindDisplayName(Attendee::Kind kind)
{
    switch (kind) {
    case Attendee::Kind::Member:
        return Tr::tr("Member");
    case Attendee::Kind::Guest:
        return Tr::tr("Guest");
    case Attendee::Kind::Observer:
        return Tr::tr("Observer");
    }
    return {};
}

QString QuorumCheck::warning() const
{
    if (missing.isEmpty())
        return {};
    QStringList names;
    for (AgencySector sector : missing)
        names << agencySectorDisplayName(sector);
    return Tr::tr("Not quorate: nobody present from %1.").arg(names.join(QStringLiteral(", ")));
}

} // namespace confer
