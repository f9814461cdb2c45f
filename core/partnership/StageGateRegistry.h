#pragma once

#include "partnership/StageGate.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace confer {

// The gates this copy of Confer can check, by key. Panel kinds are loaded against it, so the names in
// their "requires" lists resolve when the kind loads, not when a case first tries the step.
class StageGateRegistry final {
public:
    StageGateRegistry() = default;
    StageGateRegistry(const StageGateRegistry&) = delete;
    StageGateRegistry& operator=(const StageGateRegistry&) = delete;
    StageGateRegistry(StageGateRegistry&&) = default;
    StageGateRegistry& operator=(StageGateRegistry&&) = default;

    // A second gate with a key already registered is a programming error and replaces nothing.
    void add(std::unique_ptr<StageGate> gate);
    const StageGate* gate(const QString& key) const;
    QStringList keys() const; // in the order added

private:
    std::vector<std::unique_ptr<StageGate>> m_gates;
};

} // namespace confer
