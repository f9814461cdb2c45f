#pragma once

#include "common/Result.h"

#include <QStringList>

#include <functional>

namespace confer {

class PanelKindRegistry;
class Session;

// Fills a store with a realistic, entirely synthetic partnership for demonstrations, screenshots and
// benchmarks: partner agencies, panels of every kind with chairs and members, subjects, cases at every
// stage with notes, actions, consent and reviews, and each panel's past and upcoming meetings. Everything
// goes through the ordinary services, in one transaction, and is marked as demo data; the store becomes a
// demonstration store for good (DemonstrationStore). Refuses a store that holds any non-demo case data.
class DemoPartnership final {
public:
    struct Options {
        int cases = 300;
        quint32 seed = 20260105;
        bool withDetails =
            true; // notes, actions, consent, reviews, meetings; off for the 100k-case benchmark
        // Empty: the demo people are disabled accounts with no key slot, records nobody can sign in as.
        // Given (it must pass PassphrasePolicy): every demo account signs in with it, the ones an earlier
        // run made included. `confer demo --with-demo-accounts` draws one per run (DemoPassphrase).
        QString accountPassphrase;
        // Told after each account and each case, on the filling thread: steps done, steps in all. An error
        // (a cancelled LongWork) stops the fill, which then rolls back whole.
        std::function<Status(int done, int total)> progress = {};
        // Tells progress (if any) that step `done` of the fill's accounts and cases is reached.
        Status reportStep(int done) const;
    };
    struct Outcome {
        int agencies = 0;
        int panels = 0;
        int users = 0; // demo accounts created by this fill, able to sign in or not
        int cases = 0;
        int meetings = 0;       // past (closed) and upcoming (planned), with details only
        QStringList userLogins; // the demo accounts that sign in with Options::accountPassphrase
    };

    static Result<Outcome> fill(Session& session, const PanelKindRegistry& kinds, const Options& options);
    static Result<bool> holdsOnlyDemoData(Session& session);
};

} // namespace confer
