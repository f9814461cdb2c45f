#include "casefile/ConsentTab.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "casefile/ConsentDialog.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace confer {

ConsentTab::ConsentTab(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_summary(new QLabel(this))
    , m_history(new QTableWidget(0, 5, this))
    , m_record(new QPushButton(tr("&Record consent\u2026"), this))
    , m_error(new ErrorLine(QStringLiteral("consentTabError"), this))
{
    setObjectName(QStringLiteral("consentTab"));
    m_summary->setObjectName(QStringLiteral("consentSummary"));
    m_summary->setAccessibleName(tr("Consent now"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setWeight(QFont::DemiBold);
    m_summary->setFont(bold);
    m_record->setObjectName(QStringLiteral("recordConsentButton"));
    m_record->setAccessibleName(tr("Record consent"));
    TableSetup::apply(m_history, QStringLiteral("consentTable"), tr("Consent decisions"));
    m_history->setHorizontalHeaderLabels({tr("Date"), tr("Decision"), tr("By"), tr("Name"), tr("Scope")});
    m_history->setMinimumHeight(120);
    m_history->setMaximumHeight(280);

    QVBoxLayout* cardLayout = nullptr;
    QFrame* card = CasefileLook::card(this, cardLayout);
    cardLayout->addWidget(CasefileLook::sectionTitle(tr("Consent"), card));
    cardLayout->addWidget(m_summary);
    cardLayout->addWidget(CasefileLook::mutedLabel(
        tr("Channel is voluntary: support is offered only with the consent of the individual, or of a "
           "parent or guardian for someone under 18. Record each decision, including refusal and "
           "withdrawal."),
        card));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_record);
    buttons->addStretch(1);
    cardLayout->addLayout(buttons);
    cardLayout->addWidget(m_error);
    cardLayout->addWidget(m_history, 1);
    for (QWidget* widget : {static_cast<QWidget*>(m_summary), static_cast<QWidget*>(m_record),
                            static_cast<QWidget*>(m_error), static_cast<QWidget*>(m_history)})
        widget->setParent(card);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->addWidget(card);
    layout->addStretch(1);

    connect(m_record, &QPushButton::clicked, this, &ConsentTab::openRecordDialog);
}

void ConsentTab::display(const OpenCase& openCase)
{
    m_case = openCase;
    auto consents = [&] {
        CoreCall call;
        return m_caseload.cases.consents(openCase.record.id);
    }();
    m_history->setRowCount(0);
    if (!consents.ok()) {
        m_error->showMessage(consents.error().message);
        m_summary->clear();
        return;
    }
    m_error->setVisible(false);
    m_history->setRowCount(int(consents->size()));
    for (int row = 0; row < int(consents->size()); ++row) {
        const Consent& consent = (*consents)[size_t(row)];
        m_history->setItem(row, 0, new QTableWidgetItem(CaseText::date(consent.onDate)));
        m_history->setItem(row, 1, new QTableWidgetItem(CaseText::consentState(consent.state)));
        m_history->setItem(row, 2, new QTableWidgetItem(CaseText::consentGivenBy(consent.givenBy)));
        m_history->setItem(row, 3, new QTableWidgetItem(consent.givenByName));
        auto* scope = new QTableWidgetItem(consent.scope.simplified());
        scope->setToolTip(consent.scope);
        m_history->setItem(row, 4, scope);
    }
    m_history->resizeColumnsToContents();
    for (int column = 0; column < 4; ++column)
        m_history->setColumnWidth(column, qMax(m_history->columnWidth(column) + 24, 110));

    // The latest decision by date is the one in force.
    const Consent* latest = nullptr;
    for (const Consent& consent : *consents) {
        if (!latest || consent.onDate > latest->onDate ||
            (consent.onDate == latest->onDate && consent.atUtc >= latest->atUtc))
            latest = &consent;
    }
    m_history->setVisible(!consents->empty());
    if (!latest) {
        m_summary->setText(tr("No consent has been recorded."));
        applyTone(m_summary, Tone::Warning);
        return;
    }
    const bool isParent = latest->givenBy == Consent::GivenBy::ParentGuardian;
    QString who = isParent ? tr("a parent or guardian") : tr("the individual");
    if (!latest->givenByName.isEmpty())
        who = tr("%1 (%2)").arg(latest->givenByName, who);
    const QString on = CaseText::date(latest->onDate);
    switch (latest->state) {
    case Consent::State::Given:
        m_summary->setText(tr("Consent given on %1 by %2.").arg(on, who));
        break;
    case Consent::State::Refused:
        m_summary->setText(tr("Consent refused on %1 by %2.").arg(on, who));
        break;
    case Consent::State::Withdrawn:
        m_summary->setText(tr("Consent withdrawn on %1 by %2.").arg(on, who));
        break;
    }
    applyTone(m_summary, latest->state == Consent::State::Given ? Tone::Good : Tone::Warning);
}

void ConsentTab::openRecordDialog()
{
    auto* dialog =
        new ConsentDialog(m_caseload, m_case.record.id, m_case.record.subject.name, m_case.today, this);
    connect(dialog, &QDialog::accepted, this, &ConsentTab::caseChanged);
    DialogPresenter::open(dialog);
}

} // namespace confer
