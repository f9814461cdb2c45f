#include "casefile/CasefileLook.h"

#include "shell/AppStyle.h"
#include "shell/Tone.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace confer {

QLabel* CasefileLook::sectionTitle(const QString& text, QWidget* parent)
{
    auto* title = new QLabel(text, parent);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setWeight(QFont::DemiBold);
    title->setFont(font);
    title->setAccessibleName(text);
    return title;
}

QLabel* CasefileLook::mutedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    applyTone(label, Tone::Muted);
    return label;
}

QFrame* CasefileLook::card(QWidget* parent, QVBoxLayout*& layout)
{
    auto* card = new QFrame(parent);
    AppStyle::setLook(card, AppStyle::Look::InfoCard);
    card->setFrameShape(QFrame::StyledPanel);
    layout = new QVBoxLayout(card);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(10);
    return card;
}

QFrame* CasefileLook::formCard(const QString& title, const QList<Row>& rows, QWidget* parent,
                               QVBoxLayout** layout)
{
    QVBoxLayout* cardLayout = nullptr;
    QFrame* frame = card(parent, cardLayout);
    cardLayout->addWidget(sectionTitle(title, frame));
    if (!rows.isEmpty()) {
        QFormLayout* rowsForm = form();
        for (const Row& row : rows)
            addFormRow(rowsForm, row.label, row.field, frame);
        cardLayout->addLayout(rowsForm);
    }
    if (layout)
        *layout = cardLayout;
    return frame;
}

QScrollArea* CasefileLook::twoColumns(const QList<QWidget*>& left, const QList<QWidget*>& right,
                                      QWidget* parent)
{
    auto* columns = new QWidget;
    auto* grid = new QGridLayout(columns);
    grid->setContentsMargins(0, 0, 8, 0);
    grid->setHorizontalSpacing(16);
    int column = 0;
    for (const QList<QWidget*>& cards : {left, right}) {
        auto* stack = new QVBoxLayout;
        stack->setSpacing(16);
        for (QWidget* card : cards) {
            card->setParent(columns);
            stack->addWidget(card);
        }
        stack->addStretch(1);
        grid->addLayout(stack, 0, column);
        grid->setColumnStretch(column++, 1);
    }
    return scrollArea(columns, parent);
}

QScrollArea* CasefileLook::scrollArea(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    return scroll;
}

QFormLayout* CasefileLook::form()
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(18);
    form->setVerticalSpacing(10);
    return form;
}

QLabel* CasefileLook::addFormRow(QFormLayout* form, const QString& text, QWidget* field, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(field);
    // A combo box as wide as its longest agency name would push a two-column form off the screen.
    if (auto* box = qobject_cast<QComboBox*>(field)) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(18);
    }
    if (qobject_cast<QLabel*>(field)) {
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop); // read-only text may wrap: top lines meet
    } else if (qobject_cast<QPlainTextEdit*>(field) || qobject_cast<QAbstractItemView*>(field) ||
               field->sizeHint().height() > 2 * label->sizeHint().height()) {
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setContentsMargins(0, 4, 0, 0); // level with the field's first line of text
    } else {
        label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setMinimumHeight(field->sizeHint().height());
    }
    form->addRow(label, field);
    return label;
}

void CasefileLook::chainTabOrder(const QList<QWidget*>& widgets)
{
    QList<QWidget*> controls;
    for (QWidget* widget : widgets) {
        if (!widget)
            continue;
        if (widget->focusPolicy() != Qt::NoFocus) {
            controls << widget;
            continue;
        }
        for (QWidget* child : widget->findChildren<QWidget*>()) {
            // A spin box's or combo box's inner editor belongs to its owner; a popup is another window.
            if (child->focusPolicy() == Qt::NoFocus ||
                qobject_cast<QAbstractSpinBox*>(child->parentWidget()) ||
                qobject_cast<QComboBox*>(child->parentWidget()) || child->window() != widget->window())
                continue;
            controls << child;
        }
    }
    for (int i = 1; i < controls.size(); ++i)
        QWidget::setTabOrder(controls[i - 1], controls[i]);
}

void CasefileLook::setTabMargins(QVBoxLayout* layout)
{
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(12);
}

} // namespace confer
