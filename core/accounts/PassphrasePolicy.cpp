#include "accounts/PassphrasePolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PassphrasePolicy)
};

const QSet<QString>& commonPasswords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        QFile file(QStringLiteral(":/passwords/common.txt"));
        if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine()).trimmed();
                if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                    set.insert(line);
            }
        }
        return set;
    }();
    return words;
}

// "Password123!", "monkeymonkey1", "qwerty 2024": a common word dressed up is still a common word.
bool isCommonWithDecoration(const QString& lowered)
{
    const QSet<QString>& words = commonPasswords();
    if (words.contains(lowered))
        return true;
    QString core = lowered;
    while (!core.isEmpty() && !core.back().isLetter())
        core.chop(1);
    while (!core.isEmpty() && !core.front().isLetter())
        core.remove(0, 1);
    if (core.isEmpty())
        core = lowered; // digits and symbols only: judged as they are, not refused for lacking letters
    if (words.contains(core))
        return true;
    for (int unit = 1; unit <= core.size() / 2; ++unit) {
        if (core.size() % unit != 0)
            continue;
        const QString piece = core.left(unit);
        if (piece.repeated(core.size() / unit) == core)
            return unit < 4 || words.contains(piece) || unit * 2 == core.size();
    }
    return false;
}

} // namespace

Status PassphrasePolicy::check(const QString& passphrase, const QString& login)
{
    const qsizetype length = passphrase.toUcs4().size();
    if (length < MinimumLength) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Use at least %1 characters. A few unrelated words make a good passphrase.")
                             .arg(MinimumLength));
    }
    if (length > MaximumLength)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Use at most %1 characters.").arg(MaximumLength));

    QString lowered = passphrase.toLower();
    lowered.remove(QLatin1Char(' '));
    QString withoutLogin = lowered;
    withoutLogin.remove(login.toLower());
    if (!login.isEmpty() && withoutLogin.size() < 8) {
        return makeError(ErrorCode::InvalidInput, Tr::tr("The passphrase must not contain the user name."));
    }
    if (isCommonWithDecoration(passphrase.toLower()) || isCommonWithDecoration(lowered)) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This passphrase is among the most commonly used and would be guessed "
                                "quickly. Choose something less predictable."));
    }
    return {};
}

} // namespace confer
