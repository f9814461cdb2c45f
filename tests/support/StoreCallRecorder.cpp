#include "StoreCallRecorder.h"

#include <mutex>

namespace confer::test {

namespace {

std::mutex g_mutex;
std::vector<StoreCallRecorder::Call> g_calls;

void record(StoreCallObserver::Call kind)
{
    const std::lock_guard lock(g_mutex);
    g_calls.push_back({QThread::currentThreadId(), kind});
}

} // namespace

StoreCallRecorder::StoreCallRecorder()
{
    {
        const std::lock_guard lock(g_mutex);
        g_calls.clear();
    }
    StoreCallObserver::set(&record);
}

StoreCallRecorder::~StoreCallRecorder()
{
    StoreCallObserver::set(nullptr);
}

std::vector<StoreCallRecorder::Call> StoreCallRecorder::calls() const
{
    const std::lock_guard lock(g_mutex);
    return g_calls;
}

} // namespace confer::test
