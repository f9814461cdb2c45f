#pragma once

#include "caseload/CaseloadTypes.h"

#include <QLabel>

namespace confer {

// A small coloured label for a state a reader scans for: stage, risk (RAG), marking, overdue, fact or
// opinion. The colour is never the only signal: the text always says it too.
class CaseBadge final : public QLabel {
    Q_OBJECT
public:
    enum class Look { Neutral, Stage, Good, Warning, Bad, Marking, Opinion, Fact };

    CaseBadge(const QString& text, Look look, QWidget* parent = nullptr);
    void setLook(Look look);
    Look look() const { return m_look; }

    static Look riskLook(Risk risk);
    // "Risk: Amber", spoken and shown the same way.
    void showRisk(Risk risk);

private:
    Look m_look = Look::Neutral;
};

} // namespace confer
