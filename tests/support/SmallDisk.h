#pragma once

#include <QString>

namespace confer::test {

// Unmounts a test's small tmpfs. Another test process of the parallel run may be walking the temporary
// folder for stray files at that moment (EBUSY): tries again briefly, then detaches (the kernel unmounts
// once it lets go). False, with errno set, only when even that fails.
bool unmountPatiently(const QString& mountPoint);

} // namespace confer::test
