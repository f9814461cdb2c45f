#include "meetings/StandardStageGates.h"

#include "caseload/ConsentGate.h"
#include "meetings/DeclarationGate.h"
#include "partnership/StageGateRegistry.h"

namespace confer {

const StageGateRegistry& standardStageGates()
{
    // Built once and never changed, so every registry of kinds can keep pointing at it.
    static const StageGateRegistry gates = [] {
        StageGateRegistry registry;
        registry.add(std::make_unique<ConsentGate>());
        registry.add(std::make_unique<DeclarationGate>());
        return registry;
    }();
    return gates;
}

} // namespace confer
