#include "casefile/SubjectForm.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/OptionalDateEdit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace confer {

SubjectForm::SubjectForm(const QStringList& allowedTypes, bool canChangeType, QWidget* parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_type(new QComboBox(this))
    , m_name(new QLineEdit(this))

    , m_aliases(new QLineEdit(this))
    , m_dateOfBirth(new OptionalDateEdit(tr("Date of birth"), this))
    , m_gender(new QLineEdit(this))
    , m_address(new QPlainTextEdit(this))
    , m_postcode(new QLineEdit(this))
{
    setObjectName(QStringLiteral("subjectForm"));
    setAccessibleName(tr("Subject"));
    for (const QString& key : allowedTypes) {
        if (const std::optional<Subject::Type> type = subjectTypeFromKey(key))
            m_type->addItem(CaseText::subjectType(*type), int(*type));
    }
    if (m_type->count() == 0)
        m_type->addItem(CaseText::subjectType(Subject::Type::Person), int(Subject::Type::Person));
    m_type->setObjectName(QStringLiteral("subjectType"));
    m_type->setAccessibleName(tr("Subject type"));
    m_type->setEnabled(canChangeType && m_type->count() > 1);
    m_name->setObjectName(QStringLiteral("subjectName"));
    m_name->setMaxLength(200);
    m_aliases->setObjectName(QStringLiteral("subjectAliases"));
    m_aliases->setAccessibleName(tr("Also known as"));
    m_aliases->setMaxLength(300);
    m_dateOfBirth->setObjectName(QStringLiteral("subjectDateOfBirth"));
    m_gender->setObjectName(QStringLiteral("subjectGender"));
    m_gender->setAccessibleName(tr("Gender"));
    m_gender->setMaxLength(60);
    m_address->setObjectName(QStringLiteral("subjectAddress"));
    m_address->setAccessibleName(tr("Address"));
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 2 + 16);
    m_postcode->setObjectName(QStringLiteral("subjectPostcode"));
    m_postcode->setAccessibleName(tr("Postcode"));
    m_postcode->setMaxLength(10);
    m_postcode->setMaximumWidth(140);

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(18);
    m_form->setVerticalSpacing(10);
    auto addRow = [this](const QString& text, QWidget* field) {
        return CasefileLook::addFormRow(m_form, text, field, this);
    };
    addRow(tr("Type:"), m_type);
    m_nameLabel = addRow(QString(), m_name);
    addRow(tr("Also known as:"), m_aliases);
    addRow(tr("Date of birth:"), m_dateOfBirth);
    addRow(tr("Gender:"), m_gender);
    addRow(tr("Address:"), m_address);
    addRow(tr("Postcode:"), m_postcode);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        showRowsForType();
        emit changed();
    });
    for (QLineEdit* edit : {m_name, m_aliases, m_gender, m_postcode})
        connect(edit, &QLineEdit::textChanged, this, &SubjectForm::changed);
    connect(m_address, &QPlainTextEdit::textChanged, this, &SubjectForm::changed);
    connect(m_dateOfBirth, &OptionalDateEdit::changed, this, &SubjectForm::changed);
    showRowsForType();
}

Subject::Type SubjectForm::currentType() const
{
    return Subject::Type(m_type->currentData().toInt());
}

void SubjectForm::showRowsForType()
{
    const Subject::Type type = currentType();
    const bool isPerson = type == Subject::Type::Person;
    // Only a person has aliases, a date of birth and a gender.
    m_form->setRowVisible(m_aliases, isPerson);
    m_form->setRowVisible(m_dateOfBirth, isPerson);
    m_form->setRowVisible(m_gender, isPerson);
    switch (type) {
    case Subject::Type::Person:
        m_nameLabel->setText(tr("Full name *:"));
        m_name->setAccessibleName(tr("Full name (required)"));
        break;
    case Subject::Type::Household:
        m_nameLabel->setText(tr("Household name *:"));
        m_name->setAccessibleName(tr("Household name (required)"));
        break;
    case Subject::Type::Location:
        m_nameLabel->setText(tr("Location *:"));
        m_name->setAccessibleName(tr("Location, e.g. a park or a street (required)"));
        break;
    }
}

bool SubjectForm::isRowShown(QWidget* field) const
{
    int row = -1;
    QFormLayout::ItemRole role;
    m_form->getWidgetPosition(field, &row, &role);
    return row >= 0 && m_form->isRowVisible(row);
}

void SubjectForm::setSubject(const Subject& subject)
{
    const QSignalBlocker block(this);
    m_subjectId = subject.id;
    m_type->setCurrentIndex(qMax(0, m_type->findData(int(subject.type))));
    m_name->setText(subject.name);
    m_aliases->setText(subject.aliases);
    m_dateOfBirth->setDate(subject.dateOfBirth);
    m_gender->setText(subject.gender);
    m_address->setPlainText(subject.address);
    m_postcode->setText(subject.postcode);
    showRowsForType();
}

Subject SubjectForm::subject() const
{
    Subject subject;
    subject.id = m_subjectId;
    subject.type = currentType();
    subject.name = m_name->text().trimmed();
    subject.address = m_address->toPlainText().trimmed();
    subject.postcode = m_postcode->text().trimmed().toUpper();
    if (subject.type == Subject::Type::Person) {
        subject.aliases = m_aliases->text().trimmed();
        subject.dateOfBirth = m_dateOfBirth->date();
        subject.gender = m_gender->text().trimmed();
    }
    return subject;
}

void SubjectForm::setSuggestedDate(const QDate& date)
{
    m_dateOfBirth->setSuggestedDate(date);
}

} // namespace confer
