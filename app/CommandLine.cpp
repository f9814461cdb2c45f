#include "CommandLine.h"

#include "PassphraseReader.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "demo/DemoPartnership.h"
#include "demo/DemoPassphrase.h"
#include "export/DeclarationCertificate.h"
#include "keys/DeviceSecretStore.h"
#include "meetings/MeetingAccess.h"
#include "meetings/MeetingService.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "platform/RefusalPause.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "session/StorePaths.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstring>

namespace confer {

namespace {

// lupdate reads the context from here: "confer::CommandLine".
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CommandLine)
};

const char* const Commands[] = {"init", "verify", "demo", "meetings"};
// Commands that write a PDF are named export-…, so main() knows before parsing which application to make.
const char ExportPrefix[] = "export-";

bool isExportCommand(const char* arg)
{
    return !std::strncmp(arg, ExportPrefix, sizeof ExportPrefix - 1);
}

void printLine(FILE* stream, const QString& line)
{
    QTextStream out(stream);
    out << line << Qt::endl;
}

// Standard output carries only what a script reads (verify's "ok", the recovery key, the demo
// accounts); everything said to the person goes to standard error.
void notice(const QString& line)
{
    printLine(stderr, line);
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
        if (isExportCommand(arg))
            return true;
    }
    return false;
}

bool CommandLine::wantsPainting(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (isExportCommand(argv[i]))
            return true;
    }
    return false;
}

CommandLine::CommandLine(RefusalPause refusalPause)
    : m_refusalPause(std::move(refusalPause))
    , m_store(QStringList{QStringLiteral("store")},
              Tr::tr("Use the store in <directory> (default: %1).")
                  .arg(StorePaths::defaultLocation().directory()),
              Tr::tr("directory"))
    , m_user(QStringList{QStringLiteral("user")}, Tr::tr("The user name to sign in or create."),
             Tr::tr("name"))
    , m_name(QStringList{QStringLiteral("name")},
             Tr::tr("init: the administrator's full name (default: the user name)."), Tr::tr("full name"))
    , m_noDeviceBinding(
          QStringList{QStringLiteral("no-device-binding")},
          Tr::tr("init: do not bind the store to this computer's keychain. Anyone with the files and a "
                 "passphrase could then open it on any computer. Recorded in the store."))
    , m_cases(QStringList{QStringLiteral("cases")},
              Tr::tr("demo: how many demonstration cases to make (default: %1).")
                  .arg(DemoPartnership::Options{}.cases),
              Tr::tr("number"))
    , m_withDemoAccounts(QStringList{QStringLiteral("with-demo-accounts")},
                         Tr::tr("demo: also make demo accounts that can sign in, all with one passphrase "
                                "drawn at random for this run and printed once. Without it the demo's "
                                "chairs and members are disabled accounts nobody can sign in as."))
    , m_meeting(QStringList{QStringLiteral("meeting")},
                Tr::tr("export-declarations: the meeting's reference, such as MAPS-M-2026-004."),
                Tr::tr("reference"))
    , m_out(QStringList{QStringLiteral("out")}, Tr::tr("export-declarations: the PDF file to write."),
            Tr::tr("file"))
{
    m_parser.setApplicationDescription(
        Tr::tr("Confer: multi-agency case conferences, held securely.\n\n"
               "Commands:\n"
               "  init     create a store and its first administrator; reads the passphrase and its\n"
               "           confirmation (one line each from standard input when it is not a terminal)\n"
               "           and prints the recovery key once\n"
               "  verify   check the store's integrity and its audit trail; prints ok\n"
               "  demo     fill the store with a synthetic partnership for demonstrations, signed in\n"
               "           as --user (an administrator; reads the passphrase like verify), with\n"
               "           --cases N cases, and make it a demonstration store for good. With\n"
               "           --with-demo-accounts, prints the demo accounts and their passphrase, new\n"
               "           each run. Refuses a store that holds real cases\n"
               "  meetings list the meetings --user may see, one a line: reference, panel, date\n"
               "           and status, separated by tabs (reads the passphrase like verify)\n"
               "  export-declarations\n"
               "           write the declaration certificate of meeting --meeting REF to --out FILE.pdf,\n"
               "           as its panel's chair or a coordinator (reads the passphrase like verify)\n"
               "  (none)   start the application"));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions(
        {m_store, m_user, m_name, m_noDeviceBinding, m_cases, m_withDemoAccounts, m_meeting, m_out});
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   Tr::tr("init, verify, demo, meetings or export-declarations"),
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
        return fail(Tr::tr("Give one command. See confer --help."), Usage);
    if (positional.first() == QLatin1String("init"))
        return init(deviceSecrets);
    if (positional.first() == QLatin1String("verify"))
        return verify(deviceSecrets);
    if (positional.first() == QLatin1String("demo"))
        return demo(deviceSecrets);
    if (positional.first() == QLatin1String("meetings"))
        return meetings(deviceSecrets);
    if (positional.first() == QLatin1String("export-declarations"))
        return exportDeclarations(deviceSecrets);
    return fail(Tr::tr("Unknown command \"%1\". See confer --help.").arg(positional.first()), Usage);
}

int CommandLine::init(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(Tr::tr("init needs --user NAME."), Usage);
    StoreOpener::SetupRequest request;
    request.adminLogin = m_parser.value(m_user);
    request.adminDisplayName = m_parser.isSet(m_name) ? m_parser.value(m_name) : request.adminLogin;
    request.bindToDevice = !m_parser.isSet(m_noDeviceBinding);
    request.passphrase = PassphraseReader::read(Tr::tr("New passphrase: "));
    const QString confirmation = PassphraseReader::read(Tr::tr("Confirm passphrase: "));
    if (request.passphrase.isNull() || confirmation.isNull())
        return fail(Tr::tr("Expected the passphrase and its confirmation, one line each."), Usage);
    if (request.passphrase != confirmation)
        return fail(Tr::tr("The two passphrases differ. Nothing was created."), Failed);

    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto outcome = opener.create(request);
    if (!outcome.ok())
        return fail(outcome.error().message);
    notice(Tr::tr("Store created in %1 for administrator %2.").arg(storeDirectory(), request.adminLogin));
    if (!request.bindToDevice)
        notice(Tr::tr("Warning: this store is not bound to this computer's keychain."));
    notice(Tr::tr("Recovery key (shown once; write it down and keep it somewhere safe and offline):"));
    printLine(stdout, outcome->recoveryKey.displayText());
    return Ok;
}

// What the opener repaired on the way in, for the person at the terminal (standard error: scripts read
// standard output).
void CommandLine::printNotices(const Session& session)
{
    for (const QString& notice : session.notices())
        printLine(stderr, QStringLiteral("confer: ") + notice);
}

int CommandLine::verify(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(Tr::tr("verify needs --user NAME."), Usage);
    const QString passphrase = PassphraseReader::read(Tr::tr("Passphrase: "));
    if (passphrase.isNull())
        return fail(Tr::tr("Expected the passphrase on standard input."), Usage);
    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto session = opener.unlock(m_parser.value(m_user), passphrase);
    if (!session.ok()) {
        // Before saying anything: a script that stopped at the first line would otherwise skip the wait.
        m_refusalPause.after(session.error());
        // A store that fails its checks while being opened is what verify looks for: exit as broken.
        const ErrorCode code = session.error().code;
        const bool isBroken = code == ErrorCode::AuditChainBroken || code == ErrorCode::StoreCorrupt;
        return fail(session.error().message, isBroken ? Broken : Failed);
    }
    printNotices(**session);
    Status verified = (*session)->verify();
    if (!verified.ok())
        return fail(verified.error().message, Broken);
    printLine(stdout, QStringLiteral("ok"));
    return Ok;
}

int CommandLine::demo(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(Tr::tr("demo needs --user NAME."), Usage);
    DemoPartnership::Options options;
    if (m_parser.isSet(m_cases)) {
        bool isNumber = false;
        options.cases = m_parser.value(m_cases).toInt(&isNumber);
        if (!isNumber || options.cases < 0)
            return fail(Tr::tr("--cases needs a whole number, 0 or more."), Usage);
    }
    const QString passphrase = PassphraseReader::read(Tr::tr("Passphrase: "));
    if (passphrase.isNull())
        return fail(Tr::tr("Expected the passphrase on standard input."), Usage);
    auto kinds = PanelKindRegistry::load(standardStageGates());
    if (!kinds.ok())
        return fail(kinds.error().message);
    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto session = opener.unlock(m_parser.value(m_user), passphrase);
    if (!session.ok()) {
        m_refusalPause.after(session.error()); // before the message, as in verify
        return fail(session.error().message);
    }
    printNotices(**session);
    if (m_parser.isSet(m_withDemoAccounts)) {
        auto drawn = DemoPassphrase::generate();
        if (!drawn.ok())
            return fail(drawn.error().message);
        options.accountPassphrase = *drawn;
    }
    auto outcome = DemoPartnership::fill(**session, *kinds, options);
    if (!outcome.ok())
        return fail(outcome.error().message);
    notice(Tr::tr("Demonstration data added to %1: %2 cases, %6 meetings, %3 new panels, %4 new agencies, "
                  "%5 new accounts. It is a demonstration store now, for good.")
               .arg(storeDirectory())
               .arg(outcome->cases)
               .arg(outcome->panels)
               .arg(outcome->agencies)
               .arg(outcome->users)
               .arg(outcome->meetings));
    if (outcome->userLogins.isEmpty())
        return Ok;
    printLine(stdout, Tr::tr("Demo accounts, all with the passphrase \"%1\" (for demonstrations only; "
                             "drawn for this run and shown only now):")
                          .arg(options.accountPassphrase));
    for (const QString& login : outcome->userLogins)
        printLine(stdout, QStringLiteral("  ") + login);
    return Ok;
}

// One meeting a line, for scripts: reference, panel, date (ISO) and status (its stable key), tab-separated.
// Only the meetings the user may list (MeetingAccess): their panels', or every panel's for an administrator,
// who sees no more than these four fields of a panel they do not sit on.
int CommandLine::meetings(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user))
        return fail(Tr::tr("meetings needs --user NAME."), Usage);
    const QString passphrase = PassphraseReader::read(Tr::tr("Passphrase: "));
    if (passphrase.isNull())
        return fail(Tr::tr("Expected the passphrase on standard input."), Usage);
    auto kinds = PanelKindRegistry::load(standardStageGates());
    if (!kinds.ok())
        return fail(kinds.error().message);
    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto session = opener.unlock(m_parser.value(m_user), passphrase);
    if (!session.ok()) {
        m_refusalPause.after(session.error()); // before the message, as in verify
        return fail(session.error().message);
    }
    printNotices(**session);
    auto listed = MeetingService(**session, *kinds).meetings();
    if (!listed.ok())
        return fail(listed.error().message);
    for (const MeetingSummary& meeting : *listed) {
        printLine(stdout, QStringList{meeting.reference, meeting.panelName,
                                      meeting.date.toString(Qt::ISODate), meetingStatusKey(meeting.status)}
                              .join(QLatin1Char('\t')));
    }
    return Ok;
}

// The meeting's declaration certificate as a PDF (DeclarationCertificate), for its panel's chair or a
// coordinator; one sentence, the same, for a meeting that does not exist and one the user may not export.
// Says where it wrote on standard error: standard output stays empty, as for every command without script
// output.
int CommandLine::exportDeclarations(DeviceSecretStore& deviceSecrets)
{
    if (!m_parser.isSet(m_user) || !m_parser.isSet(m_meeting) || !m_parser.isSet(m_out))
        return fail(Tr::tr("export-declarations needs --user NAME, --meeting REF and --out FILE.pdf."),
                    Usage);
    const QString out = m_parser.value(m_out);
    if (out.isEmpty() || QFileInfo(out).isDir())
        return fail(Tr::tr("--out must name the PDF file to write, not a folder."), Usage);
    const QString passphrase = PassphraseReader::read(Tr::tr("Passphrase: "));
    if (passphrase.isNull())
        return fail(Tr::tr("Expected the passphrase on standard input."), Usage);
    auto kinds = PanelKindRegistry::load(standardStageGates());
    if (!kinds.ok())
        return fail(kinds.error().message);
    StoreOpener opener(StorePaths(storeDirectory()), deviceSecrets, SystemClock::instance());
    auto session = opener.unlock(m_parser.value(m_user), passphrase);
    if (!session.ok()) {
        m_refusalPause.after(session.error()); // before the message, as in verify
        return fail(session.error().message);
    }
    printNotices(**session);
    auto meeting = MeetingAccess(**session).requireByReference(
        m_parser.value(m_meeting), MeetingAccess::Need::Leading, AuditAction::DeclarationCertificateExport);
    if (!meeting.ok())
        return fail(meeting.error().message);
    auto written = DeclarationCertificate(**session, *kinds).exportTo(meeting->id, out);
    if (!written.ok())
        return fail(written.error().message);
    notice(Tr::tr("Declaration certificate of %1 written to %2 (%3 pages, SHA-256 %4).")
               .arg(meeting->reference, out)
               .arg(written->pageCount)
               .arg(written->sha256Hex));
    return Ok;
}

} // namespace confer
