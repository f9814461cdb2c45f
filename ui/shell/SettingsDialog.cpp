#include "shell/SettingsDialog.h"

#include "session/Session.h"
#include "shell/FormFields.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace confer {

SettingsDialog::SettingsDialog(Session& session, QWidget* parent)
    : FormDialog(tr("Settings"), QStringLiteral("settingsError"), parent)
    , m_session(session)
    , m_autoLock(new QSpinBox(this))
{
    setMinimumWidth(460);
    m_autoLock->setObjectName(QStringLiteral("autoLockMinutes"));
    m_autoLock->setAccessibleName(tr("Lock after this many minutes without input"));
    m_autoLock->setRange(1, 60);
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setValue(session.autoLockMinutes());

    QLabel* heading = addText(tr("Automatic lock"));
    QFont bold = heading->font();
    bold.setWeight(QFont::DemiBold);
    heading->setFont(bold);
    QFormLayout* form = addForm();
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    FormFields::addRow(form, tr("&Lock after:"), m_autoLock);
    addText(tr("Confer locks itself after this many minutes without keyboard or mouse input, and at once "
               "when the screen is locked. The setting applies to everyone who uses this store."),
            Tone::Muted);
    setOkText(tr("&Save"), tr("Save"));
}

Status SettingsDialog::submit()
{
    const int minutes = m_autoLock->value();
    if (minutes == m_session.autoLockMinutes())
        return Status::success();
    return m_session.setAutoLockMinutes(minutes);
}

} // namespace confer
