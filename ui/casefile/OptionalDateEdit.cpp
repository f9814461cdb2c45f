#include "casefile/OptionalDateEdit.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>

namespace confer {

namespace {
// QDateEdit shows its special value text at its minimum date: that date stands for "not set".
const QDate NotSetSentinel(1900, 1, 1);
} // namespace

OptionalDateEdit::OptionalDateEdit(const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_isSet(new QCheckBox(this))
    , m_edit(new QDateEdit(this))
{
    setAccessibleName(name);
    setFocusProxy(m_isSet);
    m_isSet->setAccessibleName(tr("%1 is set").arg(name));
    m_isSet->setToolTip(tr("Tick to record a date"));
    m_edit->setAccessibleName(name);
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_edit->setMinimumDate(NotSetSentinel);
    m_edit->setSpecialValueText(tr("Not set"));
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 48);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_isSet);
    layout->addWidget(m_edit);
    layout->addStretch(1);

    connect(m_isSet, &QCheckBox::toggled, this, &OptionalDateEdit::onSetToggled);
    connect(m_edit, &QDateEdit::dateChanged, this, &OptionalDateEdit::changed);
    setDate(std::nullopt);
}

std::optional<QDate> OptionalDateEdit::date() const
{
    if (!m_isSet->isChecked() || m_edit->date() == NotSetSentinel)
        return std::nullopt;
    return m_edit->date();
}

void OptionalDateEdit::setDate(const std::optional<QDate>& date)
{
    const QSignalBlocker blockCheck(m_isSet);
    const QSignalBlocker blockEdit(m_edit);
    m_isSet->setChecked(date.has_value());
    m_edit->setDate(date.value_or(NotSetSentinel));
    m_edit->setEnabled(date.has_value());
}

void OptionalDateEdit::onSetToggled(bool isSet)
{
    {
        const QSignalBlocker blockEdit(m_edit);
        m_edit->setEnabled(isSet);
        // Today comes from the session's Clock through setSuggestedDate(), never from the computer here.
        if (isSet && m_edit->date() == NotSetSentinel && m_suggested.isValid())
            m_edit->setDate(m_suggested);
        if (!isSet)
            m_edit->setDate(NotSetSentinel);
    }
    if (isSet)
        m_edit->setFocus(Qt::OtherFocusReason);
    emit changed();
}

} // namespace confer
