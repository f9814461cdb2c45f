#include "caseload/MyActionsPage.h"

#include "caseload/Caseload.h"
#include "caseload/MyActionsModel.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"
#include "shell/PageHeader.h"
#include "shell/TableSetup.h"
#include "shell/Tone.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace confer {

MyActionsPage::MyActionsPage(Caseload& caseload, AgencyId agencyId, QWidget* parent)
    : QWidget(parent)
    , m_caseload(&caseload)
    , m_agencyId(agencyId)
    , m_model(new MyActionsModel(this))
    , m_table(new QTableView(this))
    , m_showFinished(new QCheckBox(tr("Show &finished actions"), this))
    , m_agencyName(new QLabel(this))
    , m_count(FormFields::text(QString(), Tone::Muted, this))
    , m_error(new ErrorLine(QStringLiteral("myActionsError"), this))
{
    setObjectName(QStringLiteral("myActionsPage"));
    m_agencyName->setObjectName(QStringLiteral("myActionsAgency"));
    QFont agencyFont = m_agencyName->font();
    agencyFont.setWeight(QFont::DemiBold);
    m_agencyName->setFont(agencyFont);
    m_agencyName->setTextFormat(Qt::PlainText);

    m_showFinished->setObjectName(QStringLiteral("showFinishedActions"));
    m_showFinished->setAccessibleName(tr("Show finished actions"));
    m_count->setObjectName(QStringLiteral("myActionsCount"));
    m_count->setAccessibleName(tr("Number of actions shown"));

    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("myActionsTable"), tr("Actions"));
    const QFontMetrics metrics = m_table->fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('m'));
    m_table->setColumnWidth(MyActionsModel::CaseColumn,
                            metrics.horizontalAdvance(QStringLiteral("CHANNEL-2026-00000")) + 36);
    m_table->setColumnWidth(MyActionsModel::OwnerColumn, em * 12);
    m_table->setColumnWidth(MyActionsModel::DueColumn, em * 9);
    m_table->setColumnWidth(MyActionsModel::StatusColumn, em * 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(MyActionsModel::ActionColumn, QHeaderView::Stretch);

    auto* options = new QHBoxLayout;
    options->setSpacing(18);
    options->addWidget(m_agencyName);
    options->addWidget(m_count);
    options->addStretch(1);
    options->addWidget(m_showFinished);

    QVBoxLayout* layout = PageHeader::layOut(this, tr("My agency's actions"),
                                             tr("What the panels have asked your agency to do, open ones "
                                                "first. Press Enter or double-click to open the case."));
    layout->addLayout(options);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_showFinished, &QCheckBox::toggled, this, &MyActionsPage::refresh);
    connect(m_table, &QAbstractItemView::activated, this, &MyActionsPage::onActivated);
}

void MyActionsPage::refresh()
{
    if (!m_caseload)
        return;
    if (auto agency = m_caseload->agencies.agency(m_agencyId); agency.ok())
        m_agencyName->setText(agency->name);
    auto actions = m_caseload->actions.forAgency(m_agencyId, !m_showFinished->isChecked());
    m_error->showStatus(actions);
    if (!actions.ok()) {
        m_model->clear();
        m_count->clear();
        return;
    }
    int open = 0;
    int overdue = 0;
    for (const CaseAction& action : actions.value()) {
        open += action.status == CaseAction::Status::Open ? 1 : 0;
        overdue += action.isOverdue ? 1 : 0;
    }
    m_model->setActions(std::move(actions.value()));
    const QString openText = open == 1 ? tr("1 open action") : tr("%1 open actions").arg(open);
    m_count->setText(overdue == 0 ? openText : tr("%1, %2 overdue").arg(openText).arg(overdue));
}

void MyActionsPage::clear()
{
    m_model->clear();
    m_caseload = nullptr;
}

void MyActionsPage::onActivated(const QModelIndex& index)
{
    if (const auto caseId = idFromData<CaseId>(index.data(MyActionsModel::CaseIdRole)))
        emit caseRequested(*caseId);
}

} // namespace confer
