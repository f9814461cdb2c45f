#include "demo/DemoPartnership.h"

#include "accounts/AccountService.h"
#include "accounts/PassphrasePolicy.h"
#include "caseload/ActionService.h"
#include "partnership/AgencyService.h"
#include "caseload/CaseService.h"
#include "caseload/NoteService.h"
#include "partnership/PanelService.h"
#include "common/Clock.h"
#include "demo/DemoPassphrase.h"
#include "demo/DemonstrationStore.h"
#include "keys/KeySlotFile.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <random>
#include <vector>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::DemoPartnership)
};

// Every name, street and postcode below is made up from word lists; any likeness to a real person is
// chance. Organisations are generic partnership bodies; contact details use reserved ranges
// (example.org, Ofcom's drama numbers 0191 498 0xxx).
const char* const MaleFirstNames[] = {
    "Adam",    "Alan",   "Andrew", "Anthony", "Ben",     "Brian",  "Callum",  "Carl",   "Chris",    "Connor",
    "Craig",   "Daniel", "Darren", "David",   "Dean",    "Declan", "Gary",    "Glen",   "Graham",   "Ian",
    "Jack",    "Jake",   "Jamie",  "Jason",   "Joe",     "John",   "Jordan",  "Kevin",  "Kieran",   "Kyle",
    "Lee",     "Liam",   "Mark",   "Martin",  "Michael", "Neil",   "Nathan",  "Paul",   "Peter",    "Reece",
    "Richard", "Robert", "Ryan",   "Scott",   "Sean",    "Shaun",  "Stephen", "Steven", "Stuart",   "Thomas",
    "Tony",    "Wayne",  "Aaron",  "Bradley", "Ethan",   "Harvey", "Kai",     "Lewis",  "Mohammed", "Tyler"};
const char* const FemaleFirstNames[] = {
    "Abbie",    "Amanda", "Amy",      "Angela",  "Ashleigh", "Carly",  "Charlotte", "Chelsea",  "Claire",
    "Danielle", "Dawn",   "Debbie",   "Donna",   "Elaine",   "Emma",   "Gemma",     "Hannah",   "Hayley",
    "Helen",    "Jade",   "Jennifer", "Jessica", "Joanne",   "Julie",  "Karen",     "Katie",    "Kelly",
    "Kirsty",   "Laura",  "Leanne",   "Lisa",    "Louise",   "Lucy",   "Megan",     "Michelle", "Natalie",
    "Nicola",   "Paige",  "Rachel",   "Rebecca", "Sarah",    "Sharon", "Shannon",   "Sophie",   "Stacey",
    "Tracey",   "Vicky",  "Zoe",      "Chloe",   "Ellie",    "Ella",   "Grace",     "Holly",    "Jasmine",
    "Leah",     "Molly",  "Nadia",    "Amira",   "Priya",    "Sienna"};
const char* const Surnames[] = {
    "Robson",     "Charlton",  "Armstrong",  "Bainbridge", "Dodds",      "Elliott",    "Forster",
    "Hutchinson", "Milburn",   "Nixon",      "Pearson",    "Shepherd",   "Surtees",    "Tait",
    "Urwin",      "Wake",      "Watson",     "Smith",      "Jones",      "Taylor",     "Brown",
    "Wilson",     "Thompson",  "Walker",     "White",      "Wright",     "Hall",       "Wood",
    "Jackson",    "Clarke",    "Green",      "Harrison",   "Davison",    "Stephenson", "Young",
    "Allan",      "Bell",      "Hughes",     "Graham",     "Kirkup",     "Lamb",       "Laidler",
    "Marshall",   "Maddison",  "Parkin",     "Proud",      "Rutherford", "Scott",      "Snowdon",
    "Stoker",     "Swinburne", "Tweddle",    "Wilkinson",  "Atkinson",   "Bowes",      "Carr",
    "Coxon",      "Cummings",  "Dixon",      "Emmerson",   "Fenwick",    "Gibson",     "Hodgson",
    "Johnson",    "Kell",      "Liddle",     "McDonald",   "Moffat",     "Nicholson",  "Oliver",
    "Peart",      "Ramshaw",   "Richardson", "Simpson",    "Teasdale",   "Turnbull",   "Walton",
    "Weatherall", "Whitfield", "Younger",    "Patel",      "Khan",       "Hussain",    "Ahmed",
    "Begum",      "Kowalski",  "Nowak",      "Murphy",     "Kelly",      "O'Neill",    "Doyle",
    "Campbell",   "Reid",      "Ross",       "Baxter",     "Pattinson",  "Hewitson",   "Lowery",
    "Brannigan",  "Garbutt"};
const char* const Nicknames[] = {"Jonno", "Smudge", "Tommo", "Shaz",  "Becks",
                                 "Dazza", "Gaz",    "Kez",   "Macca", "Robbo"};
const char* const Streets[] = {"Front Street",        "Back Street",    "Station Road",   "Durham Road",
                               "Church Street",       "North Road",     "South Street",   "Pit Row",
                               "Colliery Road",       "Seaside Lane",   "Office Street",  "Welfare Road",
                               "Chapel Street",       "Moor Lane",      "Hill View",      "Park Terrace",
                               "Victoria Terrace",    "Albert Street",  "Queen Street",   "Railway Terrace",
                               "Cooperative Terrace", "Miners Row",     "Blackhall Road", "Granville Terrace",
                               "Cotsford Lane",       "Thorntree Gill", "Burn Lane",      "Wear Street",
                               "Coronation Avenue",   "Beech Grove",    "Elm Crescent",   "Oak Terrace",
                               "Sycamore Road",       "Chestnut Close", "Rowan Drive",    "Bede Way",
                               "Cuthbert Avenue",     "Aidan Walk",     "Castle View",    "Lambton Street"};
const char* const LocationFeatures[] = {
    "play park", "shop parade", "bus shelter", "back lane",           "recreation ground",
    "underpass", "allotments",  "car park",    "phone box and bench", "cut-through to the dene"};

struct Town {
    const char* name;
    int district; // DH1 ... DH9
};
const Town Towns[] = {
    {"Durham", 1},    {"Gilesgate", 1},          {"Pelton", 2},         {"Chester-le-Street", 3},
    {"Birtley", 3},   {"Houghton-le-Spring", 4}, {"Hetton-le-Hole", 5}, {"Easington Lane", 5},
    {"Haswell", 6},   {"Shotton Colliery", 6},   {"Thornley", 6},       {"Wheatley Hill", 6},
    {"Sacriston", 7}, {"Langley Park", 7},       {"Consett", 8},        {"Stanley", 9}};

struct AgencySeed {
    const char* name;
    Agency::Kind kind;
    const char* contactName;
    const char* email;
};
const AgencySeed Agencies[] = {
    {"Durham Constabulary", Agency::Kind::ResponsibleAuthority, "Insp. Mark Tweddle", "neighbourhoods"},
    {"Durham County Council", Agency::Kind::ResponsibleAuthority, "Joanne Kirkup", "community.safety"},
    {"County Durham and Darlington Fire and Rescue Service", Agency::Kind::ResponsibleAuthority,
     "Stn Cdr Alan Peart", "prevention"},
    {"Probation Service North East", Agency::Kind::ResponsibleAuthority, "Claire Laidler", "iom"},
    {"NHS North East and North Cumbria", Agency::Kind::ResponsibleAuthority, "Dr Priya Shah", "safeguarding"},
    {"East Durham Homes (demo)", Agency::Kind::CooperatingBody, "Steven Coxon", "tenancy.support"},
    {"Recovery and Wellbeing Service (demo)", Agency::Kind::CooperatingBody, "Leanne Ramshaw", "referrals"},
    {"Horden Community Hub (demo)", Agency::Kind::Other, "Nadia Begum", "hello"},
    {"Department for Work and Pensions", Agency::Kind::CooperatingBody, "Gary Whitfield", "partnerships"},
};

struct AccountSeed {
    const char* login;
    const char* displayName;
    Role role;
    int agency; // index into Agencies
};
const AccountSeed Accounts[] = {
    {"demo.hwalton", "Helen Walton", Role::Chair, 1},
    {"demo.dnicholson", "David Nicholson", Role::Chair, 0},
    {"demo.sbainbridge", "Sarah Bainbridge", Role::Chair, 3},
    {"demo.kforster", "Karen Forster", Role::Coordinator, 6},
    {"demo.ihussain", "Imran Hussain", Role::Chair, 1},
    {"demo.jcharlton", "James Charlton", Role::Member, 0},
    {"demo.lrobson", "Lisa Robson", Role::Member, 5},
    {"demo.pdodds", "Paul Dodds", Role::Coordinator, 1},
};

struct PanelSeed {
    const char* name;
    const char* kind;
    int chair;      // index into Accounts
    int members[3]; // more accounts, -1 for none
    int weight;     // share of the cases
    int lowestAge;  // subjects' ages
    int highestAge;
};
const PanelSeed Panels[] = {
    {"Easington MAPS", "maps", 0, {5, 6, 7}, 26, 14, 72},
    {"Peterlee MAPS", "maps", 1, {6, 7, -1}, 22, 14, 72},
    {"County Durham IOM", "iom", 2, {1, 5, -1}, 24, 18, 52},
    {"Horden Together (MEAM)", "meam", 3, {6, 7, -1}, 14, 22, 60},
    {"County Durham Channel Panel", "channel", 4, {1, 5, -1}, 14, 12, 40},
};

const char* const FactNotes[] = {
    "Home visit completed. The tenancy is in arrears of about six weeks and the property is cluttered.",
    "Three calls to the police in the last fortnight about shouting and door-banging late at night.",
    "Attended the appointment at the recovery service and collected a new prescription.",
    "Did not attend the arranged appointment; a letter has been sent with a new date.",
    "Neighbour reports a group gathering on the back lane most evenings, with broken glass left behind.",
    "Referred to the debt advice service; first appointment booked for next week.",
    "Released from custody on licence; reported to probation on the day of release as required.",
    "School confirms attendance has been 62% this term, with most absences on Mondays.",
    "Fire safety visit carried out; two smoke alarms fitted and advice given on cooking safety.",
    "Housing officer served a notice of seeking possession following the breach of tenancy.",
    "GP confirms registration and a review of medication is booked.",
    "Graffiti reported at the shop parade has been removed by the council's clean-up team."};
const char* const OpinionNotes[] = {
    "In my professional opinion the risk of eviction is high unless the arrears plan is kept to.",
    "I believe the behaviour is escalating and is linked to a return to heavy drinking.",
    "My view is that engagement has improved since the new support worker was allocated.",
    "I think the family would benefit from a single named worker rather than several services.",
    "It is my assessment that the online material viewed reflects curiosity rather than commitment.",
    "In my opinion the current address is not safe and a move should be prioritised."};
const char* const OpinionBases[] = {
    "Home visits over the last two months.", "Review of police incident logs.", "Three supervision sessions.",
    "Discussion with the school and the family.", "Assessment at the last appointment."};
const char* const ActionTexts[] = {"Arrange a joint home visit with housing and the police.",
                                   "Refer to the recovery service and confirm the first appointment.",
                                   "Carry out a fire safety visit.",
                                   "Write to the tenant setting out the acceptable behaviour contract.",
                                   "Check whether a support worker has been allocated and report back.",
                                   "Review CCTV coverage of the back lane and report to the next meeting.",
                                   "Offer a benefits check and help with the claim.",
                                   "Share the safety plan with the school's designated safeguarding lead.",
                                   "Confirm licence conditions and the next appointment with probation.",
                                   "Contact the GP about the missed medication review."};
const char* const ReferralReasons[] = {
    "Repeated reports of anti-social behaviour from neighbours over several months.",
    "Concerns raised by several agencies at once; no single agency can resolve them alone.",
    "Escalating incidents linked to alcohol and to the people visiting the address.",
    "Vulnerability to exploitation, with missed appointments and reports of debts to others.",
    "Repeat offending alongside unmet needs in housing and substance misuse.",
    "Concerns about material shared online and comments made at school or work."};
const char* const AgreedOutcomes[] = {"Incidents reduced to fewer than one a month for three months.",
                                      "Tenancy sustained and arrears plan kept to.",
                                      "Back lane gated and lit; no reports for two meetings in a row."};
const char* const ReferralOffers[] = {
    "A named housing officer and a fast-tracked tenancy if engagement is kept up.",
    "Weekly drop-in with a recovery worker and help to register with a GP.",
    "A key worker for twelve weeks and a personal budget for essentials."};
const char* const SupportPlans[] = {
    "Mentoring from an intervention provider, weekly, with support from the school.",
    "Theological mentoring and help into a college course.",
    "Family support alongside mentoring; reviewed monthly."};

// Synthetic data from word lists with a seeded generator: the same seed gives the same partnership.
// Not for secrets (those come from libsodium): this only picks names.
class Dice final {
public:
    explicit Dice(quint32 seed)
        : m_engine(seed)
    {}
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_engine); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_engine); }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[std::size_t(between(0, int(N) - 1))];
    }
    template <typename T>
    const T& pick(const QList<T>& items)
    {
        return items[between(0, int(items.size()) - 1)];
    }
    std::mt19937& engine() { return m_engine; }

private:
    std::mt19937 m_engine;
};

QString word(const char* text)
{
    return QString::fromUtf8(text);
}

QString postcode(Dice& dice, int district)
{
    // Inward codes never use C, I, K, M, O or V.
    static const char Letters[] = "ABDEFGHJLNPQRSTUWXYZ";
    const int letters = int(sizeof(Letters)) - 2;
    return QStringLiteral("DH%1 %2%3%4")
        .arg(district)
        .arg(dice.between(1, 9))
        .arg(QLatin1Char(Letters[dice.between(0, letters)]))
        .arg(QLatin1Char(Letters[dice.between(0, letters)]));
}

// Legal moves from the first stage to each stage, shortest first, so every stage can be reached through
// the service as a coordinator would. Moves behind a gate this generator cannot satisfy are left out.
QHash<QString, QStringList> pathsToStages(const PanelKind& kind)
{
    QHash<QString, QStringList> paths;
    paths.insert(kind.initialStage, {});
    QStringList queue{kind.initialStage};
    while (!queue.isEmpty()) {
        const QString from = queue.takeFirst();
        for (const Transition& transition : kind.transitions) {
            if (transition.from != from || paths.contains(transition.to))
                continue;
            const bool canMeet =
                std::all_of(transition.requiredGates.cbegin(), transition.requiredGates.cend(),
                            [](const QString& gate) { return gate == QLatin1String("consent"); });
            if (!canMeet)
                continue;
            paths.insert(transition.to, paths.value(from) + QStringList{transition.to});
            queue << transition.to;
        }
    }
    return paths;
}

// Fills one store; holds the services and the ids made so far.
class DemoFiller final {
public:
    DemoFiller(Session& session, const PanelKindRegistry& kinds, const DemoPartnership::Options& options)
        : m_session(session)
        , m_kinds(kinds)
        , m_options(options)
        , m_dice(options.seed)
        , m_agencies(session)
        , m_panels(session, kinds)
        , m_cases(session, kinds)
        , m_notes(session)
        , m_actions(session)
        , m_today(session.clock().today())
    {}

    Status fill(DemoPartnership::Outcome& outcome);

private:
    struct DemoPanel {
        Panel panel;
        const PanelKind* kind = nullptr;
        const PanelSeed* seed = nullptr;
        QHash<QString, QStringList> paths;
    };

    Status addAgencies(DemoPartnership::Outcome& outcome);
    Status addAccounts(DemoPartnership::Outcome& outcome);
    Status disableRecordsOnly();
    Status addPanels(DemoPartnership::Outcome& outcome);
    Status addCase(const DemoPanel& panel, const QString& targetStage);
    Subject makeSubject(const DemoPanel& panel, const QString& type);
    QVariantMap makeFields(const PanelKind& kind);
    QString personName(bool isFemale);
    QString moveReason(const StageDefinition& stage);
    Status addDetails(qint64 caseId, const DemoPanel& panel, bool isOpen);
    std::optional<qint64> agencyId(int index) const
    {
        return index >= 0 && index < int(m_agencyIds.size())
                   ? std::optional<qint64>(m_agencyIds[std::size_t(index)])
                   : std::nullopt;
    }
    qint64 anyAgency() { return m_agencyIds[std::size_t(m_dice.between(0, int(m_agencyIds.size()) - 1))]; }

    Session& m_session;
    const PanelKindRegistry& m_kinds;
    DemoPartnership::Options m_options;
    Dice m_dice;
    AgencyService m_agencies;
    PanelService m_panels;
    CaseService m_cases;
    NoteService m_notes;
    ActionService m_actions;
    const QDate m_today;              // the services' "today": referral and consent dates may not pass it
    std::vector<qint64> m_agencyIds;  // in the order of Agencies
    std::vector<qint64> m_accountIds; // in the order of Accounts
    std::vector<DemoPanel> m_demoPanels;
    std::vector<qint64> m_personSubjects; // people already on a case, some of whom reappear elsewhere
    // Each demo login's key slot as it was before this fill touched it (none for a new account).
    std::vector<qint64> m_recordsOnly; // demo accounts made here that nobody is to sign in as
};

Status DemoFiller::addAgencies(DemoPartnership::Outcome& outcome)
{
    auto existing = m_agencies.agencies();
    if (!existing.ok())
        return existing.error();
    for (const AgencySeed& seed : Agencies) {
        const QString name = word(seed.name);
        const auto found = std::find_if(existing->cbegin(), existing->cend(),
                                        [&](const Agency& agency) { return agency.name == name; });
        if (found != existing->cend()) {
            m_agencyIds.push_back(found->id);
            continue;
        }
        Agency agency;
        agency.name = name;
        agency.kind = seed.kind;
        agency.ispSignatory = word(seed.contactName);
        agency.ispSignedOn = m_today.addDays(-m_dice.between(60, 900));
        // Not a real ICO registration number, and plainly so.
        agency.dataProtectionRegistration = QStringLiteral("DEMO-%1").arg(m_dice.between(100000, 999999));
        agency.contactName = word(seed.contactName);
        agency.contactEmail = word(seed.email) + QStringLiteral("@example.org");
        agency.contactPhone = QStringLiteral("0191 498 0%1").arg(m_dice.between(100, 999));
        auto added = m_agencies.add(agency);
        if (!added.ok())
            return added.error();
        m_agencyIds.push_back(added->id);
        ++outcome.agencies;
    }
    return {};
}

Status DemoFiller::addAccounts(DemoPartnership::Outcome& outcome)
{
    // With a passphrase, every demo account signs in with it. Without one the demo people are records
    // only (chairs and members the panels need): disabled accounts with no key slot, so nobody can sign
    // in as them. Their slot is sealed under a passphrase nobody is told, then removed with the disabling
    // at the end of the fill.
    const QString& passphrase = m_options.accountPassphrase;
    const bool canSignIn = !passphrase.isEmpty();
    QString unknowable;
    if (!canSignIn) {
        auto drawn = DemoPassphrase::generate();
        if (!drawn.ok())
            return drawn.error();
        unknowable = *drawn;
    }
    AccountService& accounts = m_session.accounts();
    for (const AccountSeed& seed : Accounts) {
        const QString login = word(seed.login);
        if (auto existing = accounts.userByLogin(login); existing.ok()) {
            // Made by an earlier run: its people are reused; asked for, it opens with this run's passphrase.
            m_accountIds.push_back(existing->id);
            if (!canSignIn)
                continue;
            Status opened = existing->isDisabled ? accounts.setDisabled(existing->id, false, passphrase)
                                                 : accounts.resetPassphrase(existing->id, passphrase);
            if (!opened.ok())
                return opened;
            outcome.userLogins << login;
            continue;
        }
        auto added =
            accounts.addUser({login, word(seed.displayName), seed.role, canSignIn ? passphrase : unknowable});
        if (!added.ok())
            return added.error();
        m_accountIds.push_back(added->id);
        ++outcome.users;
        if (Status placed = m_agencies.setUserAgency(added->id, agencyId(seed.agency)); !placed.ok())
            return placed;
        if (canSignIn)
            outcome.userLogins << login;
        else
            m_recordsOnly.push_back(added->id); // disabled once the panels have them (see disableRecordsOnly)
    }
    return {};
}

Status DemoFiller::disableRecordsOnly()
{
    // Last, because a panel takes only enabled accounts as chair or member.
    for (qint64 id : m_recordsOnly) {
        // Nobody was ever told these passphrases, so no store key needs changing.
        if (Status disabled =
                m_session.accounts().setDisabled(id, true, {}, AccountService::KeyRotation::NotNeeded);
            !disabled.ok())
            return disabled;
    }
    return {};
}

Status DemoFiller::addPanels(DemoPartnership::Outcome& outcome)
{
    auto existing = m_panels.panels();
    if (!existing.ok())
        return existing.error();
    const qint64 me = m_session.currentUser().id;
    auto addPanel = [&](const QString& name, const PanelKind& kind, const PanelSeed* seed) -> Status {
        DemoPanel demo;
        demo.kind = &kind;
        demo.seed = seed;
        demo.paths = pathsToStages(kind);
        const auto found = std::find_if(existing->cbegin(), existing->cend(),
                                        [&](const Panel& panel) { return panel.name == name; });
        if (found != existing->cend()) {
            demo.panel = *found;
        } else {
            std::optional<qint64> chair;
            if (seed)
                chair = m_accountIds[std::size_t(seed->chair)];
            auto created = m_panels.create(name, kind.key, chair);
            if (!created.ok())
                return created.error();
            demo.panel = *created;
            ++outcome.panels;
            if (seed) {
                for (int member : seed->members) {
                    if (member < 0)
                        continue;
                    if (Status added = m_panels.addMember(demo.panel.id, m_accountIds[std::size_t(member)]);
                        !added.ok())
                        return added;
                }
            }
        }
        // The person running the demonstration sees every demo panel's cases.
        auto members = m_panels.memberIds(demo.panel.id);
        if (!members.ok())
            return members.error();
        if (std::find(members->cbegin(), members->cend(), me) == members->cend()) {
            if (Status added = m_panels.addMember(demo.panel.id, me); !added.ok())
                return added;
        }
        m_demoPanels.push_back(demo);
        return {};
    };

    for (const PanelSeed& seed : Panels) {
        if (const PanelKind* kind = m_kinds.kind(word(seed.kind))) {
            if (Status added = addPanel(word(seed.name), *kind, &seed); !added.ok())
                return added;
        }
    }
    // Any further kind this copy knows (a locally added definition) gets a panel too.
    for (const PanelKind& kind : m_kinds.kinds()) {
        const bool isCovered = std::any_of(std::begin(Panels), std::end(Panels), [&](const PanelSeed& seed) {
            return kind.key == word(seed.kind);
        });
        if (!isCovered) {
            if (Status added = addPanel(QStringLiteral("County Durham %1").arg(kind.name), kind, nullptr);
                !added.ok())
                return added;
        }
    }
    return {};
}

QString DemoFiller::personName(bool isFemale)
{
    const QString first = word(isFemale ? m_dice.pick(FemaleFirstNames) : m_dice.pick(MaleFirstNames));
    return first + QLatin1Char(' ') + word(m_dice.pick(Surnames));
}

Subject DemoFiller::makeSubject(const DemoPanel& panel, const QString& type)
{
    const Town& town = m_dice.pick(Towns);
    const QString street = word(m_dice.pick(Streets));
    Subject subject;
    // Empty rather than null text: the store's columns are NOT NULL and a null QString binds NULL.
    subject.aliases = subject.gender = subject.address = QStringLiteral("");
    subject.type = subjectTypeFromKey(type).value_or(Subject::Type::Person);
    subject.postcode = postcode(m_dice, town.district);
    switch (subject.type) {
    case Subject::Type::Person: {
        const bool isFemale = m_dice.chance(0.4);
        subject.name = personName(isFemale);
        subject.gender = isFemale ? QStringLiteral("Female") : QStringLiteral("Male");
        const int lowest = panel.seed ? panel.seed->lowestAge : 18;
        const int highest = panel.seed ? panel.seed->highestAge : 65;
        subject.dateOfBirth =
            m_today.addYears(-m_dice.between(lowest, highest)).addDays(-m_dice.between(1, 364));
        subject.address =
            QStringLiteral("%1 %2, %3").arg(m_dice.between(1, 140)).arg(street, word(town.name));
        if (m_dice.chance(0.06))
            subject.aliases = word(m_dice.pick(Nicknames));
        break;
    }
    case Subject::Type::Household:
        subject.name = QStringLiteral("%1 household").arg(word(m_dice.pick(Surnames)));
        subject.address =
            QStringLiteral("%1 %2, %3").arg(m_dice.between(1, 140)).arg(street, word(town.name));
        break;
    case Subject::Type::Location:
        subject.name =
            QStringLiteral("%1, %2 (%3)").arg(street, word(town.name), word(m_dice.pick(LocationFeatures)));
        subject.address = QStringLiteral("%1, %2").arg(street, word(town.name));
        break;
    }
    return subject;
}

// A value for each field the kind defines: always for required ones, often for the rest. Fields this
// generator knows get plausible text; any other field gets a neutral value of its type.
QVariantMap DemoFiller::makeFields(const PanelKind& kind)
{
    QVariantMap fields;
    for (const FieldDefinition& field : kind.fields) {
        if (!field.isRequired && !m_dice.chance(0.6))
            continue;
        switch (field.type) {
        case FieldDefinition::Type::Choice:
            if (!field.choices.isEmpty())
                fields.insert(field.key, m_dice.pick(field.choices).key);
            break;
        case FieldDefinition::Type::MultiChoice: {
            QStringList chosen;
            for (const FieldDefinition::Choice& choice : field.choices) {
                if (m_dice.chance(0.4))
                    chosen << choice.key;
            }
            if (chosen.isEmpty() && !field.choices.isEmpty())
                chosen << m_dice.pick(field.choices).key;
            fields.insert(field.key, chosen);
            break;
        }
        case FieldDefinition::Type::Boolean:
            fields.insert(field.key, m_dice.chance(0.8));
            break;
        case FieldDefinition::Type::Number: {
            const int low = int(field.minimum.value_or(0));
            const int high = int(field.maximum.value_or(10));
            fields.insert(field.key, m_dice.between(low, std::max(low, high)));
            break;
        }
        case FieldDefinition::Type::Date:
            fields.insert(field.key, m_today.addDays(-m_dice.between(10, 700)).toString(Qt::ISODate));
            break;
        case FieldDefinition::Type::Text:
            if (field.key.endsWith(QLatin1String("Lead")) || field.key == QLatin1String("coordinator"))
                fields.insert(field.key, personName(m_dice.chance(0.5)));
            else if (field.key == QLatin1String("interventionProvider"))
                fields.insert(field.key, QStringLiteral("Approved intervention provider (demo)"));
            else
                fields.insert(field.key, QStringLiteral("Agreed at panel"));
            break;
        case FieldDefinition::Type::LongText:
            if (field.key == QLatin1String("agreedOutcome"))
                fields.insert(field.key, word(m_dice.pick(AgreedOutcomes)));
            else if (field.key == QLatin1String("referralOffer"))
                fields.insert(field.key, word(m_dice.pick(ReferralOffers)));
            else if (field.key == QLatin1String("supportPlan"))
                fields.insert(field.key, word(m_dice.pick(SupportPlans)));
            else
                fields.insert(field.key, QStringLiteral("Discussed and agreed at the panel meeting."));
            break;
        }
    }
    return fields;
}

QString DemoFiller::moveReason(const StageDefinition& stage)
{
    if (!stage.needsReason)
        return QStringLiteral(""); // empty, not null: a null QString would bind NULL
    if (!stage.reasons.isEmpty())
        return m_dice.pick(stage.reasons).key;
    return QStringLiteral("Agreed at the panel meeting.");
}

Status DemoFiller::addCase(const DemoPanel& panel, const QString& targetStage)
{
    const PanelKind& kind = *panel.kind;
    CaseService::NewCase request;
    request.panelId = panel.panel.id;
    const QString type = kind.subjectTypes.isEmpty()
                             ? QStringLiteral("person")
                             : (m_dice.chance(0.75) && kind.subjectTypes.contains(QStringLiteral("person"))
                                    ? QStringLiteral("person")
                                    : m_dice.pick(kind.subjectTypes));
    // A few people are known to more than one panel (a subject can be on cases in several).
    if (type == QLatin1String("person") && !m_personSubjects.empty() && m_dice.chance(0.05))
        request.subject.id =
            m_personSubjects[std::size_t(m_dice.between(0, int(m_personSubjects.size()) - 1))];
    else
        request.subject = makeSubject(panel, type);
    request.referralDate = m_today.addDays(-m_dice.between(0, 720));
    const qint64 referring = anyAgency();
    request.referringAgencyId = referring;
    request.referrer = personName(m_dice.chance(0.5));
    request.referralReason = word(m_dice.pick(ReferralReasons));
    request.leadAgencyId = anyAgency();
    request.leadProfessional = personName(m_dice.chance(0.5));
    const int risk = m_dice.between(0, 99);
    request.risk = risk < 15   ? Risk::Red
                   : risk < 50 ? Risk::Amber
                   : risk < 80 ? Risk::Green
                               : Risk::Unassessed;
    request.marking = Marking::OfficialSensitive;
    request.fields = makeFields(kind);
    auto created = m_cases.create(request);
    if (!created.ok())
        return created.error();
    const qint64 caseId = created->id;
    if (type == QLatin1String("person") && request.subject.id == 0)
        m_personSubjects.push_back(created->subject.id);

    // Through the stages as a coordinator would move it, consent first where a move needs it.
    bool hasConsent = false;
    QString current = kind.initialStage;
    for (const QString& next : panel.paths.value(targetStage)) {
        const Transition* transition = kind.transition(current, next);
        if (transition && transition->requiredGates.contains(QStringLiteral("consent")) && !hasConsent) {
            Consent consent;
            const std::optional<QDate>& born = created->subject.dateOfBirth;
            consent.onDate = m_today.addDays(-m_dice.between(0, 30));
            const bool isChild = born && born->addYears(18) > consent.onDate;
            consent.givenBy = isChild ? Consent::GivenBy::ParentGuardian : Consent::GivenBy::Individual;
            consent.givenByName = isChild ? personName(true) : QStringLiteral("");
            consent.state = Consent::State::Given;
            consent.scope = QStringLiteral("Support from the intervention provider, and sharing between the "
                                           "police, the council and the school.");
            if (Status recorded = m_cases.recordConsent(caseId, consent); !recorded.ok())
                return recorded;
            hasConsent = true;
        }
        const StageDefinition* stage = kind.stage(next);
        if (Status moved = m_cases.moveStage(caseId, next, stage ? moveReason(*stage) : QStringLiteral(""));
            !moved.ok())
            return moved;
        current = next;
    }

    const StageDefinition* finalStage = kind.stage(current);
    const bool isOpen = !finalStage || !finalStage->isClosed;
    // Review dates spread around today, some already passed, as on a real caseload. Without details
    // (the 100,000-case benchmark) only about one open case in four is touched again: each update is
    // one more audited service call, and the rest keep the date their last stage move set.
    if (isOpen && (m_options.withDetails || m_dice.chance(0.25))) {
        CaseService::Details details;
        details.risk = request.risk;
        details.leadAgencyId = request.leadAgencyId;
        details.leadProfessional = request.leadProfessional;
        details.nextReview = m_today.addDays(m_dice.between(-14, 42));
        details.marking = request.marking;
        details.fields = created->fields;
        details.referralReason = request.referralReason;
        if (Status updated = m_cases.updateDetails(caseId, details); !updated.ok())
            return updated;
    }
    if (m_options.withDetails)
        return addDetails(caseId, panel, isOpen);
    return {};
}

Status DemoFiller::addDetails(qint64 caseId, const DemoPanel& panel, bool isOpen)
{
    const int noteCount = m_dice.between(1, 4);
    for (int i = 0; i < noteCount; ++i) {
        NoteService::NewNote note;
        note.agencyId = anyAgency(); // each note from the agency the information came from
        note.isOpinion = m_dice.chance(0.3);
        note.body = word(note.isOpinion ? m_dice.pick(OpinionNotes) : m_dice.pick(FactNotes));
        if (note.isOpinion)
            note.opinionBasis = word(m_dice.pick(OpinionBases));
        note.marking = m_dice.chance(0.85) ? Marking::OfficialSensitive : Marking::Official;
        note.isDemo = true;
        auto added = m_notes.add(caseId, note);
        if (!added.ok())
            return added.error();
        // Now and then a correction, kept beside the original (Thurrock 8.3.2).
        if (m_dice.chance(0.08)) {
            auto corrected =
                m_notes.correct(added->id, added->body + QStringLiteral(" (Date of visit corrected.)"),
                                QStringLiteral("The date of the visit was wrong."));
            if (!corrected.ok())
                return corrected.error();
        }
    }
    const int actionCount = m_dice.between(isOpen ? 1 : 0, isOpen ? 3 : 1);
    for (int i = 0; i < actionCount; ++i) {
        ActionService::NewAction action;
        action.description = word(m_dice.pick(ActionTexts));
        action.ownerAgencyId = anyAgency();
        action.ownerPerson = personName(m_dice.chance(0.5));
        action.dueDate = m_today.addDays(m_dice.between(-40, 50)); // some already overdue
        auto added = m_actions.add(caseId, action);
        if (!added.ok())
            return added.error();
        const bool isFinished = !isOpen || (action.dueDate < m_today && m_dice.chance(0.5));
        if (isFinished) {
            const CaseAction::Status status = m_dice.chance(0.8)   ? CaseAction::Status::Done
                                              : m_dice.chance(0.5) ? CaseAction::Status::NotPossible
                                                                   : CaseAction::Status::NotDone;
            if (Status updated =
                    m_actions.update(added->id, status, QStringLiteral("Reported at the panel."));
                !updated.ok())
                return updated;
        }
    }
    // A measure recorded over time (MEAM's new-directions score) gets a short history.
    for (const FieldDefinition& field : panel.kind->fields) {
        if (!field.isTimeSeries || field.type != FieldDefinition::Type::Number)
            continue;
        const int low = int(field.minimum.value_or(0));
        const int high = std::max(low, int(field.maximum.value_or(10)));
        int value = m_dice.between((low + high) / 2, high);
        for (int weeksAgo = 12; weeksAgo >= 0; weeksAgo -= 6) {
            if (Status recorded =
                    m_cases.recordFieldValue(caseId, field.key, value, m_today.addDays(-7 * weeksAgo));
                !recorded.ok())
                return recorded;
            value = std::max(low, value - m_dice.between(0, std::max(1, (high - low) / 8)));
        }
    }
    return {};
}

Status DemoFiller::fill(DemoPartnership::Outcome& outcome)
{
    if (Status added = addAgencies(outcome); !added.ok())
        return added;
    if (Status added = addAccounts(outcome); !added.ok())
        return added;
    if (Status added = addPanels(outcome); !added.ok())
        return added;
    if (m_demoPanels.empty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("No panel kinds are installed, so there is nothing to demonstrate."));

    // First one case at every stage of every panel, so each stage shows; then the rest by weight.
    std::vector<std::pair<std::size_t, QString>> plan;
    for (std::size_t i = 0; i < m_demoPanels.size(); ++i) {
        for (const StageDefinition& stage : m_demoPanels[i].kind->stages) {
            if (m_demoPanels[i].paths.contains(stage.key))
                plan.emplace_back(i, stage.key);
        }
    }
    std::vector<int> weights;
    for (const DemoPanel& panel : m_demoPanels)
        weights.push_back(panel.seed ? panel.seed->weight : 10);
    std::discrete_distribution<std::size_t> whichPanel(weights.cbegin(), weights.cend());
    for (int made = 0; made < m_options.cases; ++made) {
        std::size_t index = 0;
        QString stage;
        if (std::size_t(made) < plan.size()) {
            index = plan[std::size_t(made)].first;
            stage = plan[std::size_t(made)].second;
        } else {
            // Most cases are open; the rest spread over the stages the kind has.
            index = whichPanel(m_dice.engine());
            const PanelKind& kind = *m_demoPanels[index].kind;
            const StageDefinition& chosen = m_dice.pick(kind.stages);
            stage = chosen.isClosed && m_dice.chance(0.6) ? kind.initialStage : chosen.key;
            if (!m_demoPanels[index].paths.contains(stage))
                stage = kind.initialStage;
        }
        if (Status added = addCase(m_demoPanels[index], stage); !added.ok())
            return added;
        ++outcome.cases;
    }
    return disableRecordsOnly();
}

Status markNewRowsAsDemo(Database& db, const QHash<QString, qint64>& lastIdBefore)
{
    // The services know nothing of demonstrations; everything this fill made is marked here, inside the
    // same transaction. Notes are marked as they are written (their table refuses every UPDATE).
    for (auto it = lastIdBefore.cbegin(); it != lastIdBefore.cend(); ++it) {
        auto mark = db.prepare(QStringLiteral("UPDATE %1 SET is_demo = 1 WHERE id > :last").arg(it.key()));
        if (!mark.ok())
            return mark.error();
        mark->bind(":last", it.value());
        if (Status run = mark->run(); !run.ok())
            return run;
    }
    return {};
}

} // namespace

Result<bool> DemoPartnership::holdsOnlyDemoData(Session& session)
{
    auto row =
        session.database().prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM cases WHERE is_demo = 0) "
                                                  "OR EXISTS (SELECT 1 FROM subjects WHERE is_demo = 0)"));
    if (!row.ok())
        return row.error();
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    return !(*hasRow && row->columnInt(0) != 0);
}

Result<DemoPartnership::Outcome> DemoPartnership::fill(Session& session, const PanelKindRegistry& kinds,
                                                       const Options& options)
{
    if (!session.isAdministrator())
        return makeError(ErrorCode::AccessDenied,
                         Tr::tr("Only an administrator can fill a store with demonstration data."));
    if (options.cases < 0 || options.cases > 1000000)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Give a number of demonstration cases from 0 to 1,000,000."));
    auto onlyDemo = holdsOnlyDemoData(session);
    if (!onlyDemo.ok())
        return onlyDemo.error();
    if (!*onlyDemo)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This store holds real case records, so Confer will not add demonstration "
                                "data to it. Use a new store for demonstrations."));

    if (!options.accountPassphrase.isEmpty()) {
        if (Status strong = PassphrasePolicy::check(options.accountPassphrase); !strong.ok())
            return strong.error();
    }

    Database& db = session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    // First, so that the store is a demonstration store for good once anything invented is in it.
    if (Status marked = DemonstrationStore::mark(session); !marked.ok())
        return marked.error();
    QHash<QString, qint64> lastIdBefore;
    for (const QString& table :
         {QStringLiteral("subjects"), QStringLiteral("cases"), QStringLiteral("actions")}) {
        auto last = db.prepare(QStringLiteral("SELECT ifnull(max(id), 0) FROM %1").arg(table));
        if (!last.ok())
            return last.error();
        auto hasRow = last->step();
        if (!hasRow.ok())
            return hasRow.error();
        lastIdBefore.insert(table, last->columnInt(0));
    }

    Outcome outcome;
    DemoFiller filler(session, kinds, options);
    Status filled = filler.fill(outcome);
    if (filled.ok())
        filled = markNewRowsAsDemo(db, lastIdBefore);
    if (filled.ok())
        filled = tx.commit();
    if (!filled.ok())
        return filled
            .error(); // the accounts' key slots go back with the transaction (Session::commitKeyChange)
    return outcome;
}

} // namespace confer
