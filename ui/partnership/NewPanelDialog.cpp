#include "partnership/NewPanelDialog.h"

#include "partnership/PanelService.h"
#include "partnership/PanelKind.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

NewPanelDialog::NewPanelDialog(PanelService& panels, const PanelKindRegistry& kinds,
                               const std::vector<User>& users, QWidget* parent)
    : QDialog(parent)
    , m_panels(panels)
    , m_kinds(kinds)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_chair(new QComboBox(this))
    , m_kindSummary(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New panel"));
    setAccessibleName(tr("New panel"));
    setMinimumWidth(520);

    m_name->setObjectName(QStringLiteral("newPanelName"));
    m_name->setAccessibleName(tr("Panel name"));
    m_name->setPlaceholderText(tr("For example, Easington MAPS"));
    m_name->setMaxLength(120);
    m_kind->setObjectName(QStringLiteral("newPanelKind"));
    m_kind->setAccessibleName(tr("Kind of panel"));
    for (const PanelKind& kind : kinds.kinds())
        m_kind->addItem(kind.name, kind.key);
    m_chair->setObjectName(QStringLiteral("newPanelChair"));
    m_chair->setAccessibleName(tr("Chair"));
    m_chair->addItem(tr("No chair yet"));
    for (const User& user : users) {
        if (!user.isDisabled)
            m_chair->addItem(tr("%1 (%2)").arg(user.displayName, user.login), user.id);
    }
    m_kindSummary->setObjectName(QStringLiteral("newPanelKindSummary"));
    m_kindSummary->setWordWrap(true);
    applyTone(m_kindSummary, Tone::Muted);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto* kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    auto* chairLabel = new QLabel(tr("&Chair:"), this);
    chairLabel->setBuddy(m_chair);
    form->addRow(nameLabel, m_name);
    form->addRow(kindLabel, m_kind);
    form->addRow(QString(), m_kindSummary);
    form->addRow(chairLabel, m_chair);

    auto* note = new QLabel(tr("Members see the panel's cases; nobody else does, administrators included. "
                               "Add members once the panel exists."),
                            this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("newPanelError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("C&reate panel"));
    m_ok->setAccessibleName(tr("Create panel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewPanelDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewPanelDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this,
            [this] { m_ok->setEnabled(!m_name->text().trimmed().isEmpty() && m_kind->count() > 0); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewPanelDialog::showKindSummary);
    m_ok->setEnabled(false);
    showKindSummary();
}

QString NewPanelDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
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

void NewPanelDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    std::optional<qint64> chair;
    if (const qint64 id = m_chair->currentData().toLongLong())
        chair = id;
    auto created = [&] {
        CoreCall call;
        return m_panels.create(m_name->text().trimmed(), m_kind->currentData().toString(), chair);
    }();
    if (!created.ok()) {
        m_error->setText(created.error().message);
        m_error->setVisible(true);
        return;
    }
    m_created = created.value();
    QDialog::accept();
}

} // namespace confer
