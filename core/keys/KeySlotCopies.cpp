#include "keys/KeySlotCopies.h"

#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace confer {

KeySlotCopies::KeySlotCopies(QString firstPath, QString secondPath)
    : m_first(std::move(firstPath))
    , m_second(std::move(secondPath))
{}

Result<std::vector<KeySlotCopies::Copy>> KeySlotCopies::readable() const
{
    std::vector<Copy> copies;
    std::optional<Error> firstError;
    for (int index = 0; index < 2; ++index) {
        auto file = KeySlotFile::load(path(index));
        if (!file.ok()) {
            // A missing second copy says less than a damaged first one: report the first copy's problem.
            if (!firstError || firstError->code == ErrorCode::NotFound)
                firstError = file.error();
            continue;
        }
        const bool isDuplicate = std::any_of(copies.begin(), copies.end(), [&](const Copy& copy) {
            return copy.file.toJson() == file->toJson();
        });
        if (!isDuplicate)
            copies.push_back(Copy{index, std::move(*file)});
    }
    if (copies.empty())
        return *firstError;
    std::stable_sort(copies.begin(), copies.end(),
                     [](const Copy& a, const Copy& b) { return a.file.generation > b.file.generation; });
    return copies;
}

Status KeySlotCopies::write(int index, const KeySlotFile& file) const
{
    return file.save(path(index));
}

Status KeySlotCopies::writeBoth(const KeySlotFile& file) const
{
    if (Status first = write(0, file); !first.ok())
        return first;
    return write(1, file);
}

bool KeySlotCopies::anyExists() const
{
    return QFileInfo::exists(m_first) || QFileInfo::exists(m_second);
}

} // namespace confer
