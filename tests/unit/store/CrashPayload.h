#pragma once

#include <QByteArray>

namespace confer::test {

// The payload the crash writer stores in row n: a few KiB whose bytes depend on n, so the parent can
// tell a whole row from a torn or stale one.
inline QByteArray crashPayload(qint64 n)
{
    constexpr int Size = 3000;
    QByteArray payload(Size, Qt::Uninitialized);
    for (int i = 0; i < Size; ++i)
        payload[i] = static_cast<char>((n * 131 + i * 7) & 0xff);
    return payload;
}

} // namespace confer::test
