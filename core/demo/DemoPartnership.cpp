#include "demo/DemoPartnership.h"

#include "accounts/PassphrasePolicy.h"
#include "common/Clock.h"
#include "demo/DemoCases.h"
#include "demo/DemoDice.h"
#include "demo/DemoMeetings.h"
#include "demo/DemoPartners.h"
#include "demo/DemoTables.h"
#include "demo/DemonstrationStore.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QHash>

#include <random>
#include <utility>
#include <vector>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::DemoPartnership)
};

// First one case at every stage of every panel, so each stage shows; then the rest by weight.
Status addCases(DemoCases& cases, const std::vector<DemoPanel>& panels, DemoDice& dice,
                const DemoPartnership::Options& options, DemoPartnership::Outcome& outcome)
{
    std::vector<std::pair<std::size_t, QString>> plan;
    for (std::size_t i = 0; i < panels.size(); ++i) {
        for (const StageDefinition& stage : panels[i].kind->stages) {
            if (panels[i].paths.contains(stage.key))
                plan.emplace_back(i, stage.key);
        }
    }
    std::vector<int> weights;
    for (const DemoPanel& panel : panels)
        weights.push_back(panel.seed ? panel.seed->weight : 10);
    std::discrete_distribution<std::size_t> whichPanel(weights.cbegin(), weights.cend());
    for (int made = 0; made < options.cases; ++made) {
        std::size_t index = 0;
        QString stage;
        if (std::size_t(made) < plan.size()) {
            index = plan[std::size_t(made)].first;
            stage = plan[std::size_t(made)].second;
        } else {
            // Most cases are open; the rest spread over the stages the kind has.
            index = whichPanel(dice.engine());
            const PanelKind& kind = *panels[index].kind;
            const StageDefinition& chosen = dice.pick(kind.stages);
            stage = chosen.isClosed && dice.chance(0.6) ? kind.initialStage : chosen.key;
            if (!panels[index].paths.contains(stage))
                stage = kind.initialStage;
        }
        if (Status added = cases.add(panels[index], stage); !added.ok())
            return added;
        ++outcome.cases;
        const int accountSteps = int(std::size(DemoTables::Accounts));
        if (Status reported = options.reportStep(accountSteps + made + 1); !reported.ok())
            return reported;
    }
    return {};
}

// The partnership first, then the cases on its panels, then the people nobody is to sign in as are
// disabled. One dice for all of it, so the same seed gives the same partnership.
Status fillStore(Session& session, const PanelKindRegistry& kinds, const DemoPartnership::Options& options,
                 DemoPartnership::Outcome& outcome)
{
    DemoDice dice(options.seed);
    const QDate today = session.clock().today();
    DemoPartners partners(session, kinds, options, dice, today);
    if (Status added = partners.add(outcome); !added.ok())
        return added;
    if (partners.panels().empty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("No panel kinds are installed, so there is nothing to demonstrate."));
    DemoCases cases(session, kinds, options, dice, today, partners.agencyIds());
    if (Status added = addCases(cases, partners.panels(), dice, options, outcome); !added.ok())
        return added;
    if (options.withDetails) {
        DemoMeetings meetings(session, kinds, dice, today);
        for (const DemoPanel& panel : partners.panels()) {
            if (Status added = meetings.add(panel, outcome); !added.ok())
                return added;
        }
    }
    return partners.disableRecordsOnly();
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

Status DemoPartnership::Options::reportStep(int done) const
{
    return progress ? progress(done, int(std::size(DemoTables::Accounts)) + cases) : Status{};
}

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
         {QStringLiteral("subjects"), QStringLiteral("cases"), QStringLiteral("actions"),
          QStringLiteral("meetings"), QStringLiteral("meeting_attendees")}) {
        auto last = db.prepare(QStringLiteral("SELECT ifnull(max(id), 0) FROM %1").arg(table));
        if (!last.ok())
            return last.error();
        auto hasRow = last->step();
        if (!hasRow.ok())
            return hasRow.error();
        lastIdBefore.insert(table, last->columnInt(0));
    }

    Outcome outcome;
    Status filled = fillStore(session, kinds, options, outcome);
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
