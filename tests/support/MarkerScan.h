#pragma once

#include <QString>
#include <QStringList>

namespace confer::test {

// Looks for a marker string in every byte of every file below a directory, the way an attacker
// with a copy of the disk would: as UTF-8, UTF-16 (both byte orders) and base64 (all alignments).
struct MarkerHit {
    QString file;
    QString encoding;
};

QList<MarkerHit> scanForMarker(const QString& directory, const QString& marker);
QStringList describe(const QList<MarkerHit>& hits);

} // namespace confer::test
