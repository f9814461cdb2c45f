#pragma once

#include <QtGlobal>

#include <sodium.h>

#include <cstddef>

namespace confer {

// The fixed names and sizes of key-slot format 2 (docs/keyslot-format.md, sections 3 and 4), in one
// place for its JSON codec (KeySlotJson), its sealing (KeySlotCrypto) and its MAC (KeySlotFile).
// Changing any of them changes the format. Included only by core/keys sources.
struct KeySlotFormat final {
    static constexpr char FormatName[] = "confer-keyslots";
    static constexpr char SlotContext[] = "confer-slot-v2";
    static constexpr char RecoveryContext[] = "confer-recovery-v2";
    static constexpr char MacContext[] = "confer-keyslots-mac-v2";
    static constexpr char CommitContext[] = "confer-store-commit-v2";
    static constexpr char RecoveryCheckContext[] = "confer-recovery-check-v2";

    static constexpr qsizetype CommitmentSize = 32;
    static constexpr std::size_t IdBytes = 16;
    static constexpr std::size_t DeviceSecretSize = 32;
    static constexpr std::size_t KekSize = crypto_generichash_BYTES; // 32: BLAKE2b-256
    static constexpr std::size_t StoreKeySize = 32;
    static constexpr qsizetype HeadHashSize = 32;
    static constexpr qsizetype MacSize = crypto_auth_hmacsha256_BYTES;
    static constexpr qsizetype PublicKeySize = crypto_box_PUBLICKEYBYTES;
    // store id (16 bytes) ‖ store key (32 bytes), sealed to a public key.
    static constexpr qsizetype StoreKeyBoxSize =
        static_cast<qsizetype>(IdBytes + StoreKeySize + crypto_box_SEALBYTES);
};

} // namespace confer
