#include "caseload/CaseSearchText.h"

#include <QStringList>

namespace confer {

namespace {

// At most this many words of filter text reach the full-text index: each one is another doclist to
// merge, and nobody types more to find a case.
constexpr int MaxMatchTerms = 8;

} // namespace

// Words split where the store's tokenizer (FTS4 "simple") splits: at every ASCII character that is not
// a letter or digit, which removes all quotes and operator characters. ASCII letters are lowered as the
// tokenizer lowers them, so AND, OR, NOT and NEAR are only ever words; other characters stay inside
// words, as they were indexed.
QString caseSearchMatch(const QString& text)
{
    QStringList terms;
    QString word;
    auto endWord = [&] {
        if (!word.isEmpty() && terms.size() < MaxMatchTerms)
            terms << word + QLatin1Char('*');
        word.clear();
    };
    for (const QChar ch : text) {
        const char16_t unit = ch.unicode();
        if (unit >= 0x80)
            word += ch;
        else if ((unit >= u'a' && unit <= u'z') || (unit >= u'0' && unit <= u'9'))
            word += ch;
        else if (unit >= u'A' && unit <= u'Z')
            word += QChar(unit - u'A' + u'a');
        else
            endWord();
    }
    endWord();
    return terms.join(QLatin1Char(' '));
}

} // namespace confer
