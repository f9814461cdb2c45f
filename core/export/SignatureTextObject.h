#pragma once

#include "meetings/Signature.h"

#include <QAbstractTextDocumentLayout>
#include <QObject>
#include <QSizeF>
#include <QTextCharFormat>
#include <QTextObjectInterface>

#include <vector>

namespace confer {

// A signature inside flowing text: an inline object of a fixed box on a signing line, drawn as vector
// ink by SignatureInk, so a table cell or a paragraph can hold one and the PDF keeps it as paths.
class SignatureTextObject final
    : public QObject
    , public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int ObjectType = QTextFormat::UserObject + 1;

    // dotsPerMm: the layout's paint device, to turn the box (in millimetres) into its pixels.
    SignatureTextObject(qreal dotsPerMm, QObject* parent);

    // Keeps the signature and gives the character format that shows it in a box of boxMm.
    QTextCharFormat add(const Signature& signature, const QSizeF& boxMm);

    QSizeF intrinsicSize(QTextDocument* document, int position, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* document, int position,
                    const QTextFormat& format) override;

private:
    qreal m_dotsPerMm;
    std::vector<Signature> m_signatures;
};

} // namespace confer
