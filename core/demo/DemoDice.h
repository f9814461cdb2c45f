#pragma once

#include <QList>
#include <QtGlobal>

#include <cstddef>
#include <random>

namespace confer {

// Every draw a demonstration makes, from one seeded generator: the same seed gives the same partnership
// as long as the draws come in the same order. Not for secrets (those come from libsodium): this only
// picks names.
class DemoDice final {
public:
    explicit DemoDice(quint32 seed)
        : m_engine(seed)
    {}
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_engine); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_engine); }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[std::size_t(between(0, int(N) - 1))];
    }
    template <typename T>
    const T& pick(const QList<T>& items)
    {
        return items[between(0, int(items.size()) - 1)];
    }
    std::mt19937& engine() { return m_engine; }

private:
    std::mt19937 m_engine;
};

} // namespace confer
