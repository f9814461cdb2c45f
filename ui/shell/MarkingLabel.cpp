#include "shell/MarkingLabel.h"

namespace confer {

MarkingLabel::MarkingLabel(QWidget* parent)
    : QLabel(tr("OFFICIAL-SENSITIVE"), parent)
{
    setObjectName(QStringLiteral("markingBadge"));
    setAccessibleName(tr("Protective marking: OFFICIAL-SENSITIVE"));
    setAlignment(Qt::AlignCenter);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QFont bold = font();
    bold.setBold(true);
    bold.setLetterSpacing(QFont::AbsoluteSpacing, 1.0);
    setFont(bold);
}

} // namespace confer
