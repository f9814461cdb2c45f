#include "partnership/StageGate.h"

namespace confer {

QString StageGate::unusableBy(const PanelKind& /*kind*/, const QString& /*where*/) const
{
    return {};
}

} // namespace confer
