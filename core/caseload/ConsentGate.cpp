#include "caseload/ConsentGate.h"

#include "caseload/ConsentRecords.h"
#include "partnership/PanelKind.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences keep the contexts they had before gates were registered checks, so translations
// made before still apply.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseService)
};

struct LoaderTr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelKindLoader)
};

} // namespace

QString ConsentGate::unusableBy(const PanelKind& kind, const QString& where) const
{
    // Without the consent record on the case the gate could never open.
    if (kind.usesConsent)
        return {};
    return LoaderTr::tr("%1 requires consent, but the kind does not say \"usesConsent\": true.").arg(where);
}

Status ConsentGate::check(const GateContext& context) const
{
    auto consent = ConsentRecords::latestState(context.db, context.caseId);
    if (!consent.ok())
        return consent.error();
    const QString& label = context.stepLabel;
    if (!*consent)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("A case cannot move into “%1” without recorded consent.").arg(label));
    switch (**consent) {
    case Consent::State::Given:
        return {};
    case Consent::State::Refused:
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("A case cannot move into “%1”: consent was refused.").arg(label));
    case Consent::State::Withdrawn:
        break;
    }
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("A case cannot move into “%1”: consent has been withdrawn.").arg(label));
}

} // namespace confer
