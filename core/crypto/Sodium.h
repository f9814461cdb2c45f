#pragma once

namespace confer {

// sodium_init() once per process; true when libsodium is usable. Every crypto entry point calls it.
bool ensureSodium();

} // namespace confer
