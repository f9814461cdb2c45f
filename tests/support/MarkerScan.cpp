#include "MarkerScan.h"

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QStringConverter>

namespace confer::test {

namespace {

// Every base64 rendering of the marker, whatever its offset in the encoded stream: encode it
// behind 0, 1 and 2 bytes of padding and keep only the characters that do not depend on them.
QList<QByteArray> base64Forms(const QByteArray& marker)
{
    QList<QByteArray> forms;
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray encoded =
            QByteArray(QByteArray(shift, '\0') + marker).toBase64(QByteArray::OmitTrailingEquals);
        const int skip = shift == 0 ? 0 : (shift == 1 ? 2 : 3);
        QByteArray core = encoded.mid(skip);
        core.chop(3); // the tail depends on what follows
        if (core.size() >= 8)
            forms << core;
    }
    return forms;
}

} // namespace

QList<MarkerHit> scanForMarker(const QString& directory, const QString& marker)
{
    QList<QPair<QString, QByteArray>> needles;
    needles << qMakePair(QStringLiteral("UTF-8"), marker.toUtf8());
    auto toUtf16 = [&](QStringConverter::Encoding encoding) {
        QStringEncoder encoder(encoding, QStringConverter::Flag::Stateless);
        return QByteArray(encoder(marker));
    };
    needles << qMakePair(QStringLiteral("UTF-16LE"), toUtf16(QStringConverter::Utf16LE));
    needles << qMakePair(QStringLiteral("UTF-16BE"), toUtf16(QStringConverter::Utf16BE));
    for (const QByteArray& form : base64Forms(marker.toUtf8()))
        needles << qMakePair(QStringLiteral("base64"), form);

    QList<MarkerHit> hits;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const auto& [encoding, needle] : needles) {
            if (bytes.contains(needle))
                hits << MarkerHit{path, encoding};
        }
    }
    return hits;
}

QStringList describe(const QList<MarkerHit>& hits)
{
    QStringList lines;
    for (const MarkerHit& hit : hits)
        lines << hit.file + QStringLiteral(" (") + hit.encoding + QLatin1Char(')');
    return lines;
}

} // namespace confer::test
