#include "audit/AuditTrailPage.h"

#include "audit/AuditLog.h"
#include "audit/AuditTrailModel.h"
#include "session/Session.h"
#include "shell/ErrorLine.h"
#include "shell/PageHeader.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace confer {

AuditTrailPage::AuditTrailPage(Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new AuditTrailModel(session.audit(), this))
    , m_table(new QTableView(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_count(new QLabel(this))
    , m_error(new ErrorLine(QStringLiteral("auditError"), this))
{
    setObjectName(QStringLiteral("auditTrailPage"));
    auto* header = new PageHeader(tr("Audit trail"),
                                  tr("Every sign-in, change and view, newest first. Entries are chained "
                                     "together, so none can be altered or removed without it showing."),
                                  this);

    m_refresh->setObjectName(QStringLiteral("refreshAuditButton"));
    m_refresh->setAccessibleName(tr("Refresh the audit trail"));
    m_count->setObjectName(QStringLiteral("auditCount"));
    applyTone(m_count, Tone::Muted);

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit trail"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(AuditTrailModel::TimeColumn,
                            metrics.horizontalAdvance(QStringLiteral("00 May 0000  00:00:00")) + 32);
    m_table->setColumnWidth(AuditTrailModel::UserColumn, metrics.horizontalAdvance(QLatin1Char('M')) * 12);
    m_table->setColumnWidth(AuditTrailModel::ActionColumn, metrics.horizontalAdvance(QLatin1Char('m')) * 18);
    m_table->setColumnWidth(AuditTrailModel::RecordColumn, metrics.horizontalAdvance(QLatin1Char('m')) * 16);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_refresh);
    actions->addSpacing(12);
    actions->addWidget(m_count, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, this, &AuditTrailPage::reload);
    reload();
}

void AuditTrailPage::reload()
{
    const Status status = m_model->reload();
    m_error->showStatus(status);
    const qint64 total = m_session.audit().head().sequence;
    // Spelled out rather than %n so the English reads right without a loaded translation.
    m_count->setText(total == 1 ? tr("1 event recorded.") : tr("%1 events recorded.").arg(total));
}

void AuditTrailPage::clear()
{
    m_model->clear();
}

} // namespace confer
