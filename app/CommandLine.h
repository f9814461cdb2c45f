#pragma once

#include "platform/RefusalPause.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace confer {

class DeviceSecretStore;
class Session;

// `confer [--store DIR] [init|verify|demo|meetings|export-declarations] ...`: the commands that run without a
// window. Standard output carries only what a script reads; notices go to standard error.
class CommandLine final {
public:
    enum ExitCode { Ok = 0, Failed = 1, Usage = 2, Broken = 3 };

    // True when argv asks for a command (or --help/--version), so main() can skip the GUI.
    static bool wantsCommand(int argc, char** argv);
    // True for a command that paints a PDF (every such command is named export-…): main() gives it a
    // QGuiApplication on the offscreen platform, which fonts and QPdfWriter need, and no window.
    static bool wantsPainting(int argc, char** argv);

    // The pause after a refused sign-in is the product's two seconds unless a test passes its own.
    explicit CommandLine(RefusalPause refusalPause = RefusalPause());
    // Parses QCoreApplication::arguments(). Returns an exit code for a command, or std::nullopt
    // when the graphical application should start (on storeDirectory()).
    std::optional<int> run(DeviceSecretStore& deviceSecrets);
    QString storeDirectory() const;

private:
    int init(DeviceSecretStore& deviceSecrets);
    int verify(DeviceSecretStore& deviceSecrets);
    int demo(DeviceSecretStore& deviceSecrets);
    int meetings(DeviceSecretStore& deviceSecrets);
    int exportDeclarations(DeviceSecretStore& deviceSecrets);
    int fail(const QString& message, int code = Failed);
    static void printNotices(const Session& session);

    RefusalPause m_refusalPause;
    QCommandLineParser m_parser;
    QCommandLineOption m_store;
    QCommandLineOption m_user;
    QCommandLineOption m_name;
    QCommandLineOption m_noDeviceBinding;
    QCommandLineOption m_cases;
    QCommandLineOption m_withDemoAccounts;
    QCommandLineOption m_meeting;
    QCommandLineOption m_out;
};

} // namespace confer
