#include "partnership/NewPanelDialog.h"

#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace confer {

NewPanelDialog::NewPanelDialog(PanelService& panels, const PanelKindRegistry& kinds,
                               const std::vector<User>& users, QWidget* parent)
    : FormDialog(tr("New panel"), QStringLiteral("newPanelError"), parent)
    , m_panels(panels)
    , m_kinds(kinds)
    , m_name(FormFields::lineEdit(QStringLiteral("newPanelName"), tr("Panel name"), 120, this))
    , m_kind(FormFields::comboBox(QStringLiteral("newPanelKind"), tr("Kind of panel"), this))
    , m_chair(FormFields::comboBox(QStringLiteral("newPanelChair"), tr("Chair"), this))
    , m_kindSummary(FormFields::text(QString(), Tone::Muted, this))
{
    setMinimumWidth(520);
    m_name->setPlaceholderText(tr("For example, Easington MAPS"));
    for (const PanelKind& kind : kinds.kinds())
        m_kind->addItem(kind.name, kind.key);
    m_chair->addItem(tr("No chair yet"));
    for (const User& user : users) {
        if (!user.isDisabled)
            m_chair->addItem(tr("%1 (%2)").arg(user.displayName, user.login), idData(user.id));
    }
    m_kindSummary->setObjectName(QStringLiteral("newPanelKindSummary"));

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Name:"), m_name);
    FormFields::addRow(form, tr("&Kind:"), m_kind);
    form->addRow(QString(), m_kindSummary);
    FormFields::addRow(form, tr("&Chair:"), m_chair);
    addText(tr("Members see the panel's cases; nobody else does, administrators included. Add members once "
               "the panel exists."),
            Tone::Muted);
    setOkText(tr("C&reate panel"), tr("Create panel"));

    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewPanelDialog::showKindSummary);
    updateOkButtonOn({m_name, m_kind});
    showKindSummary();
}

void NewPanelDialog::showKindSummary()
{
    const PanelKind* kind = m_kinds.kind(m_kind->currentData().toString());
    if (!kind) {
        m_kindSummary->clear();
        return;
    }
    QStringList stages;
    for (const StageDefinition& stage : kind->stages)
        stages << stage.label;
    const QString cadence = kind->reviewAtEachMeeting
                                ? tr("Cases are reviewed at each meeting.")
                                : tr("Cases are reviewed every %1 days.").arg(kind->reviewEveryDays);
    m_kindSummary->setText(tr("Stages: %1. %2").arg(stages.join(QStringLiteral(", ")), cadence));
}

bool NewPanelDialog::isComplete() const
{
    return !m_name->text().trimmed().isEmpty() && m_kind->count() > 0;
}

Status NewPanelDialog::submit()
{
    const auto chair = idFromData<UserId>(m_chair->currentData());
    auto created = m_panels.create(m_name->text().trimmed(), m_kind->currentData().toString(), chair);
    if (created.ok())
        m_created = created.value();
    return created;
}

} // namespace confer
