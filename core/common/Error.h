#pragma once

#include <QString>

namespace confer {

// Machine-readable reason for a failure. Logs get the code; the UI gets the message.
enum class ErrorCode {
    InvalidInput,        // the caller gave something we refuse; nothing changed
    NotFound,            // the thing asked for does not exist
    AccessDenied,        // the user may not do this (need-to-know, role)
    WrongCredentials,    // wrong passphrase, wrong recovery key, garbage store: deliberately one code
    DeviceSecretMissing, // the store is bound to a device secret this machine does not have
    KeychainUnavailable, // the OS keychain did not answer or refused
    StoreMisconfigured,  // a security setting did not take; we fail closed
    StoreCorrupt,        // integrity check or page authentication failed
    AuditChainBroken,    // the audit trail does not verify
    Io,                  // a file could not be read or written
    DiskFull,            // the disk (or quota) is full: nothing was changed, free space and retry
    Database,            // SQLite reported an error
    Crypto,              // libsodium reported an error (out of memory for Argon2id, ...)
    Conflict,            // the change clashes with existing data (duplicate name, ...)
    Cancelled,           // the person stopped a long operation; it was rolled back, nothing changed
};

struct Error {
    ErrorCode code;
    QString message; // one sentence a chair can read; never contains case data
    QString detail;  // technical context for developers (SQLite message, ...); never personal data
};

} // namespace confer
