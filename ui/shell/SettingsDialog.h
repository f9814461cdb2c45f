#pragma once

#include "shell/FormDialog.h"

class QSpinBox;

namespace confer {

class Session;

// Administrators: the store's settings. For now the auto-lock time, kept inside the store.
class SettingsDialog final : public FormDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Session& session, QWidget* parent = nullptr);

private:
    Status submit() override;

    Session& m_session;
    QSpinBox* m_autoLock;
};

} // namespace confer
