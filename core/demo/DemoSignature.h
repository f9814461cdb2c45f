#pragma once

#include <QByteArray>
#include <QString>

namespace confer {

// A handwritten-looking signature for a demonstration attendee, as the signature pad would encode it: a
// capital and a run of cursive loops for each part of the name, leaning and pressing as one hand would, now
// and then underlined. Drawn from a DemoDice seeded by the name, so a person signs alike at every meeting,
// two people differ, and the demo's other draws are not moved. Always passes Signature::checkAcceptable().
class DemoSignature final {
public:
    static QByteArray of(const QString& name);
};

} // namespace confer
