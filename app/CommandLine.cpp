#include "CommandLine.h"

#include "PassphraseReader.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "demo/DemoPartnership.h"
#include "keys/DeviceSecretStore.h"
#include "panels/PanelKind.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace confer {

namespace {

QString trCli(const char* text)
{
    return QCoreApplication::translate("confer::CommandLine", text);
}

const char* const Commands[] = {"init", "verify", "demo"};

void printLine(FILE* stream, const QString& line)
{
    QTextStream out(stream);
    out << line << Qt::endl;
}

} // namespace

bool CommandLine::wantsCommand(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h") || !std::strcmp(arg, "--version") ||
            !std::strcmp(arg, "-v"))
            return true;
        for (const char* command : Commands) {
            if (!std::strcmp(arg, command))
                return true;
        }
    }
    return false;
}

CommandLine::CommandLine()
    : m_store(
          QStringList{QStringLiteral("store")},
          trCli("Use the store in <directory> (default: %1).").arg(StorePaths::defaultLocation().directory()),
          trCli("directory"))
    , m_user(QStringList{QStringLiteral("user")}, trCli("The user name to sign in or create."), trCli("name"))
    , m_name(QStringList{QStringLiteral("name")},
             trCli("init: the administrator's full name (default: the user name)."), trCli("full name"))
    , m_noDeviceBinding(
          QStringList{QStringLiteral("no-device-binding")},
          trCli("init: do not bind the store to this computer's keychain. Anyone with the files and a "
                "passphrase could then open it on any computer. Recorded in the store."))
    , m_cases(QStringList{QStringLiteral("cases")},
              trCli("demo: how many demonstration cases to make (default: %1).")
                  .arg(DemoPartnership::Options{}.cases),
              trCli("number"))
{
    m_parser.setApplicationDescription(
        trCli("Confer: multi-agency case conferences, held securely.\n\n"
              "Commands:\n"
              "  init     create a store and its first administrator; reads the passphrase and its\n"
              "           confirmation (one line each from standard input when it is not a terminal)\n"
              "           and prints the recovery key once\n"
              "  verify   check the store's integrity and its audit trail; prints ok\n"
              "  demo     fill the store with a synthetic partnership for demonstrations, signed in\n"
              "           as --user (an administrator; reads the passphrase like verify), with\n"
              "           --cases N cases; prints the demo accounts and their shared passphrase.\n"
              "           Refuses a store that holds real cases\n"
              "  (none)   start the application"));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({m_store, m_user, m_name, m_noDeviceBinding, m_cases});
    m_parser.addPositionalArgument(QStringLiteral("command"), trCli("init, verify or demo"),
                                   QStringLiteral("[command]"));
}

QString CommandLine::storeDirectory() const
{
    return m_parser.isSet(m_store) ? m_parser.value(m_store) : StorePaths::defaultLocation().directory();
}

int CommandLine::fail(const QString& message, int code)
{
    printLine(stderr, QStringLiteral("confer: ") + message);
    return code;
}

std::optional<int> CommandLine::run(DeviceSecretStore& deviceSecrets)
{
    m_parser.process(QCoreApplication::arguments()); // --help and --version print and exit here
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return std::nullopt;
    if (positional.size() > 1)
        return fail(trCli("Give one command. See confer --help."), Usage);
    if (positional.first() == QLatin1String("init"))
        return init(deviceSecrets);
    if (positional.first() == QLatin1String("verify"))
        return verify(deviceSecrets);
    if (positional.first() == QLatin1String("demo"))
        return demo(deviceSecrets);
    return fail(trCli("Unknown command \"%1\". See confer --help.").arg(positional.first()), Usage);
}

int CommandLine::init(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(trCli("init needs --user NAME."), Usage);
    StoreOpener::SetupRequest request;
    request.adminLogin = m_parser.value(m_user);
    request.adminDisplayName = m_parser.isSet(m_name) ? m_parser.value(m_name) : request.adminLogin;
    request.bindToDevice = !m_parser.isSet(m_noDeviceBinding);
    request.passphrase = PassphraseReader::read(trCli("New passphrase: "));
    const QString confirmation = PassphraseReader::read(trCli("Confirm passphrase: "));
    if (request.passphrase.isNull() || confirmation.isNull())
        return fail(trCli("Expected the passphrase and its confirmation, one line each."), Usage);
    if (request.passphrase != confirmation)
        return fail(trCli("The two passphrases differ. Nothing was created."), Failed);

    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto outcome = opener.create(request);
    if (!outcome.ok())
        return fail(outcome.error().message);
    printLine(stdout,
              trCli("Store created in %1 for administrator %2.").arg(storeDirectory(), request.adminLogin));
    if (!request.bindToDevice)
        printLine(stdout, trCli("Warning: this store is not bound to this computer's keychain."));
    printLine(stdout,
              trCli("Recovery key (shown once; write it down and keep it somewhere safe and offline):"));
    printLine(stdout, outcome->recoveryKey.displayText());
    return Ok;
}

int CommandLine::verify(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(trCli("verify needs --user NAME."), Usage);
    const QString passphrase = PassphraseReader::read(trCli("Passphrase: "));
    if (passphrase.isNull())
        return fail(trCli("Expected the passphrase on standard input."), Usage);
    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto session = opener.unlock(m_parser.value(m_user), passphrase);
    if (!session.ok()) {
        // A store that fails its checks while being opened is what verify looks for: exit as broken.
        const ErrorCode code = session.error().code;
        const bool isBroken = code == ErrorCode::AuditChainBroken || code == ErrorCode::StoreCorrupt;
        return fail(session.error().message, isBroken ? Broken : Failed);
    }
    Status verified = (*session)->verify();
    if (!verified.ok())
        return fail(verified.error().message, Broken);
    printLine(stdout, QStringLiteral("ok"));
    return Ok;
}

int CommandLine::demo(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(trCli("demo needs --user NAME."), Usage);
    DemoPartnership::Options options;
    if (m_parser.isSet(m_cases)) {
        bool isNumber = false;
        options.cases = m_parser.value(m_cases).toInt(&isNumber);
        if (!isNumber || options.cases < 0)
            return fail(trCli("--cases needs a whole number, 0 or more."), Usage);
    }
    const QString passphrase = PassphraseReader::read(trCli("Passphrase: "));
    if (passphrase.isNull())
        return fail(trCli("Expected the passphrase on standard input."), Usage);
    auto kinds = PanelKindRegistry::load();
    if (!kinds.ok())
        return fail(kinds.error().message);
    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto session = opener.unlock(m_parser.value(m_user), passphrase);
    if (!session.ok())
        return fail(session.error().message);
    auto outcome = DemoPartnership::fill(**session, *kinds, options);
    if (!outcome.ok())
        return fail(outcome.error().message);
    printLine(stdout,
              trCli("Demonstration data added to %1: %2 cases, %3 new panels, %4 new agencies, %5 new "
                    "accounts.")
                  .arg(storeDirectory())
                  .arg(outcome->cases)
                  .arg(outcome->panels)
                  .arg(outcome->agencies)
                  .arg(outcome->users));
    printLine(stdout, trCli("Demo accounts, all with the passphrase \"%1\" (for demonstrations only):")
                          .arg(DemoPartnership::demoPassphrase()));
    for (const QString& login : outcome->userLogins)
        printLine(stdout, QStringLiteral("  ") + login);
    return Ok;
}

} // namespace confer
