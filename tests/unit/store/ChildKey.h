#pragma once

#include "crypto/SecureBytes.h"

#include <cstdio>

// The store key for a child writer process, read from stdin into guarded memory (argv would show it
// in /proc/<pid>/cmdline). Empty when stdin does not start with 64 hex digits.
namespace confer::test {

inline int hexValue(unsigned char digit)
{
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    if (digit >= 'A' && digit <= 'F')
        return digit - 'A' + 10;
    return -1;
}

inline SecureBytes readKeyFromStdin()
{
    SecureBytes line(80);
    if (!std::fgets(reinterpret_cast<char*>(line.data()), static_cast<int>(line.size()), stdin))
        return {};
    SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        const int high = hexValue(line.data()[2 * i]);
        const int low = hexValue(line.data()[2 * i + 1]);
        if (high < 0 || low < 0)
            return {};
        key.data()[i] = static_cast<unsigned char>(high * 16 + low);
    }
    return key;
}

} // namespace confer::test
