// Hardening is irreversible for a process (the hard core limit cannot be raised again), so every
// check runs in a forked child and reports through its exit code.
#include "platform/ProcessHardening.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace confer {
namespace {

// Runs check in a child; returns its exit code (0 = passed), or -1 if it did not exit normally.
// The child uses only system calls and _exit: it is a fork of a process with threads.
int inChild(const std::function<int()>& check)
{
    const pid_t pid = fork();
    if (pid == 0)
        _exit(check());
    if (pid < 0)
        return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

TEST(ProcessHardeningTest, ProcessHardening_DisablesCoreDumpsAndReadsThemBack)
{
    const int result = inChild([] {
        if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 1)
            return 10; // the test needs to start from a dumpable process
        if (ProcessHardening::areCoreDumpsDisabled())
            return 11;
        if (!ProcessHardening::disableCoreDumps())
            return 12;
        if (!ProcessHardening::areCoreDumpsDisabled())
            return 13;
        rlimit limit{};
        if (getrlimit(RLIMIT_CORE, &limit) != 0 || limit.rlim_cur != 0 || limit.rlim_max != 0)
            return 14;
        if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
            return 15;
        return 0;
    });
    EXPECT_EQ(result, 0);
}

TEST(ProcessHardeningTest, ProcessHardening_ACoreLimitOfZeroAloneIsNotEnough)
{
    const int result = inChild([] {
        const rlimit none{0, 0};
        if (setrlimit(RLIMIT_CORE, &none) != 0)
            return 10;
        return ProcessHardening::areCoreDumpsDisabled() ? 11 : 0; // still dumpable
    });
    EXPECT_EQ(result, 0);
}

TEST(ProcessHardeningTest, ProcessHardening_UndumpableWithARaisableCoreLimitIsNotEnough)
{
    rlimit limit{};
    ASSERT_EQ(getrlimit(RLIMIT_CORE, &limit), 0);
    if (limit.rlim_max == 0)
        GTEST_SKIP() << "the hard core limit is already 0 here, so it cannot be raised for this check";
    const int result = inChild([limit] {
        const rlimit raised{limit.rlim_max == RLIM_INFINITY ? 4096 : limit.rlim_max, limit.rlim_max};
        if (setrlimit(RLIMIT_CORE, &raised) != 0)
            return 10;
        if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
            return 11;
        return ProcessHardening::areCoreDumpsDisabled() ? 12 : 0;
    });
    EXPECT_EQ(result, 0);
}

} // namespace
} // namespace confer
