#include "shell/Tone.h"

#include <QLabel>
#include <QPalette>

namespace confer {

void applyTone(QLabel* label, Tone tone)
{
    QPalette palette = label->palette();
    const QColor normal = label->parentWidget() ? label->parentWidget()->palette().color(QPalette::WindowText)
                                                : QPalette().color(QPalette::WindowText);
    QColor colour = normal;
    switch (tone) {
    case Tone::Normal:
        break;
    case Tone::Muted:
        colour = QColor(0x5f, 0x6b, 0x76);
        break;
    case Tone::Good:
        colour = QColor(0x1e, 0x6b, 0x34);
        break;
    case Tone::Warning:
        colour = QColor(0x8a, 0x4b, 0x00);
        break;
    case Tone::Bad:
        colour = QColor(0xb3, 0x26, 0x1e);
        break;
    }
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    label->setPalette(palette);
}

} // namespace confer
