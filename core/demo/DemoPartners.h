#pragma once

#include "common/Result.h"
#include "demo/DemoPartnership.h"
#include "demo/DemoTables.h"
#include "partnership/AgencyService.h"
#include "partnership/PanelService.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace confer {

class DemoDice;
class PanelKindRegistry;
class Session;
struct PanelKind;

// A panel of the demonstration and the stages its cases can be moved to.
struct DemoPanel {
    Panel panel;
    const PanelKind* kind = nullptr;
    const DemoTables::PanelSeed* seed = nullptr; // none for a kind the tables do not name
    QHash<QString, QStringList> paths;           // stage key -> the moves from the initial stage to it
};

// Adds the partnership a demonstration needs, its agencies, people and panels, reusing whatever an earlier
// run made, and afterwards disables the people nobody is to sign in as.
class DemoPartners final {
public:
    DemoPartners(Session& session, const PanelKindRegistry& kinds, const DemoPartnership::Options& options,
                 DemoDice& dice, QDate today);

    // Agencies, then people, then panels (a panel needs its chair and members).
    Status add(DemoPartnership::Outcome& outcome);
    // Last, because a panel takes only enabled accounts as chair or member.
    Status disableRecordsOnly();

    const std::vector<AgencyId>& agencyIds() const { return m_agencyIds; }
    const std::vector<DemoPanel>& panels() const { return m_demoPanels; }

private:
    Status addAgencies(DemoPartnership::Outcome& outcome);
    Status addAccounts(DemoPartnership::Outcome& outcome);
    Status addPanels(DemoPartnership::Outcome& outcome);
    Status addPanel(const QString& name, const PanelKind& kind, const DemoTables::PanelSeed* seed,
                    const std::vector<Panel>& existing, DemoPartnership::Outcome& outcome);
    std::optional<AgencyId> agencyId(int index) const
    {
        return index >= 0 && index < int(m_agencyIds.size())
                   ? std::optional<AgencyId>(m_agencyIds[std::size_t(index)])
                   : std::nullopt;
    }

    Session& m_session;
    const PanelKindRegistry& m_kinds;
    const DemoPartnership::Options& m_options;
    DemoDice& m_dice;
    const QDate m_today;
    AgencyService m_agencies;
    PanelService m_panels;
    std::vector<AgencyId> m_agencyIds; // in the order of DemoTables::Agencies
    std::vector<UserId> m_accountIds;  // in the order of DemoTables::Accounts
    std::vector<DemoPanel> m_demoPanels;
    std::vector<UserId> m_recordsOnly; // demo accounts made here that nobody is to sign in as
};

} // namespace confer
