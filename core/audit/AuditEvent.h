#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace confer {

// What is audited. The detail is short and never personal ("role=chair", "attempt 3").
struct AuditEvent {
    qint64 sequence = 0; // 1, 2, 3... assigned by AuditLog
    QDateTime atUtc;
    QString actor;     // login of the user who acted; for a failed sign-in, the login as typed
    QString action;    // "signin.success", "account.create", "case.view", ...
    QString record;    // which record: "user:7", "case:MAPS-2026-0042", or ""
    QString detail;    // short, non-personal
    qint64 commit = 0; // the store commit that wrote it: 1, 2, 3... (several events may share one)
    QByteArray previousHash;
    QByteArray hash; // HMAC-SHA256(audit key, canonical(event) including previousHash)
};

} // namespace confer
