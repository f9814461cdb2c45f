#include "shell/ErrorLine.h"

#include "shell/Tone.h"

namespace confer {

ErrorLine::ErrorLine(const QString& objectName, QWidget* parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setAccessibleName(tr("Error"));
    setWordWrap(true);
    // A service's sentence may quote what the person typed: never read as markup.
    setTextFormat(Qt::PlainText);
    setVisible(false);
    applyTone(this, Tone::Bad);
}

void ErrorLine::showMessage(const QString& message)
{
    setText(message);
    setVisible(true);
}

void ErrorLine::showStatus(const Status& status)
{
    if (status.ok()) {
        setVisible(false);
        return;
    }
    showMessage(status.error().message);
}

} // namespace confer
