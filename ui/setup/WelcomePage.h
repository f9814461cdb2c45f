#pragma once

#include <QWizardPage>

namespace confer {

// What Confer is, what setup will do, and where the store will be created.
class WelcomePage final : public QWizardPage {
    Q_OBJECT
public:
    WelcomePage(const QString& storeDirectory, QWidget* parent = nullptr);
};

} // namespace confer
