#pragma once

#include <QDialog>

class QLabel;
class QSpinBox;

namespace confer {

class Session;

// Administrators: the store's settings. For now the auto-lock time, kept inside the store.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Session& session, QWidget* parent = nullptr);

    void accept() override;

    QSpinBox* autoLockBox() const { return m_autoLock; }
    QString errorText() const;

private:
    Session& m_session;
    QSpinBox* m_autoLock;
    QLabel* m_error;
};

} // namespace confer
