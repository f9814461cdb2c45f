#include "shell/SettingsDialog.h"

#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace confer {

SettingsDialog::SettingsDialog(Session& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_autoLock(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    setMinimumWidth(460);

    m_autoLock->setObjectName(QStringLiteral("autoLockMinutes"));
    m_autoLock->setAccessibleName(tr("Lock after this many minutes without input"));
    m_autoLock->setRange(1, 60);
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setValue(session.autoLockMinutes());

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    auto* label = new QLabel(tr("&Lock after:"), this);
    label->setBuddy(m_autoLock);
    form->addRow(label, m_autoLock);

    auto* note = new QLabel(tr("Confer locks itself after this many minutes without keyboard or mouse "
                               "input, and at once when the screen is locked. The setting applies to "
                               "everyone who uses this store."),
                            this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* heading = new QLabel(tr("Automatic lock"), this);
    QFont bold = heading->font();
    bold.setWeight(QFont::DemiBold);
    heading->setFont(bold);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addSpacing(6);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

QString SettingsDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SettingsDialog::accept()
{
    const int minutes = m_autoLock->value();
    if (minutes != m_session.autoLockMinutes()) {
        const Status status = [&] {
            CoreCall call;
            return m_session.setAutoLockMinutes(minutes);
        }();
        if (!status.ok()) {
            m_error->setText(status.error().message);
            m_error->setVisible(true);
            return;
        }
    }
    QDialog::accept();
}

} // namespace confer
