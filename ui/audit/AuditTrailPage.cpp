#include "audit/AuditTrailPage.h"

#include "audit/AuditLog.h"
#include "audit/AuditTrailModel.h"
#include "session/Session.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/PageHeader.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
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
    , m_refresh(FormFields::button(tr("&Refresh"), QStringLiteral("refreshAuditButton"),
                                   tr("Refresh the audit trail"), this))
    , m_count(FormFields::text(QString(), Tone::Muted, this))
    , m_error(new ErrorLine(QStringLiteral("auditError"), this))
{
    setObjectName(QStringLiteral("auditTrailPage"));
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("auditTable"), tr("Audit trail"));
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

    QVBoxLayout* layout = PageHeader::layOut(this, tr("Audit trail"),
                                             tr("Every sign-in, change and view, newest first. Entries are "
                                                "chained together, so none can be altered or removed without "
                                                "it showing."));
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
