#include "meetings/DeclarationGate.h"

#include "meetings/SignInRegister.h"

#include <QCoreApplication>
#include <QStringList>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::DeclarationGate)
};

QString named(const OutstandingSignature& person)
{
    return person.agencyName.isEmpty() ? person.name : Tr::tr("%1 (%2)").arg(person.name, person.agencyName);
}

} // namespace

Status DeclarationGate::check(const GateContext& context) const
{
    if (!context.atMeeting) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("“%1” is decided at a panel meeting, once everyone present has signed the "
                                "declaration.")
                             .arg(context.stepLabel));
    }
    auto outstanding = SignInRegister::outstanding(context.db, context.atMeeting->meetingId,
                                                   context.atMeeting->agendaItemId);
    if (!outstanding.ok())
        return outstanding.error();
    if (outstanding->empty())
        return {};
    QStringList notSigned;
    QStringList refused;
    for (const OutstandingSignature& person : *outstanding)
        (person.hasRefused ? refused : notSigned) << named(person);
    QStringList parts;
    if (!notSigned.isEmpty())
        parts << Tr::tr("not signed yet: %1").arg(notSigned.join(QStringLiteral(", ")));
    if (!refused.isEmpty())
        parts << Tr::tr("refused to sign: %1").arg(refused.join(QStringLiteral(", ")));
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("Before “%1” is discussed, everyone present must sign the declaration (%2). Get "
                            "their signature, or record why the meeting goes on without it.")
                         .arg(context.stepLabel, parts.join(QStringLiteral("; "))));
}

} // namespace confer
