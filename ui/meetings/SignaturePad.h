#pragma once

#include "common/Result.h"
#include "meetings/Signature.h"

#include <QWidget>

#include <optional>
#include <vector>

class QInputDevice;
class QPointingDevice;
class QTouchEvent;

namespace confer {

// Where an attendee signs a declaration: takes a pen (with its pressure), a finger or the mouse, draws
// the ink as it goes, and gives back the strokes as a Signature. Undo takes back the last stroke,
// Clear all of them. Whether the result may be kept is Signature::checkAcceptable()'s rule, asked by
// signatureToKeep(); the pad only gathers and draws.
class SignaturePad final : public QWidget {
    Q_OBJECT
public:
    explicit SignaturePad(QWidget* parent = nullptr);

    // The strokes so far, rounded as they will be stored.
    Signature signature() const;
    // The signature, or the sentence saying why it cannot be kept yet (nothing drawn, too small).
    Result<Signature> signatureToKeep() const;
    bool isEmpty() const { return m_strokes.empty(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void clear();
    void undo();

signals:
    // After every finished stroke, undo and clear: the strokes as they stand.
    void signatureChanged(const confer::Signature& signature);

protected:
    bool event(QEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    bool handleTouch(QTouchEvent* event);
    void beginStroke(const QPointF& position, qreal pressure);
    void extendStroke(const QPointF& position, qreal pressure);
    void endStroke();
    void cancelStroke();
    Signature::Point pointAt(const QPointF& position, qreal pressure) const;
    static qreal pressureOf(const QPointingDevice* device, qreal reported);
    void paintPrompt(QPainter& painter);

    std::vector<Signature::Stroke> m_strokes;
    std::optional<Signature::Stroke> m_current;
    std::optional<int> m_touchId; // the one finger that signs; others are ignored
    int m_pointCount = 0;
};

} // namespace confer
