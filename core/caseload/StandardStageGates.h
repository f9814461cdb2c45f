#pragma once

namespace confer {

class StageGateRegistry;

// The gates this build of Confer can check; panel kinds are loaded against it
// (PanelKindRegistry::load(standardStageGates())). To add a gate: a StageGate subclass beside the data it
// reads, added here, and named in a kind's "requires" (docs/panel-kinds.md, "Stage gates").
const StageGateRegistry& standardStageGates();

} // namespace confer
