#include "caseload/StandardStageGates.h"

#include "caseload/ConsentGate.h"
#include "partnership/StageGateRegistry.h"

namespace confer {

const StageGateRegistry& standardStageGates()
{
    // Built once and never changed, so every registry of kinds can keep pointing at it.
    static const StageGateRegistry gates = [] {
        StageGateRegistry registry;
        registry.add(std::make_unique<ConsentGate>());
        return registry;
    }();
    return gates;
}

} // namespace confer
