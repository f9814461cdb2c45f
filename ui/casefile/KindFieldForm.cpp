#include "casefile/KindFieldForm.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/OptionalDateEdit.h"
#include "shell/Tone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace confer {

namespace {

// Without a range in the definition, a number is a count or a score: 0 upwards.
constexpr int NumberMaximum = 1000000;
constexpr int ChoiceKeyRole = Qt::UserRole + 1;

} // namespace

KindFieldForm::KindFieldForm(const PanelKind& kind, const QList<FieldDefinition>& fields,
                             TimeSeries timeSeries, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_fields(fields)
    , m_timeSeries(timeSeries)
    , m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("kindFieldForm"));
    setAccessibleName(tr("%1 details").arg(kind.referencePrefix));
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setHorizontalSpacing(18);
    m_form->setVerticalSpacing(10);
    for (const FieldDefinition& field : m_fields) {
        const bool isRecordedSeparately =
            field.isTimeSeries && m_timeSeries == TimeSeries::RecordedSeparately;
        QWidget* row = isRecordedSeparately ? makeTimeSeriesRow(field) : makeEditor(field);
        QLabel* label = CasefileLook::addFormRow(
            m_form, field.isRequired ? tr("%1 *").arg(field.label) : field.label, row, this);
        label->setBuddy(m_editors.value(field.key, row));
        label->setWordWrap(true);
        if (isRecordedSeparately) {
            // The row grows with its history below the value: the label stays by the value.
            label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            label->setMinimumHeight(0);
            label->setContentsMargins(0, 5, 0, 0);
        }
        if (!field.help.isEmpty())
            label->setToolTip(field.help);
    }
}

QWidget* KindFieldForm::makeEditor(const FieldDefinition& field)
{
    const QString name = field.isRequired ? tr("%1 (required)").arg(field.label) : field.label;
    QWidget* editor = nullptr;
    switch (field.type) {
    case FieldDefinition::Type::Text: {
        auto* edit = new QLineEdit(this);
        edit->setMaxLength(500);
        connect(edit, &QLineEdit::textChanged, this, &KindFieldForm::changed);
        editor = edit;
        break;
    }
    case FieldDefinition::Type::LongText: {
        auto* edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 14);
        connect(edit, &QPlainTextEdit::textChanged, this, &KindFieldForm::changed);
        editor = edit;
        break;
    }
    case FieldDefinition::Type::Date: {
        auto* edit = new OptionalDateEdit(name, this);
        connect(edit, &OptionalDateEdit::changed, this, &KindFieldForm::changed);
        editor = edit;
        break;
    }
    case FieldDefinition::Type::Number: {
        auto* spin = new QSpinBox(this);
        // One below the accepted range reads "Not recorded" (QSpinBox's special value text).
        const int minimum = int(field.minimum.value_or(0));
        spin->setRange(minimum - 1, int(field.maximum.value_or(NumberMaximum)));
        spin->setSpecialValueText(tr("Not recorded"));
        spin->setValue(spin->minimum());
        spin->setMaximumWidth(160);
        connect(spin, &QSpinBox::valueChanged, this, &KindFieldForm::changed);
        editor = spin;
        break;
    }
    case FieldDefinition::Type::Boolean: {
        auto* check = new QCheckBox(tr("Yes"), this);
        connect(check, &QCheckBox::toggled, this, &KindFieldForm::changed);
        editor = check;
        break;
    }
    case FieldDefinition::Type::Choice: {
        auto* box = new QComboBox(this);
        box->addItem(tr("Not recorded"), QString());
        for (const FieldDefinition::Choice& choice : field.choices)
            box->addItem(choice.label, choice.key);
        connect(box, &QComboBox::currentIndexChanged, this, &KindFieldForm::changed);
        editor = box;
        break;
    }
    case FieldDefinition::Type::MultiChoice: {
        auto* list = new QListWidget(this);
        for (const FieldDefinition::Choice& choice : field.choices) {
            auto* item = new QListWidgetItem(choice.label, list);
            item->setData(ChoiceKeyRole, choice.key);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        // Show every choice at once: a short list should never need scrolling.
        const int rows = qMax(1, int(field.choices.size()));
        list->setFixedHeight(list->sizeHintForRow(0) * qMin(rows, 9) + 2 * list->frameWidth() + 4);
        list->setVerticalScrollBarPolicy(rows > 9 ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
        connect(list, &QListWidget::itemChanged, this, &KindFieldForm::changed);
        editor = list;
        break;
    }
    }
    editor->setObjectName(QStringLiteral("field_%1").arg(field.key));
    editor->setAccessibleName(name);
    if (!field.help.isEmpty()) {
        editor->setToolTip(field.help);
        editor->setAccessibleDescription(field.help);
    }
    m_editors.insert(field.key, editor);
    return editor;
}

QWidget* KindFieldForm::makeTimeSeriesRow(const FieldDefinition& field)
{
    auto* row = new QWidget(this);
    row->setAccessibleName(field.label);
    auto* latest = new QLabel(tr("Not recorded"), row);
    latest->setObjectName(QStringLiteral("latest_%1").arg(field.key));
    latest->setAccessibleName(tr("%1: latest value").arg(field.label));
    latest->setTextFormat(Qt::PlainText);
    QFont bold = latest->font();
    bold.setWeight(QFont::DemiBold);
    latest->setFont(bold);
    auto* record = new QPushButton(tr("Record value\u2026"), row);
    record->setObjectName(QStringLiteral("record_%1").arg(field.key));
    record->setAccessibleName(tr("Record a value of %1").arg(field.label));
    if (!field.help.isEmpty()) {
        record->setToolTip(field.help);
        record->setAccessibleDescription(field.help);
        latest->setToolTip(field.help);
    }
    auto* history = new QLabel(row);
    history->setObjectName(QStringLiteral("history_%1").arg(field.key));
    history->setAccessibleName(tr("%1: earlier values").arg(field.label));
    history->setTextFormat(Qt::PlainText);
    history->setWordWrap(true);
    applyTone(history, Tone::Muted);
    history->setVisible(false);

    auto* line = new QHBoxLayout;
    line->setSpacing(12);
    line->addWidget(latest);
    line->addWidget(record);
    line->addStretch(1);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(line);
    layout->addWidget(history);

    connect(record, &QPushButton::clicked, this, [this, key = field.key] { emit recordValueRequested(key); });
    m_latestLabels.insert(field.key, latest);
    m_historyLabels.insert(field.key, history);
    m_recordButtons.insert(field.key, record);
    return row;
}

void KindFieldForm::setValues(const QVariantMap& values)
{
    m_given = values;
    const QSignalBlocker block(this);
    for (const FieldDefinition& field : m_fields) {
        if (QLabel* latest = m_latestLabels.value(field.key)) {
            latest->setText(CaseText::fieldValue(&m_kind, field.key, values.value(field.key)));
            continue;
        }
        setEditorValue(field, values.value(field.key));
    }
}

void KindFieldForm::setSuggestedDate(const QDate& date)
{
    for (QWidget* editor : std::as_const(m_editors)) {
        if (auto* dateEdit = qobject_cast<OptionalDateEdit*>(editor))
            dateEdit->setSuggestedDate(date);
    }
}

void KindFieldForm::setHistory(const QString& fieldKey, const QStringList& lines)
{
    QLabel* history = m_historyLabels.value(fieldKey);
    if (!history)
        return;
    history->setText(tr("Recorded values, newest first:") + QLatin1Char('\n') +
                     lines.join(QLatin1Char('\n')));
    history->setVisible(!lines.isEmpty());
}

void KindFieldForm::setEditorValue(const FieldDefinition& field, const QVariant& value)
{
    QWidget* editor = m_editors.value(field.key);
    if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        edit->setText(value.toString());
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
        text->setPlainText(value.toString());
    } else if (auto* date = qobject_cast<OptionalDateEdit*>(editor)) {
        const QDate parsed = CaseText::fieldDate(value);
        date->setDate(parsed.isValid() ? std::optional<QDate>(parsed) : std::nullopt);
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        bool isNumber = false;
        const int number = value.toInt(&isNumber);
        spin->setValue(isNumber && value.isValid() ? number : spin->minimum());
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
        check->setChecked(value.toBool());
    } else if (auto* box = qobject_cast<QComboBox*>(editor)) {
        box->setCurrentIndex(qMax(0, box->findData(value.toString())));
    } else if (auto* list = qobject_cast<QListWidget*>(editor)) {
        const QStringList keys = value.toStringList();
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem* item = list->item(i);
            item->setCheckState(keys.contains(item->data(ChoiceKeyRole).toString()) ? Qt::Checked
                                                                                    : Qt::Unchecked);
        }
    }
}

QVariant KindFieldForm::editorValue(const FieldDefinition& field) const
{
    QWidget* editor = m_editors.value(field.key);
    if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        const QString text = edit->text().trimmed();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
        const QString body = text->toPlainText().trimmed();
        return body.isEmpty() ? QVariant() : QVariant(body);
    }
    if (auto* date = qobject_cast<OptionalDateEdit*>(editor)) {
        const std::optional<QDate> value = date->date();
        return value ? QVariant(value->toString(Qt::ISODate)) : QVariant();
    }
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        return spin->value() == spin->minimum() ? QVariant() : QVariant(spin->value());
    if (auto* check = qobject_cast<QCheckBox*>(editor))
        return check->isChecked();
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        const QString key = box->currentData().toString();
        return key.isEmpty() ? QVariant() : QVariant(key);
    }
    if (auto* list = qobject_cast<QListWidget*>(editor)) {
        QStringList keys;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                keys << list->item(i)->data(ChoiceKeyRole).toString();
        }
        return keys;
    }
    return {};
}

QVariantMap KindFieldForm::values() const
{
    QVariantMap values = m_given;
    for (const FieldDefinition& field : m_fields) {
        if (!m_editors.contains(field.key))
            continue; // recorded separately: keep the value the case has
        const QVariant value = editorValue(field);
        if (value.isValid())
            values.insert(field.key, value);
        else
            values.remove(field.key);
    }
    return values;
}

} // namespace confer
