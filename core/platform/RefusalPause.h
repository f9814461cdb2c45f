#pragma once

#include "common/Error.h"

#include <chrono>
#include <functional>

namespace confer {

// After a refused sign-in the command line waits two seconds before it exits. It cannot count refusals
// across processes without writing something at each refusal (and a refused unlock writes nothing), so
// this pause and the Argon2id cost are its only brakes on a script that guesses passphrases.
class RefusalPause final {
public:
    using Sleep = std::function<void(std::chrono::milliseconds)>;
    static constexpr std::chrono::milliseconds Length{2000};

    // Tests pass a sleep that only notes the wait.
    explicit RefusalPause(Sleep sleep = sleepThisThread);
    // Waits when error refuses a sign-in (wrong passphrase or user); returns at once otherwise.
    void after(const Error& error) const;
    static bool isRefusedSignIn(const Error& error) { return error.code == ErrorCode::WrongCredentials; }
    static void sleepThisThread(std::chrono::milliseconds length);

private:
    Sleep m_sleep;
};

} // namespace confer
