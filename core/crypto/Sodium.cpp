#include "crypto/Sodium.h"

#include <sodium.h>

namespace confer {

bool ensureSodium()
{
    static const bool isReady = sodium_init() >= 0;
    return isReady;
}

} // namespace confer
