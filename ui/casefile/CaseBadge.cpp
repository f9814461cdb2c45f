#include "casefile/CaseBadge.h"

namespace confer {

namespace {

struct Colours {
    const char* background;
    const char* text;
    const char* border;
};

Colours coloursFor(CaseBadge::Look look)
{
    switch (look) {
    case CaseBadge::Look::Neutral:
        return {"#eef1f4", "#3b4650", "#cfd6dd"};
    case CaseBadge::Look::Stage:
        return {"#dce7f2", "#10283d", "#b5c9dc"};
    case CaseBadge::Look::Good:
        return {"#e1f1e5", "#1e5c2e", "#a9d3b4"};
    case CaseBadge::Look::Warning:
        return {"#fdf0d8", "#7a4300", "#e9b261"};
    case CaseBadge::Look::Bad:
        return {"#fbe3e1", "#9b2019", "#e3a19b"};
    case CaseBadge::Look::Marking:
        return {"#2f3b45", "#ffffff", "#2f3b45"};
    case CaseBadge::Look::Opinion:
        return {"#efe6f7", "#4f2a74", "#cdb6e3"};
    case CaseBadge::Look::Fact:
        return {"#e8eef3", "#24425c", "#c3d0db"};
    }
    return {"#eef1f4", "#3b4650", "#cfd6dd"};
}

} // namespace

CaseBadge::CaseBadge(const QString& text, Look look, QWidget* parent)
    : QLabel(text, parent)
{
    setObjectName(QStringLiteral("caseBadge"));
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    setFont(bold);
    setLook(look);
}

void CaseBadge::setLook(Look look)
{
    m_look = look;
    const Colours colours = coloursFor(look);
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                                 "border-radius: 10px; padding: 2px 10px; }")
                      .arg(QLatin1String(colours.background), QLatin1String(colours.text),
                           QLatin1String(colours.border)));
}

CaseBadge::Look CaseBadge::riskLook(Risk risk)
{
    switch (risk) {
    case Risk::Green:
        return Look::Good;
    case Risk::Amber:
        return Look::Warning;
    case Risk::Red:
        return Look::Bad;
    case Risk::Unassessed:
        break;
    }
    return Look::Neutral;
}

void CaseBadge::showRisk(Risk risk)
{
    setText(tr("Risk: %1").arg(riskDisplayName(risk)));
    setAccessibleName(text());
    setLook(riskLook(risk));
}

} // namespace confer
