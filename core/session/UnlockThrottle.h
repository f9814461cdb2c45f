#pragma once

#include <QtGlobal>

namespace confer {

class Clock;

// The growing pause after repeated failed unlocks: the first two failures cost nothing, from the
// third the form waits 1, 2, 4 ... seconds, never more than a minute. A success starts again from zero.
// It slows a person guessing at the keyboard; the Argon2id cost is the brake on offline guessing.
class UnlockThrottle final {
public:
    static constexpr int FreeAttempts = 3;
    static constexpr qint64 MaximumDelayMs = 60 * 1000;

    explicit UnlockThrottle(const Clock& clock);

    void recordFailure();
    void recordSuccess();

    int consecutiveFailures() const { return m_failures; }
    // Milliseconds until the next attempt is allowed; 0 when it is allowed now.
    qint64 remainingMs() const;
    bool isWaiting() const { return remainingMs() > 0; }

    // 0 for fewer than FreeAttempts failures, then 2^(failures - FreeAttempts) s, capped.
    static qint64 delayAfterFailures(int failures);

private:
    const Clock& m_clock;
    int m_failures = 0;
    qint64 m_allowedFromMs = 0;
};

} // namespace confer
