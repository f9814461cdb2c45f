#include "demo/DemoPassphrase.h"

#include "accounts/PassphrasePolicy.h"
#include "crypto/Sodium.h"

#include <QCoreApplication>

#include <sodium.h>

namespace confer {

namespace {
// Lower-case letters without l (read as 1 or I): easy to say aloud and to type at a demonstration.
constexpr char Letters[] = "abcdefghijkmnopqrstuvwxyz";
constexpr std::uint32_t LetterCount = sizeof(Letters) - 1;
} // namespace

Result<QString> DemoPassphrase::generate()
{
    if (!ensureSodium())
        return makeError(
            ErrorCode::Crypto,
            QCoreApplication::translate("confer::DemoPassphrase", "The encryption library could not start."));
    for (;;) {
        QString passphrase;
        for (int group = 0; group < GroupCount; ++group) {
            if (group > 0)
                passphrase += QLatin1Char('-');
            for (int i = 0; i < GroupLength; ++i)
                passphrase += QLatin1Char(Letters[randombytes_uniform(LetterCount)]);
        }
        // Practically always on the first draw; checked so the rule lives in one place.
        if (PassphrasePolicy::check(passphrase).ok())
            return passphrase;
    }
}

} // namespace confer
