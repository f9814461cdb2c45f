#pragma once

#include <atomic>

namespace confer {

// Tells an observer about every call into the store (prepare, step, exec, close), on the thread that makes
// it. Only tests set one: to prove that the GUI thread makes no store call while long work runs
// (LongWork). Without an observer a call costs one atomic load.
class StoreCallObserver final {
public:
    enum class Call { Prepare, Step, Exec, Close };
    using Function = void (*)(Call call);

    // nullptr removes the observer. The function runs on every thread that uses the store.
    static void set(Function observer) { s_observer.store(observer, std::memory_order_release); }
    static void notify(Call call)
    {
        if (const Function observer = s_observer.load(std::memory_order_acquire))
            observer(call);
    }

private:
    static std::atomic<Function> s_observer;
};

} // namespace confer
