#include "crypto/RecoveryKey.h"

#include "crypto/Sodium.h"

#include <QCoreApplication>

#include <sodium.h>

#include <cstring>

namespace confer {

namespace {
constexpr std::size_t KeySize = 32;
constexpr std::size_t ChecksumSize = 3;                    // 24 bits
constexpr std::size_t PackedSize = KeySize + ChecksumSize; // 35 bytes = 280 bits = 56 characters
constexpr int CharacterCount = RecoveryKey::GroupCount * RecoveryKey::GroupLength;
static_assert(PackedSize * 8 == CharacterCount * 5, "the groups must hold exactly the key and its checksum");

// Crockford's base32: no I, L, O or U, so nothing reads as something else.
constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr char ChecksumContext[] = "confer-recovery-check-v1";

// The first 24 bits of BLAKE2b over a fixed context and the key: any change to the key changes
// them with odds of 1 in 16.7 million of a collision, and a typo in the checksum itself shows directly.
void computeChecksum(const unsigned char* key, unsigned char* checksum)
{
    const std::size_t contextSize = sizeof(ChecksumContext) - 1;
    SecureBytes message(contextSize + KeySize);
    std::memcpy(message.data(), ChecksumContext, contextSize);
    std::memcpy(message.data() + contextSize, key, KeySize);
    unsigned char digest[crypto_generichash_BYTES_MIN];
    crypto_generichash(digest, sizeof digest, message.data(), message.size(), nullptr, 0);
    std::memcpy(checksum, digest, ChecksumSize);
    sodium_memzero(digest, sizeof digest);
}

int symbolValue(QChar c)
{
    switch (c.toUpper().unicode()) {
    case 'O':
        return 0;
    case 'I':
    case 'L':
        return 1;
    default:
        break;
    }
    const char upper = c.toUpper().toLatin1();
    for (int i = 0; i < 32; ++i) {
        if (upper != 0 && Alphabet[i] == upper)
            return i;
    }
    return -1;
}

Error notAKey(const QString& detail)
{
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate("confer::RecoveryKey",
                                                 "This is not a valid recovery key; check each group."),
                     detail);
}
} // namespace

RecoveryKey::RecoveryKey(SecureBytes bytes)
    : m_bytes(std::move(bytes))
{}

RecoveryKey RecoveryKey::generate()
{
    return RecoveryKey(SecureBytes::random(KeySize));
}

Result<RecoveryKey> RecoveryKey::parse(const QString& text)
{
    if (!ensureSodium())
        return makeError(
            ErrorCode::Crypto,
            QCoreApplication::translate("confer::RecoveryKey", "The encryption library could not start."));
    // The packed bits are key material, so they go straight into guarded memory.
    SecureBytes packed(PackedSize);
    int symbolCount = 0;
    unsigned bitBuffer = 0;
    int bitsInBuffer = 0;
    std::size_t byteIndex = 0;
    for (const QChar c : text) {
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        const int value = symbolValue(c);
        if (value < 0)
            return notAKey(QStringLiteral("character outside Crockford base32"));
        if (++symbolCount > CharacterCount)
            return notAKey(QStringLiteral("too many characters"));
        bitBuffer = (bitBuffer << 5) | static_cast<unsigned>(value);
        bitsInBuffer += 5;
        if (bitsInBuffer >= 8) {
            bitsInBuffer -= 8;
            packed.data()[byteIndex++] = static_cast<unsigned char>(bitBuffer >> bitsInBuffer);
            bitBuffer &= (1u << bitsInBuffer) - 1;
        }
    }
    if (symbolCount != CharacterCount)
        return notAKey(QStringLiteral("%1 characters, %2 expected").arg(symbolCount).arg(CharacterCount));

    unsigned char expected[ChecksumSize];
    computeChecksum(packed.data(), expected);
    const bool isIntact = sodium_memcmp(expected, packed.data() + KeySize, ChecksumSize) == 0;
    sodium_memzero(expected, sizeof expected);
    if (!isIntact)
        return notAKey(QStringLiteral("checksum mismatch"));
    return RecoveryKey(SecureBytes(packed.data(), KeySize));
}

QString RecoveryKey::displayText() const
{
    SecureBytes packed(PackedSize);
    if (m_bytes.size() != KeySize)
        return {};
    std::memcpy(packed.data(), m_bytes.data(), KeySize);
    computeChecksum(m_bytes.data(), packed.data() + KeySize);

    QString text;
    text.reserve(CharacterCount + GroupCount - 1);
    unsigned bitBuffer = 0;
    int bitsInBuffer = 0;
    int symbolCount = 0;
    for (std::size_t i = 0; i < PackedSize; ++i) {
        bitBuffer = (bitBuffer << 8) | packed.data()[i];
        bitsInBuffer += 8;
        while (bitsInBuffer >= 5) {
            bitsInBuffer -= 5;
            if (symbolCount > 0 && symbolCount % GroupLength == 0)
                text += QLatin1Char('-');
            text += QLatin1Char(Alphabet[(bitBuffer >> bitsInBuffer) & 0x1f]);
            ++symbolCount;
        }
        bitBuffer &= (1u << bitsInBuffer) - 1;
    }
    return text;
}

QString RecoveryKey::group(int oneBasedIndex) const
{
    if (oneBasedIndex < 1 || oneBasedIndex > GroupCount)
        return {};
    return displayText().mid((oneBasedIndex - 1) * (GroupLength + 1), GroupLength);
}

} // namespace confer
