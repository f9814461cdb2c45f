#include "shell/FormFields.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>

namespace confer {

QLineEdit* FormFields::lineEdit(const QString& objectName, const QString& accessibleName, int maxLength,
                                QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setMaxLength(maxLength);
    return edit;
}

QPlainTextEdit* FormFields::textEdit(const QString& objectName, const QString& accessibleName, int lines,
                                     QWidget* parent, Height height)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    const int pixels = edit->fontMetrics().lineSpacing() * lines + 14;
    if (height == Height::Fixed)
        edit->setFixedHeight(pixels);
    else
        edit->setMinimumHeight(pixels);
    return edit;
}

QDateEdit* FormFields::dateEdit(const QString& objectName, const QString& accessibleName, const QDate& date,
                                const QDate& latest, QWidget* parent)
{
    auto* edit = new QDateEdit(date, parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setMaximumDate(latest);
    return edit;
}

QPushButton* FormFields::button(const QString& text, const QString& objectName, const QString& accessibleName,
                                QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

QComboBox* FormFields::comboBox(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    return box;
}

QWidget* FormFields::radioRow(const QString& accessibleName, std::initializer_list<QRadioButton*> buttons,
                              QWidget* parent)
{
    auto* row = new QWidget(parent);
    row->setAccessibleName(accessibleName);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(18);
    auto* group = new QButtonGroup(row);
    for (QRadioButton* button : buttons) {
        button->setParent(row);
        group->addButton(button);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return row;
}

QLabel* FormFields::text(const QString& text, Tone tone, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    applyTone(label, tone);
    return label;
}

QFormLayout* FormFields::form()
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

QLabel* FormFields::addRow(QFormLayout* form, const QString& label, QWidget* field)
{
    auto* buddy = new QLabel(label, field->parentWidget());
    buddy->setBuddy(field);
    if (qobject_cast<QPlainTextEdit*>(field))
        buddy->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(buddy, field);
    return buddy;
}

} // namespace confer
