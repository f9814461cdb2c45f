#pragma once

#include "common/Result.h"
#include "keys/KeySlotFile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace confer {

// The key-slot file's JSON (docs/keyslot-format.md, section 4): writes a KeySlotFile and reads one back,
// refusing anything but exactly the members, types and sizes of format 2, so a file has one reading.
class KeySlotJson final {
public:
    // Everything but the MAC: in Qt's compact form, the bytes the MAC covers.
    static QJsonObject body(const KeySlotFile& file);
    // The whole file, MAC included, indented.
    static QByteArray write(const KeySlotFile& file);
    // StoreCorrupt, with a sentence for the chair and the first problem as detail, for anything else.
    static Result<KeySlotFile> read(const QByteArray& json);

    // The one StoreCorrupt answer for a damaged file; detail names the problem for developers.
    static Error damaged(const QString& detail);
};

} // namespace confer
