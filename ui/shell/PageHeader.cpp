#include "shell/PageHeader.h"

#include "shell/Tone.h"

#include <QLabel>
#include <QVBoxLayout>

namespace confer {

PageHeader::PageHeader(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_description(new QLabel(description, this))
{
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(title);

    m_description->setObjectName(QStringLiteral("pageDescription"));
    m_description->setWordWrap(true);
    applyTone(m_description, Tone::Muted);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
}

QVBoxLayout* PageHeader::layOut(QWidget* page, const QString& title, const QString& description)
{
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(new PageHeader(title, description, page));
    return layout;
}

} // namespace confer
