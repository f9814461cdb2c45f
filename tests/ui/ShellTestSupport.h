#pragma once

#include "TestSession.h"
#include "shell/AppContext.h"

#include <QString>

class QWidget;

namespace confer {
class MainWindow;
class PanelKindRegistry;
} // namespace confer

namespace confer::test {

// A long, uncommon passphrase that passes PassphrasePolicy.
inline QString memberPassphrase()
{
    return QStringLiteral("lantern orchard velvet compass");
}

// The four shipped panel kinds, loaded once for the whole test run.
const PanelKindRegistry& shippedPanelKinds();

// The shell's context over a test store: its in-memory device secret, its hand-moved clock, and the
// cheap KDF cost pinned so setup does not tune against a clock that never moves.
AppContext contextFor(TestStoreDir& dir, InMemoryDeviceSecretStore& secrets, ManualClock& clock);
AppContext contextFor(TestSession& session);

// Shows the window and makes it the active one, so application shortcuts (Ctrl+L) reach it.
void showActive(QWidget& window);

// Signs in on the unlock screen the way a person does: pick the user, type, press Return.
void unlockThroughScreen(MainWindow& window, const QString& login, const QString& passphrase);

// Runs the deletions the shell deferred (the workspace after a lock).
void processDeferredDeletes();

} // namespace confer::test
