#include "export/SignatureTextObject.h"

#include "meetings/SignatureInk.h"

#include <QPainter>

namespace confer {

namespace {

constexpr int IndexProperty = QTextFormat::UserProperty + 1; // which kept signature
constexpr int BoxProperty = QTextFormat::UserProperty + 2;   // its box, QSizeF in millimetres
constexpr qreal LineWidthMm = 0.2;
constexpr qreal InsetMm = 1.0; // between the ink and the box, above the signing line

} // namespace

SignatureTextObject::SignatureTextObject(qreal dotsPerMm, QObject* parent)
    : QObject(parent)
    , m_dotsPerMm(dotsPerMm)
{}

QTextCharFormat SignatureTextObject::add(const Signature& signature, const QSizeF& boxMm)
{
    QTextCharFormat format;
    format.setObjectType(ObjectType);
    format.setProperty(IndexProperty, static_cast<int>(m_signatures.size()));
    format.setProperty(BoxProperty, boxMm);
    m_signatures.push_back(signature);
    return format;
}

QSizeF SignatureTextObject::intrinsicSize(QTextDocument*, int, const QTextFormat& format)
{
    return format.property(BoxProperty).toSizeF() * m_dotsPerMm;
}

void SignatureTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                     const QTextFormat& format)
{
    const int index = format.property(IndexProperty).toInt();
    if (index < 0 || index >= static_cast<int>(m_signatures.size()))
        return;
    painter->save();
    painter->setPen(QPen(QColor(0x8a, 0x8f, 0x98), LineWidthMm * m_dotsPerMm));
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());
    painter->restore();
    const qreal inset = InsetMm * m_dotsPerMm;
    SignatureInk::paintFitted(*painter, m_signatures[static_cast<std::size_t>(index)],
                              rect.adjusted(inset, inset, -inset, -inset));
}

} // namespace confer
