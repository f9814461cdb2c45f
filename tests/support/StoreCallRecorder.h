#pragma once

#include "store/StoreCallObserver.h"

#include <QThread>

#include <vector>

namespace confer::test {

// Records which thread makes each store call (StoreCallObserver) while it exists, for the tests that
// prove the GUI thread stays off the store while long work runs. One at a time.
class StoreCallRecorder final {
public:
    struct Call {
        Qt::HANDLE thread = nullptr;
        StoreCallObserver::Call kind = StoreCallObserver::Call::Prepare;
    };

    StoreCallRecorder();
    ~StoreCallRecorder();
    StoreCallRecorder(const StoreCallRecorder&) = delete;
    StoreCallRecorder& operator=(const StoreCallRecorder&) = delete;

    // Every call so far, in the order they were made.
    std::vector<Call> calls() const;
};

} // namespace confer::test
