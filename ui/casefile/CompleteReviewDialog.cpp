#include "casefile/CompleteReviewDialog.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

CompleteReviewDialog::CompleteReviewDialog(Caseload& caseload, const ScheduledReviewRecord& review,
                                           const QDate& today, QWidget* parent)
    : QDialog(parent)
    , m_caseload(caseload)
    , m_reviewId(review.id)
    , m_date(new QDateEdit(today, this))
    , m_outcome(new QPlainTextEdit(this))
    , m_error(CasefileLook::errorLabel(QStringLiteral("completeReviewError"), this))
{
    setWindowTitle(tr("Complete review"));
    setAccessibleName(tr("Complete review"));
    setMinimumWidth(480);

    auto* intro = new QLabel(tr("%1, due %2.").arg(review.label, CaseText::date(review.dueDate)), this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_date->setObjectName(QStringLiteral("reviewDate"));
    m_date->setAccessibleName(tr("Date the review was held"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setMaximumDate(today);
    m_outcome->setObjectName(QStringLiteral("reviewOutcome"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->setTabChangesFocus(true);
    m_outcome->setFixedHeight(m_outcome->fontMetrics().lineSpacing() * 4 + 14);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* dateLabel = new QLabel(tr("&Held on:"), this);
    dateLabel->setBuddy(m_date);
    form->addRow(dateLabel, m_date);
    auto* outcomeLabel = new QLabel(tr("&Outcome:"), this);
    outcomeLabel->setBuddy(m_outcome);
    form->addRow(outcomeLabel, m_outcome);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Complete review"));
    m_ok->setAccessibleName(tr("Complete review"));
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &CompleteReviewDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CompleteReviewDialog::reject);
    connect(m_outcome, &QPlainTextEdit::textChanged, this,
            [this] { m_ok->setEnabled(!m_outcome->toPlainText().trimmed().isEmpty()); });
}

QString CompleteReviewDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void CompleteReviewDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const Status status = [&] {
        CoreCall call;
        return m_caseload.cases.completeReview(m_reviewId, m_date->date(),
                                               m_outcome->toPlainText().trimmed());
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
