#include "casefile/CaseChoices.h"

#include <QComboBox>

namespace confer {

void CaseChoices::addAgencies(QComboBox* box, const std::vector<Agency>& agencies, const QString& none)
{
    box->addItem(none, qint64(0));
    for (const Agency& agency : agencies)
        box->addItem(agency.name, agency.id);
}

std::optional<qint64> CaseChoices::chosenAgency(const QComboBox* box)
{
    const qint64 id = box->currentData().toLongLong();
    return id ? std::optional<qint64>(id) : std::nullopt;
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
