#include "partnership/StageGateRegistry.h"

namespace confer {

void StageGateRegistry::add(std::unique_ptr<StageGate> gate)
{
    Q_ASSERT(gate && !this->gate(gate->key()));
    if (gate && !this->gate(gate->key()))
        m_gates.push_back(std::move(gate));
}

const StageGate* StageGateRegistry::gate(const QString& key) const
{
    for (const auto& candidate : m_gates) {
        if (candidate->key() == key)
            return candidate.get();
    }
    return nullptr;
}

QStringList StageGateRegistry::keys() const
{
    QStringList keys;
    for (const auto& gate : m_gates)
        keys.append(gate->key());
    return keys;
}

} // namespace confer
