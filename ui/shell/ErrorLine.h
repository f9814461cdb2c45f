#pragma once

#include "common/Result.h"

#include <QLabel>

namespace confer {

// A service's refusal in the error colour, hidden until there is a sentence to show. Every form,
// page and tab shows its errors in one of these, so they look and read alike.
class ErrorLine final : public QLabel {
    Q_OBJECT
public:
    // objectName: how tests find this line.
    ErrorLine(const QString& objectName, QWidget* parent);

    void showMessage(const QString& message);
    // Shows the error's sentence, or hides the line when the call succeeded.
    void showStatus(const Status& status);
};

} // namespace confer
