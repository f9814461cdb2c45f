#pragma once

namespace confer {

// Marks a synchronous call into the session from the GUI thread. Such a call may spin a nested
// event loop (a keychain job does) in which a lock request can arrive; MainWindow then waits for
// the call to return instead of destroying the session underneath it. Shows the wait cursor.
class CoreCall final {
public:
    CoreCall();
    ~CoreCall();
    CoreCall(const CoreCall&) = delete;
    CoreCall& operator=(const CoreCall&) = delete;

    static bool isRunning();

private:
    static int s_depth;
};

} // namespace confer
