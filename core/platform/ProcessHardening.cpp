#include "platform/ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace confer {

bool ProcessHardening::disableCoreDumps()
{
    const rlimit none{0, 0};
    const bool isLimitSet = setrlimit(RLIMIT_CORE, &none) == 0;
    // Not dumpable also keeps other processes of the same user from ptrace-attaching to read memory.
    const bool isUndumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return isLimitSet && isUndumpable && areCoreDumpsDisabled();
}

bool ProcessHardening::areCoreDumpsDisabled()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_CORE, &limit) != 0)
        return false;
    // Both limits: a soft limit of 0 alone could be raised again by anything in the process.
    return limit.rlim_cur == 0 && limit.rlim_max == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

} // namespace confer
