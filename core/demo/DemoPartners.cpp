#include "demo/DemoPartners.h"

#include "accounts/AccountService.h"
#include "caseload/ConsentGate.h"
#include "demo/DemoDice.h"
#include "demo/DemoPassphrase.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelRoles.h"
#include "session/Session.h"

#include <algorithm>

namespace confer {

namespace {

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
                            [](const QString& gate) { return gate == ConsentGate::gateKey(); });
            if (!canMeet)
                continue;
            paths.insert(transition.to, paths.value(from) + QStringList{transition.to});
            queue << transition.to;
        }
    }
    return paths;
}

} // namespace

DemoPartners::DemoPartners(Session& session, const PanelKindRegistry& kinds,
                           const DemoPartnership::Options& options, DemoDice& dice, QDate today)
    : m_session(session)
    , m_kinds(kinds)
    , m_options(options)
    , m_dice(dice)
    , m_today(today)
    , m_agencies(session)
    , m_panels(session, kinds)
{}

Status DemoPartners::add(DemoPartnership::Outcome& outcome)
{
    if (Status added = addAgencies(outcome); !added.ok())
        return added;
    if (Status added = addAccounts(outcome); !added.ok())
        return added;
    return addPanels(outcome);
}

Status DemoPartners::addAgencies(DemoPartnership::Outcome& outcome)
{
    auto existing = m_agencies.agencies();
    if (!existing.ok())
        return existing.error();
    for (const DemoTables::AgencySeed& seed : DemoTables::Agencies) {
        const QString name = DemoTables::word(seed.name);
        const auto found = std::find_if(existing->cbegin(), existing->cend(),
                                        [&](const Agency& agency) { return agency.name == name; });
        if (found != existing->cend()) {
            m_agencyIds.push_back(found->id);
            continue;
        }
        Agency agency;
        agency.name = name;
        agency.kind = seed.kind;
        agency.sector = seed.sector;
        agency.ispSignatory = DemoTables::word(seed.contactName);
        agency.ispSignedOn = m_today.addDays(-m_dice.between(60, 900));
        // Not a real ICO registration number, and plainly so.
        agency.dataProtectionRegistration = QStringLiteral("DEMO-%1").arg(m_dice.between(100000, 999999));
        agency.contactName = DemoTables::word(seed.contactName);
        agency.contactEmail = DemoTables::word(seed.email) + QStringLiteral("@example.org");
        agency.contactPhone = QStringLiteral("0191 498 0%1").arg(m_dice.between(100, 999));
        auto added = m_agencies.add(agency);
        if (!added.ok())
            return added.error();
        m_agencyIds.push_back(added->id);
        ++outcome.agencies;
    }
    return {};
}

Status DemoPartners::addAccounts(DemoPartnership::Outcome& outcome)
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
    int step = 0;
    for (const DemoTables::AccountSeed& seed : DemoTables::Accounts) {
        // Reported as each begins: sealing a slot is the slow part (Argon2id).
        if (Status reported = m_options.reportStep(++step); !reported.ok())
            return reported;
        const QString login = DemoTables::word(seed.login);
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
        auto added = accounts.addUser(
            {login, DemoTables::word(seed.displayName), seed.role, canSignIn ? passphrase : unknowable});
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

Status DemoPartners::disableRecordsOnly()
{
    for (UserId id : m_recordsOnly) {
        // Nobody was ever told these passphrases, so no store key needs changing.
        if (Status disabled =
                m_session.accounts().setDisabled(id, true, {}, AccountService::KeyRotation::NotNeeded);
            !disabled.ok())
            return disabled;
    }
    return {};
}

// Finds the panel an earlier run made, or creates it with its chair and members; either way the person
// running the demonstration becomes a member, so they see every demo panel's cases.
Status DemoPartners::addPanel(const QString& name, const PanelKind& kind, const DemoTables::PanelSeed* seed,
                              const std::vector<Panel>& existing, DemoPartnership::Outcome& outcome)
{
    DemoPanel demo;
    demo.kind = &kind;
    demo.seed = seed;
    demo.paths = pathsToStages(kind);
    const auto found = std::find_if(existing.cbegin(), existing.cend(),
                                    [&](const Panel& panel) { return panel.name == name; });
    if (found != existing.cend()) {
        demo.panel = *found;
    } else {
        std::optional<UserId> chair;
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
    auto members = m_panels.memberIds(demo.panel.id);
    if (!members.ok())
        return members.error();
    const UserId me = m_session.currentUser().id;
    if (std::find(members->cbegin(), members->cend(), me) == members->cend()) {
        if (Status added = m_panels.addMember(demo.panel.id, me); !added.ok())
            return added;
    }
    // And a coordinator of it: the demo's panel decisions and meetings go through the same rules as anyone's
    // (only a panel's chair or a coordinator makes them), made on behalf of each panel's chair.
    if (Status named = PanelRoles(m_session).addCoordinator(demo.panel.id, me); !named.ok())
        return named;
    m_demoPanels.push_back(demo);
    return {};
}

Status DemoPartners::addPanels(DemoPartnership::Outcome& outcome)
{
    auto existing = m_panels.panels();
    if (!existing.ok())
        return existing.error();
    for (const DemoTables::PanelSeed& seed : DemoTables::Panels) {
        if (const PanelKind* kind = m_kinds.kind(DemoTables::word(seed.kind))) {
            if (Status added = addPanel(DemoTables::word(seed.name), *kind, &seed, *existing, outcome);
                !added.ok())
                return added;
        }
    }
    // Any further kind this copy knows (a locally added definition) gets a panel too.
    for (const PanelKind& kind : m_kinds.kinds()) {
        const bool isCovered = std::any_of(
            std::begin(DemoTables::Panels), std::end(DemoTables::Panels),
            [&](const DemoTables::PanelSeed& seed) { return kind.key == DemoTables::word(seed.kind); });
        if (!isCovered) {
            if (Status added = addPanel(QStringLiteral("County Durham %1").arg(kind.name), kind, nullptr,
                                        *existing, outcome);
                !added.ok())
                return added;
        }
    }
    return {};
}

} // namespace confer
