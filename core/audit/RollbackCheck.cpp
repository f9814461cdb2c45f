#include "audit/RollbackCheck.h"

#include "audit/AuditAnchorFile.h"
#include "audit/AuditLog.h"
#include "keys/DeviceSecretStore.h"

#include <QCoreApplication>

namespace confer {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::RollbackCheck)
};

Error olderThan(RollbackCheck::Witness witness, const QString& detail)
{
    QString message;
    switch (witness) {
    case RollbackCheck::Witness::AnchorFile:
        message = Tr::tr("This store is older than its audit record: events were removed from its end, or an "
                         "older copy of the store was put back. If you restored a backup on purpose, an "
                         "administrator can accept it with the recovery key.");
        break;
    case RollbackCheck::Witness::KeySlotFile:
        message = Tr::tr("This store is older than its key file: an older copy of the store was put back. If "
                         "you restored a backup on purpose, an administrator can accept it with the recovery "
                         "key.");
        break;
    case RollbackCheck::Witness::Keychain:
        message =
            Tr::tr("The store's files are older than the record this computer's keychain holds: the "
                   "store folder was replaced by an older copy. If you restored a backup on purpose, an "
                   "administrator can accept it with the recovery key.");
        break;
    }
    return makeError(ErrorCode::AuditChainBroken, message, detail);
}

} // namespace

Result<RollbackCheck::Records> RollbackCheck::gather(const QString& anchorPath, const QString& storeId,
                                                     const SecureBytes& auditKey,
                                                     const AuditHead& keySlotFileHead,
                                                     DeviceSecretStore* keychain,
                                                     qint64 keySlotFileGeneration)
{
    Records records;
    records.keySlotFile = keySlotFileHead;
    records.keySlotFileGeneration = keySlotFileGeneration;
    auto anchor = AuditAnchorFile::load(anchorPath, storeId, auditKey, &records.anchorGeneration);
    if (!anchor.ok()) {
        // A missing anchor is what deleting it to hide a cut tail looks like: a broken trail, not "no file".
        if (anchor.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::AuditChainBroken, anchor.error().message, anchor.error().detail);
        return anchor.error();
    }
    records.anchor = *anchor;
    if (keychain) {
        // A keychain that holds no copy yet (a new computer, a reset keychain) only weakens the check.
        auto witness = keychain->readWitness(storeId);
        // A keychain that does not answer must not quietly switch the check off: as for the device
        // secret, fail closed. Only "no copy here" passes.
        if (!witness.ok() && witness.error().code != ErrorCode::NotFound)
            return witness.error();
        if (witness.ok()) {
            qint64 generation = 0;
            auto head = AuditAnchorFile::decode(*witness, storeId, auditKey, &generation);
            if (!head.ok())
                return head.error();
            records.keychain = *head;
            records.keychainGeneration = generation;
        }
    }
    return records;
}

Status RollbackCheck::check(Database& db, const Records& records)
{
    auto storeHead = AuditLog::readHead(db);
    if (!storeHead.ok())
        return storeHead.error();
    if (Status reached = storeReaches(db, *storeHead, records.anchor, Witness::AnchorFile); !reached.ok())
        return reached;
    if (Status kept = anchorKeepsUp(*storeHead, records.anchor); !kept.ok())
        return kept;
    if (Status reached = storeReaches(db, *storeHead, records.keySlotFile, Witness::KeySlotFile);
        !reached.ok())
        return reached;
    if (Status kept = anchorKeepsUp(records.keySlotFile, records.anchor); !kept.ok())
        return kept;
    if (records.keychain) {
        if (Status reached = storeReaches(db, *storeHead, *records.keychain, Witness::Keychain);
            !reached.ok())
            return reached;
    }
    if (records.keySlotFileGeneration > 0) {
        // The key file is never older than what the anchor or the keychain saw, and while the store is
        // not ahead of its anchor it is exactly the anchor's generation.
        const bool isBehind =
            records.keySlotFileGeneration < records.anchorGeneration ||
            (records.keychainGeneration && records.keySlotFileGeneration < *records.keychainGeneration);
        const bool isAheadUnsaved = storeHead->commit == records.anchor.commit &&
                                    records.keySlotFileGeneration != records.anchorGeneration;
        if (isBehind || isAheadUnsaved)
            return makeError(
                ErrorCode::AuditChainBroken,
                Tr::tr("The key file does not match the audit record kept beside the store: an older "
                       "copy of the key file, or of part of the store, was put back. It could bring "
                       "back passphrases that were changed, so Confer will not use it."),
                QStringLiteral("key-slot generation %1, anchor %2")
                    .arg(records.keySlotFileGeneration)
                    .arg(records.anchorGeneration));
    }
    return {};
}

Status RollbackCheck::storeReaches(Database& db, const AuditHead& storeHead, const AuditHead& recorded,
                                   Witness witness)
{
    if (recorded.sequence > storeHead.sequence)
        return olderThan(witness, QStringLiteral("store ends at event %1, record names event %2")
                                      .arg(storeHead.sequence)
                                      .arg(recorded.sequence));
    auto event = AuditLog::headAt(db, recorded.sequence);
    if (!event.ok())
        return event.error();
    if (!*event || (*event)->hash != recorded.hash || (*event)->commit != recorded.commit)
        return olderThan(witness, QStringLiteral("event %1 differs from the record").arg(recorded.sequence));
    return {};
}

Status RollbackCheck::anchorKeepsUp(const AuditHead& newer, const AuditHead& anchor)
{
    if (newer.commit <= anchor.commit + 1)
        return {};
    return makeError(
        ErrorCode::AuditChainBroken,
        Tr::tr("The audit record beside the store is older than the store by more than one "
               "change: an older copy of it was put back, so Confer cannot tell whether events "
               "were removed."),
        QStringLiteral("commit %1 recorded, anchor at commit %2").arg(newer.commit).arg(anchor.commit));
}

} // namespace confer
