#include "store/StoreCallObserver.h"

namespace confer {

std::atomic<StoreCallObserver::Function> StoreCallObserver::s_observer{nullptr};

} // namespace confer
