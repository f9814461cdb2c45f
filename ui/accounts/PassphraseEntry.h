#pragma once

#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace confer {

// A new passphrase, its confirmation, and live feedback from PassphrasePolicy as the user types.
// Shared by every form that sets a passphrase; it adds its three rows to the caller's form layout
// so the labels line up with the form's other fields.
class PassphraseEntry final : public QObject {
    Q_OBJECT
public:
    PassphraseEntry(QFormLayout* form, QWidget* owner, const QString& passphraseLabel);

    QString passphrase() const;
    // The policy refuses a passphrase equal to the login.
    void setLogin(const QString& login);
    bool isAcceptable() const;
    void clear();

signals:
    void changed();

private:
    void update();

    QLineEdit* m_passphrase;
    QLineEdit* m_confirmation;
    QLabel* m_feedback;
    QString m_login;
    bool m_isAcceptable = false;
};

} // namespace confer
