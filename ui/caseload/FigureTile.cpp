#include "caseload/FigureTile.h"

#include "caseload/CaseloadLook.h"
#include "shell/Tone.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace confer {

FigureTile::FigureTile(const QString& caption, Attention attention, bool isClickable, QWidget* parent)
    : QPushButton(parent)
    , m_valueLabel(new QLabel(QStringLiteral("0"), this))
    , m_captionLabel(new QLabel(caption, this))
    , m_attention(attention)
{
    setObjectName(isClickable ? QStringLiteral("figureButton") : QStringLiteral("figureTile"));
    setAccessibleName(caption);
    setMinimumHeight(62);
    setMinimumWidth(m_captionLabel->fontMetrics().horizontalAdvance(caption) + 28);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    if (!isClickable) {
        setFocusPolicy(Qt::NoFocus);
        setAttribute(Qt::WA_TransparentForMouseEvents);
    } else {
        setCursor(Qt::PointingHandCursor);
    }

    QFont valueFont = m_valueLabel->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setWeight(QFont::DemiBold);
    m_valueLabel->setFont(valueFont);
    applyTone(m_captionLabel, Tone::Muted);
    for (QLabel* label : {m_valueLabel, m_captionLabel})
        label->setAttribute(Qt::WA_TransparentForMouseEvents);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 8);
    layout->setSpacing(0);
    layout->addWidget(m_valueLabel);
    layout->addWidget(m_captionLabel);
}

void FigureTile::setValue(int value, const QString& accessibleText)
{
    m_value = value;
    m_valueLabel->setText(QLocale().toString(value));
    QPalette palette = m_valueLabel->palette();
    const bool needsAttention = m_attention == Attention::WhenAboveZero && value > 0;
    palette.setColor(QPalette::WindowText,
                     needsAttention ? CaseloadLook::overdue() : this->palette().color(QPalette::WindowText));
    m_valueLabel->setPalette(palette);
    setAccessibleName(accessibleText);
}

QString FigureTile::caption() const
{
    return m_captionLabel->text();
}

QString FigureTile::valueText() const
{
    return m_valueLabel->text();
}

} // namespace confer
