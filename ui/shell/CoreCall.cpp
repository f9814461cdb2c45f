#include "shell/CoreCall.h"

#include <QCursor>
#include <QGuiApplication>

namespace confer {

int CoreCall::s_depth = 0;

CoreCall::CoreCall()
{
    ++s_depth;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
}

CoreCall::~CoreCall()
{
    QGuiApplication::restoreOverrideCursor();
    --s_depth;
}

bool CoreCall::isRunning()
{
    return s_depth > 0;
}

} // namespace confer
