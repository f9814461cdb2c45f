#include "casefile/CaseChoices.h"

#include "shell/IdData.h"

#include <QComboBox>

namespace confer {

void CaseChoices::addAgencies(QComboBox* box, const std::vector<Agency>& agencies, const QString& none)
{
    box->addItem(none, QVariant());
    for (const Agency& agency : agencies)
        box->addItem(agency.name, idData(agency.id));
}

std::optional<AgencyId> CaseChoices::chosenAgency(const QComboBox* box)
{
    return idFromData<AgencyId>(box->currentData());
}

void CaseChoices::addRisks(QComboBox* box)
{
    for (Risk risk : {Risk::Unassessed, Risk::Green, Risk::Amber, Risk::Red})
        box->addItem(riskDisplayName(risk), int(risk));
}

void CaseChoices::addMarkings(QComboBox* box)
{
    for (Marking marking : {Marking::OfficialSensitive, Marking::Official})
        box->addItem(markingDisplayName(marking), int(marking));
}

} // namespace confer
