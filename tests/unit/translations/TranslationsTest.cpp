// Every sentence a person can read is in the translation files: lupdate is run over the sources as they
// are now (the same files and include paths the build's update_translations target uses), into a fresh
// .ts in a temporary folder, and its messages are compared with the committed files. A sentence added
// without running update_translations, or one lupdate cannot see (a private tr wrapper), fails here.
#include "StrayFileCheck.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

const QString SourceDir = QStringLiteral(CONFER_SOURCE_DIR);

// Scratch folders where the tests' stray-file check expects test files (lupdate's input list and output).
QString scratchTemplate()
{
    const QString root = confer::test::StrayFileCheck::allowedStoreRoot();
    QDir().mkpath(root);
    return root + QStringLiteral("/translations-XXXXXX");
}

// One translatable message: its context and source text, and its disambiguation comment.
struct Message {
    QString context;
    QString source;
    QString comment;
    bool isPlural = false;
    friend bool operator==(const Message&, const Message&) = default;
};
size_t qHash(const Message& m, size_t seed = 0)
{
    return qHashMulti(seed, m.context, m.source, m.comment);
}
std::string describe(const Message& m)
{
    return QString(m.context + QStringLiteral(": \"") + m.source + QStringLiteral("\"")).toStdString();
}

// The messages of a .ts file that are still in use (lupdate keeps vanished ones, marked as such).
QSet<Message> readTs(const QString& path)
{
    QSet<Message> messages;
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool isInUse = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("context"))
                context.clear();
            else if (xml.name() == QLatin1String("name") && context.isEmpty())
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) {
                message = Message{context,
                                  {},
                                  {},
                                  xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
                isInUse = true;
            } else if (xml.name() == QLatin1String("source"))
                message.source = xml.readElementText();
            else if (xml.name() == QLatin1String("comment"))
                message.comment = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                isInUse = type != QLatin1String("vanished") && type != QLatin1String("obsolete");
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && isInUse) {
            messages.insert(message);
        }
    }
    EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
    return messages;
}

// Runs lupdate over every .cpp/.h/.ui below the given folders of root, as the build does.
QSet<Message> messagesInSources(const QString& root, const QStringList& folders, const QTemporaryDir& scratch)
{
    QStringList sources;
    for (const QString& folder : folders) {
        QDirIterator it(root + QLatin1Char('/') + folder,
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.ui")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    EXPECT_FALSE(sources.isEmpty());
    const QString list = scratch.filePath(QStringLiteral("sources.lst"));
    QFile listFile(list);
    EXPECT_TRUE(listFile.open(QIODevice::WriteOnly));
    listFile.write(sources.join(QLatin1Char('\n')).toUtf8());
    listFile.close();
    const QString fresh = scratch.filePath(QStringLiteral("fresh.ts"));
    QStringList arguments{QStringLiteral("@") + list, QStringLiteral("-locations"), QStringLiteral("none"),
                          QStringLiteral("-silent")};
    for (const QString& folder : folders)
        arguments << QStringLiteral("-I") << root + QLatin1Char('/') + folder;
    arguments << QStringLiteral("-ts") << fresh;
    QProcess lupdate;
    lupdate.start(QStringLiteral(CONFER_LUPDATE), arguments);
    EXPECT_TRUE(lupdate.waitForFinished(120000));
    EXPECT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    return readTs(fresh);
}

QStringList missing(const QSet<Message>& wanted, const QSet<Message>& present)
{
    QStringList lines;
    for (const Message& m : wanted) {
        if (!present.contains(m))
            lines << QString::fromStdString(describe(m));
    }
    lines.sort();
    return lines;
}

const QStringList ProductFolders{QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")};
const QString Refresh =
    QStringLiteral("run `cmake --build build/release --target update_translations` and commit "
                   "translations/*.ts");

} // namespace

TEST(TranslationsTest, EverySentenceInTheSourcesIsInTheWelshTranslationFile)
{
    QTemporaryDir scratch(scratchTemplate());
    ASSERT_TRUE(scratch.isValid());
    const QSet<Message> inSources = messagesInSources(SourceDir, ProductFolders, scratch);
    ASSERT_GT(inSources.size(), 500);
    const QStringList absent =
        missing(inSources, readTs(SourceDir + QStringLiteral("/translations/confer_cy.ts")));
    EXPECT_TRUE(absent.isEmpty()) << absent.size() << " sentence(s) missing from confer_cy.ts; "
                                  << Refresh.toStdString() << ":\n  "
                                  << absent.mid(0, 20).join(QStringLiteral("\n  ")).toStdString();
}

TEST(TranslationsTest, TheWelshTranslationFileHoldsNoSentenceTheSourcesNoLongerHave)
{
    QTemporaryDir scratch(scratchTemplate());
    ASSERT_TRUE(scratch.isValid());
    const QSet<Message> inSources = messagesInSources(SourceDir, ProductFolders, scratch);
    const QStringList stale =
        missing(readTs(SourceDir + QStringLiteral("/translations/confer_cy.ts")), inSources);
    EXPECT_TRUE(stale.isEmpty()) << stale.size() << " sentence(s) in confer_cy.ts no longer in the sources; "
                                 << Refresh.toStdString() << ":\n  "
                                 << stale.mid(0, 20).join(QStringLiteral("\n  ")).toStdString();
}

TEST(TranslationsTest, EveryPluralSentenceIsInTheSourceLanguageFile)
{
    // en_GB holds only plural forms: without them "%n case(s)" would show as written.
    QTemporaryDir scratch(scratchTemplate());
    ASSERT_TRUE(scratch.isValid());
    QSet<Message> plurals;
    for (const Message& m : messagesInSources(SourceDir, ProductFolders, scratch)) {
        if (m.isPlural)
            plurals.insert(m);
    }
    ASSERT_FALSE(plurals.isEmpty());
    const QStringList absent =
        missing(plurals, readTs(SourceDir + QStringLiteral("/translations/confer_en_GB.ts")));
    EXPECT_TRUE(absent.isEmpty()) << Refresh.toStdString() << ":\n  "
                                  << absent.join(QStringLiteral("\n  ")).toStdString();
}

TEST(TranslationsTest, ASentenceBehindAWrapperLupdateCannotSeeWouldBeCaught)
{
    // The check itself: lupdate finds a sentence in a Tr context and misses one behind a private wrapper
    // (why such wrappers are banned), and a sentence that is not in confer_cy.ts is reported missing.
    QTemporaryDir tree(scratchTemplate());
    ASSERT_TRUE(tree.isValid());
    ASSERT_TRUE(QDir(tree.path()).mkpath(QStringLiteral("core/example")));
    QFile source(tree.filePath(QStringLiteral("core/example/Example.cpp")));
    ASSERT_TRUE(source.open(QIODevice::WriteOnly));
    source.write(
        "#include <QCoreApplication>\n"
        "namespace confer { namespace { struct Tr { Q_DECLARE_TR_FUNCTIONS(confer::Example) }; }\n"
        "QString seen() { return Tr::tr(\"A sentence lupdate sees.\"); }\n"
        "QString trX(const char* s) { return QCoreApplication::translate(\"confer::Example\", s); }\n"
        "QString unseen() { return trX(\"A sentence behind a wrapper.\"); }\n"
        "}\n");
    source.close();
    QTemporaryDir scratch(scratchTemplate());
    const QSet<Message> found = messagesInSources(tree.path(), {QStringLiteral("core")}, scratch);
    EXPECT_TRUE(found.contains(
        Message{QStringLiteral("confer::Example"), QStringLiteral("A sentence lupdate sees.")}));
    EXPECT_FALSE(found.contains(
        Message{QStringLiteral("confer::Example"), QStringLiteral("A sentence behind a wrapper.")}));
    const QStringList absent =
        missing(found, readTs(SourceDir + QStringLiteral("/translations/confer_cy.ts")));
    EXPECT_EQ(absent, QStringList{QStringLiteral("confer::Example: \"A sentence lupdate sees.\"")});
}
