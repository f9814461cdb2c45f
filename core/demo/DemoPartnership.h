#pragma once

#include "common/Result.h"

#include <QStringList>

namespace confer {

class PanelKindRegistry;
class Session;

// Fills a store with a realistic, entirely synthetic partnership for demonstrations, screenshots and
// benchmarks: partner agencies, panels of every kind with chairs and members, subjects, cases at every
// stage with notes, actions, consent and reviews. Everything goes through the ordinary services, in
// one transaction, and is marked as demo data. Refuses a store that holds any non-demo case data.
class DemoPartnership final {
public:
    struct Options {
        int cases = 300;
        quint32 seed = 20260105;
        bool withDetails = true; // notes, actions, consent, reviews; off for the 100k-case benchmark
    };
    struct Outcome {
        int agencies = 0;
        int panels = 0;
        int users = 0;
        int cases = 0;
        QStringList userLogins; // demo accounts created, all with demoPassphrase()
    };
    static QString demoPassphrase(); // printed by `confer demo`; demo accounts only

    static Result<Outcome> fill(Session& session, const PanelKindRegistry& kinds, const Options& options);
    static Result<bool> holdsOnlyDemoData(Session& session);
};

} // namespace confer
