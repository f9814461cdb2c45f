#pragma once

#include "partnership/PanelKind.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace confer {

// A form generated from a panel kind's field definitions: each field gets the editor its type calls
// for, its help text as tooltip and accessible description, and a mark when it is required. A
// time-series field is shown with its latest value, its history and a "Record value…" button instead
// of an editor, because each value is recorded with its own date.
class KindFieldForm final : public QWidget {
    Q_OBJECT
public:
    enum class TimeSeries { EditedInline, RecordedSeparately };

    KindFieldForm(const PanelKind& kind, const QList<FieldDefinition>& fields, TimeSeries timeSeries,
                  QWidget* parent = nullptr);

    void setValues(const QVariantMap& values);
    // The values as the case should store them: every field the form edits (unset ones left out),
    // plus the values it was given for fields it does not edit, so a save never drops them.
    QVariantMap values() const;
    void setSuggestedDate(const QDate& date);
    // Time-series history lines, newest first, shown under the field.
    void setHistory(const QString& fieldKey, const QStringList& lines);

    QWidget* editor(const QString& fieldKey) const { return m_editors.value(fieldKey); }
    QPushButton* recordValueButton(const QString& fieldKey) const { return m_recordButtons.value(fieldKey); }
    bool isEmpty() const { return m_fields.isEmpty(); }

signals:
    void changed();
    void recordValueRequested(const QString& fieldKey);

private:
    QWidget* makeEditor(const FieldDefinition& field);
    QWidget* makeTimeSeriesRow(const FieldDefinition& field);
    void setEditorValue(const FieldDefinition& field, const QVariant& value);
    QVariant editorValue(const FieldDefinition& field) const;

    const PanelKind& m_kind;
    QList<FieldDefinition> m_fields;
    TimeSeries m_timeSeries;
    QFormLayout* m_form;
    QVariantMap m_given;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_latestLabels;
    QHash<QString, QLabel*> m_historyLabels;
    QHash<QString, QPushButton*> m_recordButtons;
};

} // namespace confer
