#include "casefile/ChronologyTab.h"

#include "casefile/CaseText.h"
#include "casefile/CasefileLook.h"
#include "caseload/Caseload.h"
#include "shell/CoreCall.h"
#include "shell/ErrorLine.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace confer {

ChronologyTab::ChronologyTab(Caseload& caseload, QWidget* parent)
    : QWidget(parent)
    , m_caseload(caseload)
    , m_newestFirst(new QCheckBox(tr("&Newest first"), this))
    , m_count(new QLabel(this))
    , m_error(new ErrorLine(QStringLiteral("chronologyError"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("chronologyTab"));
    m_newestFirst->setObjectName(QStringLiteral("newestFirstCheck"));
    m_newestFirst->setAccessibleName(tr("Show the newest entries first"));
    applyTone(m_count, Tone::Muted);
    TableSetup::apply(m_table, QStringLiteral("chronologyTable"), tr("Chronology"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Summary"), tr("By")});
    m_table->horizontalHeader()->setSectionResizeMode(SummaryColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(12);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_newestFirst);

    auto* layout = new QVBoxLayout(this);
    CasefileLook::setTabMargins(layout);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_newestFirst, &QCheckBox::toggled, this, &ChronologyTab::fill);
}

void ChronologyTab::display(CaseId caseId)
{
    m_caseId = caseId;
    reload();
}

void ChronologyTab::reload()
{
    auto timeline = [&] {
        CoreCall call;
        return m_caseload.chronology.timeline(m_caseId);
    }();
    m_entries.clear();
    if (!timeline.ok()) {
        m_error->showMessage(timeline.error().message);
    } else {
        m_error->setVisible(false);
        m_entries = *timeline;
    }
    fill();
}

void ChronologyTab::fill()
{
    m_table->setRowCount(int(m_entries.size()));
    const bool isNewestFirst = m_newestFirst->isChecked();
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const ChronologyEntry& entry = m_entries[size_t(isNewestFirst ? int(m_entries.size()) - 1 - i : i)];
        m_table->setItem(i, WhenColumn, new QTableWidgetItem(CaseText::dateTime(entry.atUtc)));
        m_table->setItem(i, KindColumn, new QTableWidgetItem(CaseText::chronologyKind(entry.kind)));
        auto* summary = new QTableWidgetItem(entry.summary.simplified());
        summary->setToolTip(entry.summary);
        m_table->setItem(i, SummaryColumn, summary);
        m_table->setItem(i, ByColumn, new QTableWidgetItem(entry.byName));
    }
    m_table->resizeColumnsToContents();
    for (int column : {WhenColumn, KindColumn, ByColumn})
        m_table->setColumnWidth(column, qMax(m_table->columnWidth(column) + 28, 110));
    m_count->setText(m_entries.empty() ? tr("Nothing recorded yet.")
                     : isNewestFirst   ? tr("%n entry(s), newest first", nullptr, int(m_entries.size()))
                                       : tr("%n entry(s), oldest first", nullptr, int(m_entries.size())));
}

} // namespace confer
