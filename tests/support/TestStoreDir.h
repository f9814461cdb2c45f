#pragma once

#include <QString>
#include <QTemporaryDir>

namespace confer::test {

// A fresh, empty store directory below StrayFileCheck::allowedStoreRoot(), removed afterwards.
class TestStoreDir final {
public:
    TestStoreDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace confer::test
