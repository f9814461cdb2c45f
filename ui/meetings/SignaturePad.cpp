#include "meetings/SignaturePad.h"

#include "meetings/SignatureInk.h"

#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QPointingDevice>
#include <QTabletEvent>
#include <QTouchEvent>

#include <algorithm>

namespace confer {

namespace {

constexpr qreal MinStep = 0.5;  // samples closer than this to the last one add nothing but bytes
constexpr qreal LineInset = 24; // the signing line's ends, from the pad's sides
constexpr qreal LineAt = 0.75;  // the signing line's height, as a share of the pad's
const QColor Paper(0xff, 0xff, 0xff);
const QColor Frame(0x8a, 0x8f, 0x98);
const QColor Guide(0xb0, 0xb5, 0xbd);

QRectF segmentArea(const Signature::Point& from, const Signature::Point& to)
{
    const qreal margin = SignatureInk::widthAt(1.0) + 2;
    return QRectF(QPointF(from.x, from.y), QPointF(to.x, to.y))
        .normalized()
        .adjusted(-margin, -margin, margin, margin);
}

} // namespace

SignaturePad::SignaturePad(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signaturePad"));
    setAccessibleName(tr("Signature"));
    setAccessibleDescription(tr("Sign here with the pen, a finger or the mouse."));
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize SignaturePad::sizeHint() const
{
    return {600, 200};
}

QSize SignaturePad::minimumSizeHint() const
{
    return {320, 120};
}

Signature SignaturePad::signature() const
{
    return Signature(m_strokes);
}

Result<Signature> SignaturePad::signatureToKeep() const
{
    Signature drawn = signature();
    if (Status acceptable = drawn.checkAcceptable(); !acceptable.ok())
        return acceptable.error();
    return drawn;
}

void SignaturePad::clear()
{
    m_current.reset();
    m_touchId.reset();
    m_strokes.clear();
    m_pointCount = 0;
    update();
    emit signatureChanged(signature());
}

void SignaturePad::undo()
{
    if (m_current)
        cancelStroke();
    else if (!m_strokes.empty()) {
        m_pointCount -= static_cast<int>(m_strokes.back().size());
        m_strokes.pop_back();
    }
    update();
    emit signatureChanged(signature());
}

// A device that cannot sense pressure (a mouse, most touch screens) reports 1 or 0; the line then has
// the middling width rather than the heaviest.
qreal SignaturePad::pressureOf(const QPointingDevice* device, qreal reported)
{
    if (device && device->capabilities().testFlag(QInputDevice::Capability::Pressure))
        return reported;
    return Signature::NominalPressure;
}

Signature::Point SignaturePad::pointAt(const QPointF& position, qreal pressure) const
{
    // A stroke that runs off the pad is pinned to its edge: the ink stays where the person can see it.
    return {std::clamp(position.x(), 0.0, qreal(width())), std::clamp(position.y(), 0.0, qreal(height())),
            pressure};
}

void SignaturePad::beginStroke(const QPointF& position, qreal pressure)
{
    if (m_current)
        endStroke();
    if (m_strokes.size() >= static_cast<std::size_t>(Signature::MaxStrokes) ||
        m_pointCount >= Signature::MaxPoints)
        return; // more ink than any signature needs: the pad takes no more
    m_current = Signature::Stroke{pointAt(position, pressure)};
    ++m_pointCount;
    update(segmentArea(m_current->back(), m_current->back()).toAlignedRect());
}

void SignaturePad::extendStroke(const QPointF& position, qreal pressure)
{
    if (!m_current || m_pointCount >= Signature::MaxPoints)
        return;
    const Signature::Point point = pointAt(position, pressure);
    const Signature::Point& last = m_current->back();
    if (QLineF(last.x, last.y, point.x, point.y).length() < MinStep)
        return;
    update(segmentArea(last, point).toAlignedRect());
    m_current->push_back(point);
    ++m_pointCount;
}

void SignaturePad::endStroke()
{
    if (!m_current)
        return;
    m_strokes.push_back(std::move(*m_current));
    m_current.reset();
    update();
    emit signatureChanged(signature());
}

void SignaturePad::cancelStroke()
{
    if (!m_current)
        return;
    m_pointCount -= static_cast<int>(m_current->size());
    m_current.reset();
    update();
}

void SignaturePad::tabletEvent(QTabletEvent* event)
{
    const qreal pressure = pressureOf(event->pointingDevice(), event->pressure());
    switch (event->type()) {
    case QEvent::TabletPress:
        beginStroke(event->position(), pressure);
        break;
    case QEvent::TabletMove:
        extendStroke(event->position(), pressure);
        break;
    case QEvent::TabletRelease:
        endStroke(); // the lift itself reports no pressure: it adds no point
        break;
    default:
        break;
    }
    event->accept(); // taken: Qt makes no mouse events from it
}

bool SignaturePad::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
        return handleTouch(static_cast<QTouchEvent*>(event));
    default:
        return QWidget::event(event);
    }
}

// One finger signs: the first to touch. A second finger (a palm, a hand steadying the screen) is ignored.
bool SignaturePad::handleTouch(QTouchEvent* event)
{
    event->accept();
    if (event->type() == QEvent::TouchCancel) {
        cancelStroke();
        m_touchId.reset();
        return true;
    }
    for (const QEventPoint& point : event->points()) {
        const qreal pressure = pressureOf(event->pointingDevice(), point.pressure());
        if (!m_touchId && point.state() == QEventPoint::Pressed) {
            m_touchId = point.id();
            beginStroke(point.position(), pressure);
        } else if (m_touchId == point.id() && point.state() == QEventPoint::Updated) {
            extendStroke(point.position(), pressure);
        } else if (m_touchId == point.id() && point.state() == QEventPoint::Released) {
            extendStroke(point.position(), pressure);
            endStroke();
            m_touchId.reset();
        }
    }
    if (event->type() == QEvent::TouchEnd) { // every finger is off the screen, whatever each one reported
        endStroke();
        m_touchId.reset();
    }
    return true;
}

// Mouse events Qt made up from a pen or a finger were already taken as such.
void SignaturePad::mousePressEvent(QMouseEvent* event)
{
    if (event->source() != Qt::MouseEventNotSynthesized || event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    beginStroke(event->position(), pressureOf(event->pointingDevice(), 1.0));
    event->accept();
}

void SignaturePad::mouseMoveEvent(QMouseEvent* event)
{
    if (event->source() != Qt::MouseEventNotSynthesized || !(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    extendStroke(event->position(), pressureOf(event->pointingDevice(), 1.0));
    event->accept();
}

void SignaturePad::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->source() != Qt::MouseEventNotSynthesized || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    extendStroke(event->position(), pressureOf(event->pointingDevice(), 1.0));
    endStroke();
    event->accept();
}

void SignaturePad::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Undo)) {
        undo();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SignaturePad::paintPrompt(QPainter& painter)
{
    const qreal lineY = height() * LineAt;
    painter.setPen(QPen(Guide, 1));
    painter.drawLine(QPointF(LineInset, lineY), QPointF(width() - LineInset, lineY));
    if (!isEmpty() || m_current)
        return;
    QFont prompt = font();
    prompt.setPointSizeF(prompt.pointSizeF() * 1.3);
    painter.setFont(prompt);
    painter.drawText(QRectF(LineInset, 0, width() - 2 * LineInset, lineY - 8),
                     Qt::AlignHCenter | Qt::AlignBottom, tr("Sign here"));
}

void SignaturePad::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(),
                     Paper); // paper white whatever the theme: ink reads as it will on the certificate
    painter.setPen(QPen(hasFocus() ? palette().color(QPalette::Highlight) : Frame, 1));
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    paintPrompt(painter);
    for (const Signature::Stroke& stroke : m_strokes)
        SignatureInk::paintStroke(painter, stroke);
    if (m_current)
        SignatureInk::paintStroke(painter, *m_current);
}

} // namespace confer
