#pragma once

#include "partnership/StageGate.h"

namespace confer {

// "consent": the case's consent decision in force is *given* (Durham 5.10: consent is required from the
// individual and/or parent to receive a support package). Only kinds that show the consent record may
// use it, or the step could never be taken.
class ConsentGate final : public StageGate {
public:
    static QString gateKey() { return QStringLiteral("consent"); }

    QString key() const override { return gateKey(); }
    QString unusableBy(const PanelKind& kind, const QString& where) const override;
    Status check(const GateContext& context) const override;
};

} // namespace confer
