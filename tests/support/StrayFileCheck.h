#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace confer::test {

// Snapshots the places a careless program leaves traces (TMPDIR, /tmp, /var/tmp, /dev/shm and
// the test HOME) and reports every new file afterwards. Store directories made by TestStoreDir
// are the only place a test may write; the keyring daemon's own files are the OS keychain's.
class StrayFileCheck final {
public:
    StrayFileCheck();
    // New files since construction, outside the allowed places.
    QStringList strayFiles() const;
    static QString allowedStoreRoot(); // $TMPDIR/confer-test-stores

private:
    static QSet<QString> snapshot(const QStringList& roots);
    static bool isAllowed(const QString& path);
    QStringList m_roots;
    QSet<QString> m_before;
};

} // namespace confer::test
