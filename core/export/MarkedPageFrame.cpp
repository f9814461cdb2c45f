#include "export/MarkedPageFrame.h"

#include "export/PdfFlow.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::MarkedPageFrame)
};

constexpr qreal SideMm = 20;
constexpr qreal ContentTopMm = 24;    // below the top marking and its rule
constexpr qreal ContentBottomMm = 26; // above the rule, the bottom marking and the page line
constexpr qreal RuleWidthMm = 0.2;
constexpr qreal MarkingPoints = 10;
constexpr qreal PageLinePoints = 8;

QFont frameFont(qreal points, bool isBold)
{
    QFont font(PdfFlow::fontFamily());
    font.setPointSizeF(points);
    font.setBold(isBold);
    font.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures: a hash or a word copied from the PDF reads back letter for letter ("ff", not one glyph).
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

} // namespace

MarkedPageFrame::MarkedPageFrame(Marks marks, const QSizeF& pageSize, qreal dotsPerMm)
    : m_marks(std::move(marks))
    , m_pageSize(pageSize)
    , m_dotsPerMm(dotsPerMm)
{}

QRectF MarkedPageFrame::band(qreal topMm, qreal heightMm) const
{
    return QRectF(SideMm * m_dotsPerMm, topMm * m_dotsPerMm, m_pageSize.width() - 2 * SideMm * m_dotsPerMm,
                  heightMm * m_dotsPerMm);
}

QRectF MarkedPageFrame::contentRect() const
{
    const qreal pageHeightMm = m_pageSize.height() / m_dotsPerMm;
    return band(ContentTopMm, pageHeightMm - ContentTopMm - ContentBottomMm);
}

QString MarkedPageFrame::markingLine() const
{
    if (!m_marks.isDemonstration)
        return m_marks.marking;
    return Tr::tr("%1 — DEMONSTRATION", "the protective marking, then that the store holds invented data")
        .arg(m_marks.marking);
}

void MarkedPageFrame::paint(QPainter& painter, int pageNumber, int pageCount) const
{
    const qreal pageHeightMm = m_pageSize.height() / m_dotsPerMm;
    painter.save();
    painter.setPen(Qt::black);
    painter.setFont(frameFont(MarkingPoints, true));
    painter.drawText(band(8, 8), Qt::AlignHCenter | Qt::AlignVCenter, markingLine());
    const qreal bottomMarkingMm = pageHeightMm - 20;
    painter.drawText(band(bottomMarkingMm, 7), Qt::AlignHCenter | Qt::AlignVCenter, markingLine());

    painter.setPen(QPen(QColor(0x8a, 0x8f, 0x98), RuleWidthMm * m_dotsPerMm));
    const QRectF top = band(17, 0);
    painter.drawLine(top.topLeft(), top.topRight());
    const QRectF bottom = band(pageHeightMm - ContentBottomMm + 4, 0);
    painter.drawLine(bottom.topLeft(), bottom.topRight());

    // The page line: title on the left (cut short if it would run into the numbers), page x of y right.
    const QFont small = frameFont(PageLinePoints, false);
    painter.setFont(small);
    painter.setPen(QColor(0x44, 0x4a, 0x55));
    const QRectF pageLine = band(pageHeightMm - 12, 6);
    const QString numbers = Tr::tr("Page %1 of %2").arg(pageNumber).arg(pageCount);
    const QFontMetricsF metrics(small, painter.device());
    const qreal numbersWidth = metrics.horizontalAdvance(numbers);
    const qreal titleWidth = pageLine.width() - numbersWidth - 6 * m_dotsPerMm;
    painter.drawText(pageLine, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(m_marks.title, Qt::ElideRight, titleWidth));
    painter.drawText(pageLine, Qt::AlignRight | Qt::AlignVCenter, numbers);
    painter.restore();
}

} // namespace confer
