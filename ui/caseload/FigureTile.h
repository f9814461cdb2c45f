#pragma once

#include <QPushButton>

class QLabel;

namespace confer {

// One dashboard figure: a large number over its caption ("12 / Overdue reviews"). Clickable ones
// are buttons that open the cases behind the number; the others are read, not pressed. A number
// that needs attention (an overdue review, a red case) is shown in red while it is above zero.
class FigureTile final : public QPushButton {
    Q_OBJECT
public:
    enum class Attention { None, WhenAboveZero };

    FigureTile(const QString& caption, Attention attention, bool isClickable, QWidget* parent = nullptr);

    // accessibleText: the figure in words for a screen reader, with what pressing it does.
    void setValue(int value, const QString& accessibleText);
    int value() const { return m_value; }
    QString caption() const;
    QString valueText() const;

private:
    QLabel* m_valueLabel;
    QLabel* m_captionLabel;
    Attention m_attention;
    int m_value = 0;
};

} // namespace confer
