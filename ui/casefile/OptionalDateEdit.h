#pragma once

#include <QDate>
#include <QWidget>

#include <optional>

class QCheckBox;
class QDateEdit;

namespace confer {

// A date that may be "not set": a tick box saying whether there is a date, and the date itself.
// Unticked, the date edit reads "Not set" and is disabled, so no date is ever recorded by accident.
class OptionalDateEdit final : public QWidget {
    Q_OBJECT
public:
    // name: what the date is, for the accessible names ("Next review").
    OptionalDateEdit(const QString& name, QWidget* parent = nullptr);

    std::optional<QDate> date() const;
    void setDate(const std::optional<QDate>& date);
    // The date offered when the box is ticked with no date yet (today, from the session's clock).
    void setSuggestedDate(const QDate& date) { m_suggested = date; }

signals:
    void changed();

private:
    void onSetToggled(bool isSet);

    QCheckBox* m_isSet;
    QDateEdit* m_edit;
    QDate m_suggested; // invalid until set: the date edit then keeps its own
};

} // namespace confer
