#pragma once

#include "caseload/CaseloadTypes.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace confer {

class OptionalDateEdit;

// The subject of a case: a person, a family or household, or a location. Only the fields that make
// sense for the type are shown and collected (data minimisation): a location has no date of birth.
class SubjectForm final : public QWidget {
    Q_OBJECT
public:
    // allowedTypes: subject type keys the panel kind allows ("person", "household", "location").
    SubjectForm(const QStringList& allowedTypes, bool canChangeType, QWidget* parent = nullptr);

    void setSubject(const Subject& subject);
    // The subject as entered; fields the type does not use are left empty.
    Subject subject() const;
    void setSuggestedDate(const QDate& date);

    QLineEdit* nameEdit() const { return m_name; }
    bool isRowShown(QWidget* field) const;

signals:
    void changed();

private:
    Subject::Type currentType() const;
    void showRowsForType();

    std::optional<SubjectId> m_subjectId; // none for a subject not yet stored
    QFormLayout* m_form;
    QComboBox* m_type;
    QLineEdit* m_name;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_aliases;
    OptionalDateEdit* m_dateOfBirth;
    QLineEdit* m_gender;
    QPlainTextEdit* m_address;
    QLineEdit* m_postcode;
};

} // namespace confer
