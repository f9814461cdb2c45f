#pragma once

#include "common/Result.h"
#include "keys/KeySlotFile.h"

#include <QString>

#include <vector>

namespace confer {

// The two copies of the key-slot file. A key change writes the first copy before the store commits
// and the second after it, so a crash or a full disk always leaves one copy of the generation the
// store records; unlock picks that copy and mends the other.
class KeySlotCopies final {
public:
    KeySlotCopies(QString firstPath, QString secondPath);

    struct Copy {
        int index = 0; // 0 first, 1 second
        KeySlotFile file;
    };
    // The copies that parse, newest generation first; a copy identical to one already listed is
    // left out. The error of the first copy when none parses (NotFound when neither exists).
    Result<std::vector<Copy>> readable() const;

    Status write(int index, const KeySlotFile& file) const;
    // Both copies, first then second: for a new store, and for mending.
    Status writeBoth(const KeySlotFile& file) const;
    bool anyExists() const;
    QString path(int index) const { return index == 0 ? m_first : m_second; }

private:
    QString m_first;
    QString m_second;
};

} // namespace confer
