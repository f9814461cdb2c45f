#pragma once

#include "caseload/CaseloadTypes.h"

#include <optional>
#include <vector>

class QComboBox;

namespace confer {

// The lists a case's forms choose from, filled alike everywhere.
class CaseChoices final {
public:
    // The agencies after a first item for none (`none` says what none means; its data is invalid).
    static void addAgencies(QComboBox* box, const std::vector<Agency>& agencies, const QString& none);
    static std::optional<AgencyId> chosenAgency(const QComboBox* box);
    static void addRisks(QComboBox* box);
    static void addMarkings(QComboBox* box);
};

} // namespace confer
