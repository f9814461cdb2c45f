#pragma once

#include <QString>

namespace confer {

// The audit trail stores stable action codes ("account.create"); people read them as sentences.
// Unknown codes (from a newer Confer) are shown as they are.
QString auditActionDisplayName(const QString& action);

} // namespace confer
