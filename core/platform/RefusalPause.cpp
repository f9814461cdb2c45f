#include "platform/RefusalPause.h"

#include <thread>

namespace confer {

RefusalPause::RefusalPause(Sleep sleep)
    : m_sleep(std::move(sleep))
{}

void RefusalPause::after(const Error& error) const
{
    if (isRefusedSignIn(error))
        m_sleep(Length);
}

void RefusalPause::sleepThisThread(std::chrono::milliseconds length)
{
    std::this_thread::sleep_for(length);
}

} // namespace confer
