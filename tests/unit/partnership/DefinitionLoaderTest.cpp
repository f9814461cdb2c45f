// PanelKindLoader refuses every malformed definition, naming the file and the problem.
#include "PanelKindTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace confer::test {
namespace {

using namespace Qt::StringLiterals;

const QString SourcePath = u"/srv/partnership/panels/test-kind.json"_s;

// A small valid definition using every feature; each case below spoils one thing in it.
QJsonObject validDefinition()
{
    auto choice = [](const QString& key, const QString& label) {
        return QJsonObject{{u"key"_s, key}, {u"label"_s, label}};
    };
    return QJsonObject{
        {u"format"_s, u"confer-panel-kind"_s},
        {u"version"_s, 1},
        {u"key"_s, u"test"_s},
        {u"name"_s, u"Test panel"_s},
        {u"referencePrefix"_s, u"TST"_s},
        {u"subjectTypes"_s, QJsonArray{u"person"_s, u"location"_s}},
        {u"stages"_s, QJsonArray{QJsonObject{{u"key"_s, u"open"_s}, {u"label"_s, u"Open"_s}},
                                 QJsonObject{{u"key"_s, u"working"_s}, {u"label"_s, u"Working"_s}},
                                 QJsonObject{{u"key"_s, u"closed"_s},
                                             {u"label"_s, u"Closed"_s},
                                             {u"closed"_s, true},
                                             {u"needsReason"_s, true},
                                             {u"reasons"_s, QJsonArray{choice(u"done"_s, u"Done"_s),
                                                                       choice(u"other"_s, u"Other"_s)}}}}},
        {u"initialStage"_s, u"open"_s},
        {u"transitions"_s,
         QJsonArray{
             QJsonObject{
                 {u"from"_s, u"open"_s}, {u"to"_s, u"working"_s}, {u"requires"_s, QJsonArray{u"consent"_s}}},
             QJsonObject{{u"from"_s, u"working"_s}, {u"to"_s, u"closed"_s}, {u"panelDecision"_s, true}},
             QJsonObject{{u"from"_s, u"open"_s}, {u"to"_s, u"closed"_s}}}},
        {u"fields"_s,
         QJsonArray{QJsonObject{{u"key"_s, u"issue"_s},
                                {u"label"_s, u"Issue"_s},
                                {u"type"_s, u"choice"_s},
                                {u"required"_s, true},
                                {u"choices"_s, QJsonArray{choice(u"noise"_s, u"Noise"_s),
                                                          choice(u"litter"_s, u"Litter"_s)}}},
                    QJsonObject{{u"key"_s, u"note"_s}, {u"label"_s, u"Note"_s}, {u"type"_s, u"text"_s}},
                    QJsonObject{{u"key"_s, u"score"_s},
                                {u"label"_s, u"Score"_s},
                                {u"type"_s, u"number"_s},
                                {u"timeSeries"_s, true},
                                {u"minimum"_s, 0},
                                {u"maximum"_s, 10}}}},
        {u"reviewEveryDays"_s, 14},
        {u"reviewAtEachMeeting"_s, false},
        {u"usesConsent"_s, true},
        {u"reviewsOnEnter"_s, QJsonObject{{u"closed"_s, QJsonArray{QJsonObject{{u"label"_s, u"Check"_s},
                                                                               {u"afterMonths"_s, 3}}}}}},
        {u"declaration"_s, QJsonArray{u"Confidential."_s, u"Destroyed after the meeting."_s}},
        {u"quorum"_s, QJsonArray{u"local_authority"_s, u"police"_s}},
    };
}

Result<PanelKind> load(const QJsonObject& root)
{
    return PanelKindLoader::fromJson(QJsonDocument(root).toJson(), SourcePath, standardStageGates());
}

// Edits root[list][index][key] = value (or removes the key when value is undefined).
void setInList(QJsonObject& root, const QString& list, int index, const QString& key, const QJsonValue& value)
{
    QJsonArray array = root.value(list).toArray();
    QJsonObject item = array.at(index).toObject();
    if (value.isUndefined())
        item.remove(key);
    else
        item.insert(key, value);
    array.replace(index, item);
    root.insert(list, array);
}

void appendToList(QJsonObject& root, const QString& list, const QJsonValue& value)
{
    QJsonArray array = root.value(list).toArray();
    array.append(value);
    root.insert(list, array);
}

struct MalformedCase {
    const char* name;
    std::function<void(QJsonObject&)> spoil;
    QString problem; // a fragment the message must contain
};

void PrintTo(const MalformedCase& malformed, std::ostream* out)
{
    *out << malformed.name;
}

const QJsonValue Removed = QJsonValue(QJsonValue::Undefined);

std::vector<MalformedCase> malformedCases()
{
    return {
        {"VersionTwo", [](QJsonObject& r) { r[u"version"_s] = 2; }, u"version 2"_s},
        {"VersionMissing", [](QJsonObject& r) { r.remove(u"version"_s); }, u"version"_s},
        {"VersionAsText", [](QJsonObject& r) { r[u"version"_s] = u"1"_s; }, u"version"_s},
        {"WrongFormat", [](QJsonObject& r) { r[u"format"_s] = u"confer-panel"_s; }, u"confer-panel-kind"_s},
        {"UnknownSetting", [](QJsonObject& r) { r[u"reviewEveryDay"_s] = 7; }, u"“reviewEveryDay”"_s},
        {"KeyNotAnIdentifier", [](QJsonObject& r) { r[u"key"_s] = u"Test-Kind"_s; }, u"“Test-Kind”"_s},
        {"NameMissing", [](QJsonObject& r) { r.remove(u"name"_s); }, u"“name”"_s},
        {"ReferencePrefixLowerCase", [](QJsonObject& r) { r[u"referencePrefix"_s] = u"tst"_s; }, u"“tst”"_s},
        {"UnknownSubjectType",
         [](QJsonObject& r) {
             r[u"subjectTypes"_s] = QJsonArray{u"person"_s, u"car"_s};
         },
         u"“car”"_s},
        {"SubjectTypeTwice",
         [](QJsonObject& r) {
             r[u"subjectTypes"_s] = QJsonArray{u"person"_s, u"person"_s};
         },
         u"twice"_s},
        {"NoSubjectTypes", [](QJsonObject& r) { r[u"subjectTypes"_s] = QJsonArray{}; }, u"subject types"_s},
        {"NoStages", [](QJsonObject& r) { r[u"stages"_s] = QJsonArray{}; }, u"no stages"_s},
        {"StageListedTwice",
         [](QJsonObject& r) {
             appendToList(r, u"stages"_s, QJsonObject{{u"key"_s, u"working"_s}, {u"label"_s, u"Again"_s}});
         },
         u"stage “working” is listed twice"_s},
        {"StageWithoutLabel", [](QJsonObject& r) { setInList(r, u"stages"_s, 1, u"label"_s, Removed); },
         u"“label”"_s},
        {"StageUnknownSetting", [](QJsonObject& r) { setInList(r, u"stages"_s, 0, u"colour"_s, u"red"_s); },
         u"“colour”"_s},
        {"StageClosedAsText", [](QJsonObject& r) { setInList(r, u"stages"_s, 2, u"closed"_s, u"yes"_s); },
         u"true or false"_s},
        {"ReasonsWithoutNeedsReason",
         [](QJsonObject& r) { setInList(r, u"stages"_s, 2, u"needsReason"_s, false); }, u"needsReason"_s},
        {"InitialStageMissing", [](QJsonObject& r) { r.remove(u"initialStage"_s); }, u"“initialStage”"_s},
        {"InitialStageUnknown", [](QJsonObject& r) { r[u"initialStage"_s] = u"start"_s; }, u"“start”"_s},
        {"InitialStageClosed", [](QJsonObject& r) { r[u"initialStage"_s] = u"closed"_s; }, u"closed stage"_s},
        {"TransitionToUnknownStage",
         [](QJsonObject& r) { setInList(r, u"transitions"_s, 1, u"to"_s, u"finished"_s); }, u"“finished”"_s},
        {"TransitionFromUnknownStage",
         [](QJsonObject& r) { setInList(r, u"transitions"_s, 1, u"from"_s, u"wroking"_s); }, u"“wroking”"_s},
        {"TransitionListedTwice",
         [](QJsonObject& r) {
             appendToList(r, u"transitions"_s,
                          QJsonObject{{u"from"_s, u"working"_s}, {u"to"_s, u"closed"_s}});
         },
         u"listed twice"_s},
        {"TransitionToItself",
         [](QJsonObject& r) {
             appendToList(r, u"transitions"_s,
                          QJsonObject{{u"from"_s, u"working"_s}, {u"to"_s, u"working"_s}});
         },
         u"to itself"_s},
        {"UnknownGate",
         [](QJsonObject& r) { setInList(r, u"transitions"_s, 0, u"requires"_s, QJsonArray{u"approval"_s}); },
         u"“approval”"_s},
        {"GateGivenTwice",
         [](QJsonObject& r) {
             setInList(r, u"transitions"_s, 0, u"requires"_s, QJsonArray{u"consent"_s, u"consent"_s});
         },
         u"twice"_s},
        {"ConsentGateWithoutConsentRecord", [](QJsonObject& r) { r[u"usesConsent"_s] = false; },
         u"usesConsent"_s},
        {"UnreachableStage",
         [](QJsonObject& r) {
             appendToList(r, u"stages"_s, QJsonObject{{u"key"_s, u"limbo"_s}, {u"label"_s, u"Limbo"_s}});
             appendToList(r, u"transitions"_s, QJsonObject{{u"from"_s, u"limbo"_s}, {u"to"_s, u"closed"_s}});
         },
         u"“limbo”"_s},
        {"OpenStageWithNoWayOut",
         [](QJsonObject& r) {
             QJsonArray transitions = r[u"transitions"_s].toArray();
             transitions.removeAt(1); // working -> closed
             r[u"transitions"_s] = transitions;
         },
         u"“working” is not closed"_s},
        {"NoClosedStage",
         [](QJsonObject& r) {
             setInList(r, u"stages"_s, 2, u"closed"_s, false);
             appendToList(r, u"transitions"_s, QJsonObject{{u"from"_s, u"closed"_s}, {u"to"_s, u"open"_s}});
         },
         u"no closed stage"_s},
        {"FieldListedTwice",
         [](QJsonObject& r) {
             appendToList(
                 r, u"fields"_s,
                 QJsonObject{{u"key"_s, u"note"_s}, {u"label"_s, u"Note again"_s}, {u"type"_s, u"text"_s}});
         },
         u"field “note” is listed twice"_s},
        {"UnknownFieldType", [](QJsonObject& r) { setInList(r, u"fields"_s, 1, u"type"_s, u"email"_s); },
         u"“email”"_s},
        {"FieldTypeMissing", [](QJsonObject& r) { setInList(r, u"fields"_s, 1, u"type"_s, Removed); },
         u"“type”"_s},
        {"FieldKeyNotAnIdentifier",
         [](QJsonObject& r) { setInList(r, u"fields"_s, 1, u"key"_s, u"the note"_s); }, u"“the note”"_s},
        {"ChoiceFieldWithoutChoices",
         [](QJsonObject& r) { setInList(r, u"fields"_s, 0, u"choices"_s, Removed); }, u"lists no choices"_s},
        {"ChoicesOnATextField",
         [](QJsonObject& r) {
             setInList(r, u"fields"_s, 1, u"choices"_s,
                       QJsonArray{QJsonObject{{u"key"_s, u"a"_s}, {u"label"_s, u"A"_s}}});
         },
         u"not a choice field"_s},
        {"ChoiceListedTwice",
         [](QJsonObject& r) {
             setInList(r, u"fields"_s, 0, u"choices"_s,
                       QJsonArray{QJsonObject{{u"key"_s, u"noise"_s}, {u"label"_s, u"Noise"_s}},
                                  QJsonObject{{u"key"_s, u"noise"_s}, {u"label"_s, u"Loud noise"_s}}});
         },
         u"“noise” twice"_s},
        {"ChoiceWithoutLabel",
         [](QJsonObject& r) {
             setInList(r, u"fields"_s, 0, u"choices"_s, QJsonArray{QJsonObject{{u"key"_s, u"noise"_s}}});
         },
         u"“label”"_s},
        {"RangeOnATextField", [](QJsonObject& r) { setInList(r, u"fields"_s, 1, u"minimum"_s, 1); },
         u"minimum"_s},
        {"MinimumAboveMaximum", [](QJsonObject& r) { setInList(r, u"fields"_s, 2, u"minimum"_s, 11); },
         u"minimum above its maximum"_s},
        {"RequiredAsText", [](QJsonObject& r) { setInList(r, u"fields"_s, 1, u"required"_s, u"yes"_s); },
         u"“required”"_s},
        {"ReviewEveryZeroDays", [](QJsonObject& r) { r[u"reviewEveryDays"_s] = 0; }, u"“reviewEveryDays”"_s},
        {"ReviewEveryFractionOfADay", [](QJsonObject& r) { r[u"reviewEveryDays"_s] = 2.5; },
         u"“reviewEveryDays”"_s},
        {"ReviewEveryDaysAsText", [](QJsonObject& r) { r[u"reviewEveryDays"_s] = u"28"_s; },
         u"“reviewEveryDays”"_s},
        {"ReviewsOnEnteringUnknownStage",
         [](QJsonObject& r) {
             r[u"reviewsOnEnter"_s] = QJsonObject{
                 {u"finished"_s, QJsonArray{QJsonObject{{u"label"_s, u"Check"_s}, {u"afterMonths"_s, 3}}}}};
         },
         u"“finished”"_s},
        {"ReviewAfterZeroMonths",
         [](QJsonObject& r) {
             r[u"reviewsOnEnter"_s] = QJsonObject{
                 {u"closed"_s, QJsonArray{QJsonObject{{u"label"_s, u"Check"_s}, {u"afterMonths"_s, 0}}}}};
         },
         u"“afterMonths”"_s},
        {"ReviewsListEmpty",
         [](QJsonObject& r) {
             r[u"reviewsOnEnter"_s] = QJsonObject{{u"closed"_s, QJsonArray{}}};
         },
         u"list of reviews"_s},
        {"DeclarationMissing", [](QJsonObject& r) { r.remove(u"declaration"_s); }, u"declaration"_s},
        {"QuorumNamesNoSector", [](QJsonObject& r) { r[u"quorum"_s] = QJsonArray{u"army"_s}; }, u"“army”"_s},
        {"QuorumNamesASectorTwice",
         [](QJsonObject& r) {
             r[u"quorum"_s] = QJsonArray{u"police"_s, u"police"_s};
         },
         u"twice"_s},
        {"QuorumNotAList", [](QJsonObject& r) { r[u"quorum"_s] = u"police"_s; }, u"“quorum”"_s},
        {"PanelDecisionNotABoolean",
         [](QJsonObject& r) { setInList(r, u"transitions"_s, 1, u"panelDecision"_s, u"yes"_s); },
         u"“panelDecision”"_s},
        {"DeclarationParagraphEmpty",
         [](QJsonObject& r) {
             r[u"declaration"_s] = QJsonArray{u"Confidential."_s, u" "_s};
         },
         u"declaration"_s},
    };
}

class MalformedDefinition : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedDefinition, IsRefusedNamingTheFileAndTheProblem)
{
    QJsonObject root = validDefinition();
    GetParam().spoil(root);
    const Result<PanelKind> loaded = load(root);
    ASSERT_FALSE(loaded.ok()) << "a broken definition was accepted";
    EXPECT_EQ(loaded.error().code, ErrorCode::InvalidInput);
    const QString& message = loaded.error().message;
    EXPECT_TRUE(message.contains(u"“test-kind.json”"_s)) << message.toStdString();
    EXPECT_TRUE(message.contains(GetParam().problem))
        << message.toStdString() << "\n  expected to mention: " << GetParam().problem.toStdString();
    EXPECT_FALSE(message.contains(u"/srv/partnership"_s)) << "the chair sees the file name, not the path";
    EXPECT_EQ(loaded.error().detail, SourcePath) << "the full path is kept for whoever fixes it";
}

INSTANTIATE_TEST_SUITE_P(DefinitionLoader, MalformedDefinition, ::testing::ValuesIn(malformedCases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& param) {
                             return param.param.name;
                         });

TEST(DefinitionLoader, ValidDefinition_LoadsEveryPart)
{
    const Result<PanelKind> loaded = load(validDefinition());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    const PanelKind& kind = *loaded;
    EXPECT_EQ(kind.key, u"test"_s);
    EXPECT_EQ(kind.referencePrefix, u"TST"_s);
    EXPECT_EQ(kind.subjectTypes, (QStringList{u"person"_s, u"location"_s}));
    EXPECT_EQ(stageKeys(kind), (QStringList{u"open"_s, u"working"_s, u"closed"_s}));
    EXPECT_EQ(kind.nextStages(u"open"_s), (QStringList{u"working"_s, u"closed"_s}));
    ASSERT_NE(kind.transition(u"open"_s, u"working"_s), nullptr);
    EXPECT_EQ(kind.transition(u"open"_s, u"working"_s)->requiredGates, QStringList{u"consent"_s});
    EXPECT_EQ(kind.transition(u"closed"_s, u"open"_s), nullptr);
    const FieldDefinition* score = kind.field(u"score"_s);
    ASSERT_NE(score, nullptr);
    EXPECT_EQ(score->type, FieldDefinition::Type::Number);
    EXPECT_TRUE(score->isTimeSeries);
    EXPECT_EQ(score->maximum, 10.0);
    EXPECT_EQ(kind.reviewEveryDays, 14);
    EXPECT_TRUE(kind.usesConsent);
    ASSERT_EQ(kind.reviewsOnEnter.value(u"closed"_s).size(), 1);
    EXPECT_EQ(kind.reviewsOnEnter.value(u"closed"_s).first().afterMonths, 3);
    EXPECT_EQ(kind.quorumSectors, (QList<AgencySector>{AgencySector::LocalAuthority, AgencySector::Police}));
    EXPECT_TRUE(kind.transition(u"working"_s, u"closed"_s)->isPanelDecision);
    EXPECT_FALSE(kind.transition(u"open"_s, u"working"_s)->isPanelDecision);
}

TEST(DefinitionLoader, Declaration_ParagraphsAreJoinedByABlankLine)
{
    const Result<PanelKind> loaded = load(validDefinition());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    EXPECT_EQ(loaded->declarationText, u"Confidential.\n\nDestroyed after the meeting."_s);
}

TEST(DefinitionLoader, OptionalSettings_TakeTheirDefaults)
{
    QJsonObject root = validDefinition();
    for (const QString& key :
         {u"reviewEveryDays"_s, u"reviewAtEachMeeting"_s, u"reviewsOnEnter"_s, u"quorum"_s})
        root.remove(key);
    setInList(root, u"transitions"_s, 1, u"panelDecision"_s, Removed);
    root[u"usesConsent"_s] = false;
    setInList(root, u"transitions"_s, 0, u"requires"_s, Removed);
    const Result<PanelKind> loaded = load(root);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    EXPECT_EQ(loaded->reviewEveryDays, 28);
    EXPECT_FALSE(loaded->reviewAtEachMeeting);
    EXPECT_TRUE(loaded->reviewsOnEnter.isEmpty());
    EXPECT_TRUE(loaded->transition(u"open"_s, u"working"_s)->requiredGates.isEmpty());
    EXPECT_TRUE(loaded->quorumSectors.isEmpty()) << "no quorum: any attendance is quorate";
    EXPECT_FALSE(loaded->transition(u"working"_s, u"closed"_s)->isPanelDecision);
}

TEST(DefinitionLoader, NotJson_IsRefusedNamingTheFile)
{
    const Result<PanelKind> loaded =
        PanelKindLoader::fromJson("{ \"format\": \"confer-panel-kind\", ", SourcePath, standardStageGates());
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(loaded.error().message.contains(u"“test-kind.json”"_s))
        << loaded.error().message.toStdString();
    EXPECT_TRUE(loaded.error().message.contains(u"not valid JSON"_s)) << loaded.error().message.toStdString();
}

TEST(DefinitionLoader, JsonThatIsNotAnObject_IsRefused)
{
    const Result<PanelKind> loaded = PanelKindLoader::fromJson("[1, 2, 3]", SourcePath, standardStageGates());
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(loaded.error().message.contains(u"“test-kind.json”"_s))
        << loaded.error().message.toStdString();
}

TEST(DefinitionLoader, OversizedFile_IsRefusedBeforeParsing)
{
    QByteArray huge = QJsonDocument(validDefinition()).toJson();
    huge.append(QByteArray(1024 * 1024, ' '));
    const Result<PanelKind> loaded = PanelKindLoader::fromJson(huge, SourcePath, standardStageGates());
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(loaded.error().message.contains(u"1 MiB"_s)) << loaded.error().message.toStdString();
}

TEST(DefinitionLoader, LoadDirectory_RefusesABrokenFileNamingIt)
{
    const auto loaded = PanelKindLoader::loadDirectory(QStringLiteral(CONFER_PARTNERSHIP_TEST_DATA "/broken"),
                                                       standardStageGates());
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(loaded.error().message.contains(u"“duplicate-stage.json”"_s))
        << loaded.error().message.toStdString();
    EXPECT_TRUE(loaded.error().message.contains(u"“open” is listed twice"_s))
        << loaded.error().message.toStdString();
}

TEST(DefinitionLoader, LoadDirectory_RefusesTwoFilesDefiningOneKind)
{
    const auto loaded = PanelKindLoader::loadDirectory(QStringLiteral(CONFER_PARTNERSHIP_TEST_DATA "/twice"),
                                                       standardStageGates());
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(loaded.error().message.contains(u"first.json"_s)) << loaded.error().message.toStdString();
    EXPECT_TRUE(loaded.error().message.contains(u"second.json"_s)) << loaded.error().message.toStdString();
}

TEST(DefinitionLoader, LoadDirectory_ReportsAMissingFolder)
{
    const auto loaded = PanelKindLoader::loadDirectory(
        QStringLiteral(CONFER_PARTNERSHIP_TEST_DATA "/no-such-folder"), standardStageGates());
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::NotFound);
}

TEST(DefinitionLoader, ShippedResources_HoldOneValidFilePerKind)
{
    const QDir shipped(u":/panels"_s);
    const QStringList files = shipped.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    EXPECT_EQ(files, (QStringList{u"channel.json"_s, u"iom.json"_s, u"maps.json"_s, u"meam.json"_s}));
    for (const QString& name : files) {
        QFile file(shipped.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
        const Result<PanelKind> loaded =
            PanelKindLoader::fromJson(file.readAll(), name, standardStageGates());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        EXPECT_EQ(loaded->key + u".json"_s, name) << "each file is named after its kind";
    }
}

} // namespace
} // namespace confer::test
