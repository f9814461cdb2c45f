// Confer's entry point: harden the process, then either run a command-line command or start the
// window. Everything else lives in core and ui.
#include "CommandLine.h"
#include "common/Clock.h"
#include "keys/KeychainDeviceSecretStore.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "platform/ProcessHardening.h"
#include "shell/AppContext.h"
#include "shell/AppStyle.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace confer;

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Confer"));
    QCoreApplication::setOrganizationName(QStringLiteral("Confer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFER_VERSION));
}

// en_GB is the source language; a Welsh locale (cy) picks up translations/confer_cy.ts.
void installTranslator(QCoreApplication& app, QTranslator& translator)
{
    if (translator.load(QLocale(), QStringLiteral("confer"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral(":/i18n/confer_en_GB")))
        app.installTranslator(&translator);
}

// A command runs under the smallest application it needs: QCoreApplication, or for an export a
// QGuiApplication (fonts and QPdfWriter need one) on the offscreen platform, so it starts without a
// display and never shows a window.
template <typename Application>
int runCommand(int& argc, char** argv)
{
    Application app(argc, argv);
    QTranslator translator;
    installTranslator(app, translator);
    KeychainDeviceSecretStore keychain;
    CommandLine commandLine;
    return commandLine.run(keychain).value_or(CommandLine::Usage);
}

} // namespace

int main(int argc, char** argv)
{
    // Before anything holds a key: no core dump may ever contain one. If that cannot be promised,
    // Confer does not run.
    if (!ProcessHardening::disableCoreDumps()) {
        std::fputs("confer: core dumps could not be switched off, so Confer will not hold keys in this "
                   "process. Check the process limits (ulimit -c).\n",
                   stderr);
        return 1;
    }
    setIdentity();

    if (CommandLine::wantsPainting(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return runCommand<QGuiApplication>(argc, argv);
    }
    if (CommandLine::wantsCommand(argc, argv))
        return runCommand<QCoreApplication>(argc, argv);

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("uk.confer.Confer"));
    AppStyle::apply(app);
    QTranslator translator;
    installTranslator(app, translator);
    KeychainDeviceSecretStore keychain;
    CommandLine commandLine;
    if (auto exitCode = commandLine.run(keychain))
        return *exitCode;

    // The panel kinds ship inside the binary; one that does not load is a broken build, not a state
    // the window can work around.
    const Result<PanelKindRegistry> panelKinds = PanelKindRegistry::load(standardStageGates());
    if (!panelKinds.ok()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("confer", "Confer cannot start"),
                              panelKinds.error().message);
        return 1;
    }
    MainWindow window(AppContext{StorePaths(commandLine.storeDirectory()), keychain, SystemClock::instance(),
                                 panelKinds.value(), KdfPolicy::product()});
    window.show();
    return app.exec();
}
