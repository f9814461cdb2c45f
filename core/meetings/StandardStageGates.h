#pragma once

namespace confer {

class StageGateRegistry;

// The gates this build of Confer can check; panel kinds are loaded against it
// (PanelKindRegistry::load(standardStageGates())), and a meeting asks it before a case item opens. It lives
// with the meetings, the lowest domain that sees every gate (consent: core/caseload; declarations signed:
// core/meetings). To add a gate: a StageGate subclass beside the data it reads, added here, and named in a
// kind's "requires" (docs/panel-kinds.md, "Stage gates").
const StageGateRegistry& standardStageGates();

} // namespace confer
