#include "partnership/PanelKind.h"
#include "partnership/PanelKindJsonReader.h"
#include "partnership/StageGateRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::PanelKindLoader)
};

constexpr int FormatVersion = 1;
// A definition is a few kilobytes; anything near this is not one.
constexpr qint64 MaximumFileBytes = 1024 * 1024;
const QLatin1String FormatName("confer-panel-kind");
const QStringList KnownSubjectTypes{QStringLiteral("person"), QStringLiteral("household"),
                                    QStringLiteral("location")};

bool isReferencePrefix(const QString& prefix)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][A-Z0-9]{1,7}$"));
    return pattern.match(prefix).hasMatch();
}

std::optional<FieldDefinition::Type> fieldTypeFromName(const QString& name)
{
    using Type = FieldDefinition::Type;
    static const QHash<QString, Type> types{{QStringLiteral("text"), Type::Text},
                                            {QStringLiteral("longText"), Type::LongText},
                                            {QStringLiteral("date"), Type::Date},
                                            {QStringLiteral("number"), Type::Number},
                                            {QStringLiteral("boolean"), Type::Boolean},
                                            {QStringLiteral("choice"), Type::Choice},
                                            {QStringLiteral("multiChoice"), Type::MultiChoice}};
    const auto it = types.constFind(name);
    if (it == types.cend())
        return std::nullopt;
    return *it;
}

QString quoted(const QString& text)
{
    return PanelKindJsonReader::quoted(text);
}

// Reads one definition. Every check names where the problem is, so whoever edits the file can find
// it; the first problem stops the read and nothing of the file is used.
class DefinitionReader final {
public:
    // A transition's gates are resolved against `gates` as the kind is read.
    explicit DefinitionReader(const StageGateRegistry& gates)
        : m_gates(gates)
    {}
    std::optional<PanelKind> read(const QByteArray& json);
    const QString& problem() const { return m_json.problem(); }

private:
    bool fail(const QString& problem) { return m_json.fail(problem); }

    bool readHeader(const QJsonObject& root);
    bool readIdentity(const QJsonObject& root, PanelKind& kind);
    bool readStages(const QJsonObject& root, PanelKind& kind);
    bool readTransitions(const QJsonObject& root, PanelKind& kind);
    bool readGates(const QJsonArray& gates, const QString& where, const PanelKind& kind, Transition& move);
    bool checkStageGraph(const PanelKind& kind);
    bool readFields(const QJsonObject& root, PanelKind& kind);
    bool readField(const QJsonObject& object, const QString& where, FieldDefinition& field);
    bool readCadence(const QJsonObject& root, PanelKind& kind);
    bool readReviewsOnEnter(const QJsonObject& root, PanelKind& kind);
    bool readDeclaration(const QJsonObject& root, PanelKind& kind);
    bool readQuorum(const QJsonObject& root, PanelKind& kind);

    const StageGateRegistry& m_gates;
    PanelKindJsonReader m_json; // the typed values, and the first problem
};

bool DefinitionReader::readHeader(const QJsonObject& root)
{
    const QString where = Tr::tr("the file");
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != FormatName) {
        return fail(
            Tr::tr("it is not a panel kind definition (it must say \"format\": \"%1\").").arg(FormatName));
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.isUndefined())
        return fail(Tr::tr("it does not say which version of the format it is written in."));
    if (!version.isDouble() || version.toDouble() != FormatVersion) {
        return fail(
            Tr::tr("it is written in version %1 of the format; this Confer reads version %2.")
                .arg(version.isDouble() ? QString::number(version.toDouble()) : quoted(version.toString()))
                .arg(FormatVersion));
    }
    return m_json.checkKeys(
        root,
        {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("key"), QStringLiteral("name"),
         QStringLiteral("referencePrefix"), QStringLiteral("subjectTypes"), QStringLiteral("stages"),
         QStringLiteral("initialStage"), QStringLiteral("transitions"), QStringLiteral("fields"),
         QStringLiteral("reviewEveryDays"), QStringLiteral("reviewAtEachMeeting"),
         QStringLiteral("usesConsent"), QStringLiteral("reviewsOnEnter"), QStringLiteral("declaration"),
         QStringLiteral("quorum")},
        where);
}

bool DefinitionReader::readIdentity(const QJsonObject& root, PanelKind& kind)
{
    const QString where = Tr::tr("the kind");
    if (!m_json.readIdentifier(root, QStringLiteral("key"), where, kind.key) ||
        !m_json.readString(root, QStringLiteral("name"), where, kind.name) ||
        !m_json.readString(root, QStringLiteral("referencePrefix"), where, kind.referencePrefix))
        return false;
    if (!isReferencePrefix(kind.referencePrefix)) {
        return fail(Tr::tr("the reference prefix %1 must be 2 to 8 capital letters or digits, "
                           "starting with a letter (such as “MAPS”).")
                        .arg(quoted(kind.referencePrefix)));
    }
    QJsonArray types;
    if (!m_json.readArray(root, QStringLiteral("subjectTypes"), where, types))
        return false;
    if (types.isEmpty())
        return fail(Tr::tr("it names no subject types (person, household or location)."));
    for (const QJsonValue& type : types) {
        const QString name = type.toString();
        if (!type.isString() || !KnownSubjectTypes.contains(name)) {
            return fail(Tr::tr("%1 is not a subject type; use person, household or location.")
                            .arg(quoted(type.isString() ? name : QStringLiteral("?"))));
        }
        if (kind.subjectTypes.contains(name))
            return fail(Tr::tr("the subject type %1 is listed twice.").arg(quoted(name)));
        kind.subjectTypes.append(name);
    }
    return true;
}

bool DefinitionReader::readStages(const QJsonObject& root, PanelKind& kind)
{
    QJsonArray stages;
    if (!m_json.readArray(root, QStringLiteral("stages"), Tr::tr("the kind"), stages))
        return false;
    if (stages.isEmpty())
        return fail(Tr::tr("it has no stages."));
    for (qsizetype i = 0; i < stages.size(); ++i) {
        QString where = Tr::tr("stage %1").arg(i + 1);
        if (!stages.at(i).isObject())
            return fail(Tr::tr("%1 must have a key and a label.").arg(where));
        const QJsonObject object = stages.at(i).toObject();
        StageDefinition stage;
        if (!m_json.checkKeys(object,
                              {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("closed"),
                               QStringLiteral("needsReason"), QStringLiteral("reasons")},
                              where) ||
            !m_json.readIdentifier(object, QStringLiteral("key"), where, stage.key))
            return false;
        where = Tr::tr("stage %1").arg(quoted(stage.key));
        if (kind.stage(stage.key))
            return fail(Tr::tr("the stage %1 is listed twice.").arg(quoted(stage.key)));
        QJsonArray reasons;
        if (!m_json.readString(object, QStringLiteral("label"), where, stage.label) ||
            !m_json.readBool(object, QStringLiteral("closed"), where, stage.isClosed) ||
            !m_json.readBool(object, QStringLiteral("needsReason"), where, stage.needsReason) ||
            !m_json.readArray(object, QStringLiteral("reasons"), where, reasons, false) ||
            !m_json.readChoices(reasons, where, stage.reasons))
            return false;
        if (!stage.needsReason && !stage.reasons.isEmpty())
            return fail(Tr::tr("%1 lists reasons but does not say \"needsReason\": true.").arg(where));
        kind.stages.append(stage);
    }
    if (!m_json.readIdentifier(root, QStringLiteral("initialStage"), Tr::tr("the kind"), kind.initialStage))
        return false;
    const StageDefinition* initial = kind.stage(kind.initialStage);
    if (!initial)
        return fail(Tr::tr("the initial stage %1 is not one of its stages.").arg(quoted(kind.initialStage)));
    if (initial->isClosed)
        return fail(Tr::tr("the initial stage %1 is a closed stage.").arg(quoted(kind.initialStage)));
    if (initial->needsReason)
        return fail(Tr::tr("the initial stage %1 needs a reason, but a new case has none.")
                        .arg(quoted(kind.initialStage)));
    return true;
}

bool DefinitionReader::readTransitions(const QJsonObject& root, PanelKind& kind)
{
    QJsonArray transitions;
    if (!m_json.readArray(root, QStringLiteral("transitions"), Tr::tr("the kind"), transitions))
        return false;
    for (qsizetype i = 0; i < transitions.size(); ++i) {
        const QString where = Tr::tr("transition %1").arg(i + 1);
        if (!transitions.at(i).isObject())
            return fail(Tr::tr("%1 must have \"from\" and \"to\".").arg(where));
        const QJsonObject object = transitions.at(i).toObject();
        Transition move;
        QJsonArray gates;
        if (!m_json.checkKeys(object,
                              {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("requires"),
                               QStringLiteral("panelDecision")},
                              where) ||
            !m_json.readString(object, QStringLiteral("from"), where, move.from) ||
            !m_json.readString(object, QStringLiteral("to"), where, move.to) ||
            !m_json.readBool(object, QStringLiteral("panelDecision"), where, move.isPanelDecision) ||
            !m_json.readArray(object, QStringLiteral("requires"), where, gates, false))
            return false;
        if (!kind.stage(move.from))
            return fail(
                Tr::tr("%1 starts from %2, which is not one of its stages.").arg(where, quoted(move.from)));
        if (!kind.stage(move.to))
            return fail(Tr::tr("%1 goes to %2, which is not one of its stages.").arg(where, quoted(move.to)));
        if (move.from == move.to)
            return fail(Tr::tr("%1 goes from %2 to itself.").arg(where, quoted(move.from)));
        if (kind.transition(move.from, move.to)) {
            return fail(
                Tr::tr("the move from %1 to %2 is listed twice.").arg(quoted(move.from), quoted(move.to)));
        }
        if (!readGates(gates, where, kind, move))
            return false;
        kind.transitions.append(move);
    }
    return checkStageGraph(kind);
}

// Each gate named must be one the registry can check, and usable by this kind.
bool DefinitionReader::readGates(const QJsonArray& gates, const QString& where, const PanelKind& kind,
                                 Transition& move)
{
    for (const QJsonValue& value : gates) {
        const QString name = value.toString();
        const StageGate* gate = value.isString() ? m_gates.gate(name) : nullptr;
        if (!gate) {
            return fail(Tr::tr("%1 requires %2, which is not a gate Confer knows (known: %3).")
                            .arg(where, quoted(value.isString() ? name : QStringLiteral("?")),
                                 m_gates.keys().join(QStringLiteral(", "))));
        }
        if (move.requiredGates.contains(name))
            return fail(Tr::tr("%1 requires %2 twice.").arg(where, quoted(name)));
        if (const QString problem = gate->unusableBy(kind, where); !problem.isEmpty())
            return fail(problem);
        move.requiredGates.append(name);
    }
    return true;
}

// Every stage can be reached from the initial one, and no open stage is a dead end, so no case can
// be stranded on the active caseload.
bool DefinitionReader::checkStageGraph(const PanelKind& kind)
{
    QSet<QString> reached{kind.initialStage};
    QStringList pending{kind.initialStage};
    while (!pending.isEmpty()) {
        const QString from = pending.takeFirst();
        for (const QString& to : kind.nextStages(from)) {
            if (!reached.contains(to)) {
                reached.insert(to);
                pending.append(to);
            }
        }
    }
    bool hasClosedStage = false;
    for (const StageDefinition& stage : kind.stages) {
        if (!reached.contains(stage.key))
            return fail(
                Tr::tr("no move leads to the stage %1 from the initial stage.").arg(quoted(stage.key)));
        if (!stage.isClosed && kind.nextStages(stage.key).isEmpty()) {
            return fail(
                Tr::tr("the stage %1 is not closed but no move leads out of it.").arg(quoted(stage.key)));
        }
        hasClosedStage = hasClosedStage || stage.isClosed;
    }
    if (!hasClosedStage)
        return fail(Tr::tr("it has no closed stage, so no case could ever be closed."));
    return true;
}

bool DefinitionReader::readField(const QJsonObject& object, const QString& numberedWhere,
                                 FieldDefinition& field)
{
    if (!m_json.checkKeys(object,
                          {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("type"),
                           QStringLiteral("required"), QStringLiteral("choices"), QStringLiteral("help"),
                           QStringLiteral("timeSeries"), QStringLiteral("minimum"),
                           QStringLiteral("maximum")},
                          numberedWhere) ||
        !m_json.readIdentifier(object, QStringLiteral("key"), numberedWhere, field.key))
        return false;
    const QString where = Tr::tr("field %1").arg(quoted(field.key));
    QString typeName;
    QJsonArray choices;
    if (!m_json.readString(object, QStringLiteral("label"), where, field.label) ||
        !m_json.readString(object, QStringLiteral("type"), where, typeName) ||
        !m_json.readBool(object, QStringLiteral("required"), where, field.isRequired) ||
        !m_json.readString(object, QStringLiteral("help"), where, field.help, false) ||
        !m_json.readBool(object, QStringLiteral("timeSeries"), where, field.isTimeSeries) ||
        !m_json.readArray(object, QStringLiteral("choices"), where, choices, false) ||
        !m_json.readChoices(choices, where, field.choices) ||
        !m_json.readNumber(object, QStringLiteral("minimum"), where, field.minimum) ||
        !m_json.readNumber(object, QStringLiteral("maximum"), where, field.maximum))
        return false;
    const std::optional<FieldDefinition::Type> type = fieldTypeFromName(typeName);
    if (!type) {
        return fail(Tr::tr("%1 has the type %2; use text, longText, date, number, boolean, choice or "
                           "multiChoice.")
                        .arg(where, quoted(typeName)));
    }
    field.type = *type;
    const bool isChoiceType =
        field.type == FieldDefinition::Type::Choice || field.type == FieldDefinition::Type::MultiChoice;
    if (isChoiceType && field.choices.isEmpty())
        return fail(Tr::tr("%1 is a choice but lists no choices.").arg(where));
    if (!isChoiceType && object.contains(QStringLiteral("choices")))
        return fail(Tr::tr("%1 lists choices but is not a choice field.").arg(where));
    const bool hasRange = field.minimum || field.maximum;
    if (hasRange && field.type != FieldDefinition::Type::Number)
        return fail(Tr::tr("%1 has a minimum or maximum but is not a number field.").arg(where));
    if (field.minimum && field.maximum && *field.minimum > *field.maximum)
        return fail(Tr::tr("%1 has a minimum above its maximum.").arg(where));
    return true;
}

bool DefinitionReader::readFields(const QJsonObject& root, PanelKind& kind)
{
    QJsonArray fields;
    if (!m_json.readArray(root, QStringLiteral("fields"), Tr::tr("the kind"), fields))
        return false;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString where = Tr::tr("field %1").arg(i + 1);
        if (!fields.at(i).isObject())
            return fail(Tr::tr("%1 must have a key, a label and a type.").arg(where));
        FieldDefinition field;
        if (!readField(fields.at(i).toObject(), where, field))
            return false;
        if (kind.field(field.key))
            return fail(Tr::tr("the field %1 is listed twice.").arg(quoted(field.key)));
        kind.fields.append(field);
    }
    return true;
}

bool DefinitionReader::readCadence(const QJsonObject& root, PanelKind& kind)
{
    const QString where = Tr::tr("the kind");
    return m_json.readInteger(root, QStringLiteral("reviewEveryDays"), where, 1, 366, kind.reviewEveryDays,
                              false) &&
           m_json.readBool(root, QStringLiteral("reviewAtEachMeeting"), where, kind.reviewAtEachMeeting);
}

bool DefinitionReader::readReviewsOnEnter(const QJsonObject& root, PanelKind& kind)
{
    const QJsonValue value = root.value(QStringLiteral("reviewsOnEnter"));
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(Tr::tr("\"reviewsOnEnter\" must map stage keys to lists of reviews."));
    const QJsonObject byStage = value.toObject();
    for (auto it = byStage.constBegin(); it != byStage.constEnd(); ++it) {
        const QString where = Tr::tr("the reviews on entering %1").arg(quoted(it.key()));
        if (!kind.stage(it.key()))
            return fail(Tr::tr("%1: there is no such stage.").arg(where));
        if (!it.value().isArray() || it.value().toArray().isEmpty())
            return fail(
                Tr::tr("%1 must be a list of reviews, each with a label and \"afterMonths\".").arg(where));
        QList<ScheduledReview> reviews;
        const QJsonArray array = it.value().toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString reviewWhere = Tr::tr("%1, review %2").arg(where).arg(i + 1);
            if (!array.at(i).isObject())
                return fail(Tr::tr("%1 must have a label and \"afterMonths\".").arg(reviewWhere));
            const QJsonObject object = array.at(i).toObject();
            ScheduledReview review;
            if (!m_json.checkKeys(object, {QStringLiteral("label"), QStringLiteral("afterMonths")},
                                  reviewWhere) ||
                !m_json.readString(object, QStringLiteral("label"), reviewWhere, review.label) ||
                !m_json.readInteger(object, QStringLiteral("afterMonths"), reviewWhere, 1, 120,
                                    review.afterMonths, true))
                return false;
            for (const ScheduledReview& earlier : reviews) {
                if (earlier.label == review.label)
                    return fail(Tr::tr("%1 lists the review %2 twice.").arg(where, quoted(review.label)));
            }
            reviews.append(review);
        }
        kind.reviewsOnEnter.insert(it.key(), reviews);
    }
    return true;
}

bool DefinitionReader::readDeclaration(const QJsonObject& root, PanelKind& kind)
{
    // One string, or a list of paragraphs joined by a blank line (easier to read and edit in JSON).
    // The text is signed exactly as it results, so it is not reflowed.
    const QJsonValue value = root.value(QStringLiteral("declaration"));
    QStringList paragraphs;
    if (value.isString()) {
        paragraphs.append(value.toString().trimmed());
    } else if (value.isArray()) {
        for (const QJsonValue& paragraph : value.toArray()) {
            if (!paragraph.isString() || paragraph.toString().trimmed().isEmpty())
                return fail(Tr::tr("every paragraph of the declaration must be text, and not empty."));
            paragraphs.append(paragraph.toString().trimmed());
        }
    } else if (!value.isUndefined()) {
        return fail(Tr::tr("the declaration must be text or a list of paragraphs."));
    }
    kind.declarationText = paragraphs.join(QStringLiteral("\n\n"));
    if (kind.declarationText.isEmpty())
        return fail(Tr::tr("it has no confidentiality declaration."));
    return true;
}

bool DefinitionReader::readQuorum(const QJsonObject& root, PanelKind& kind)
{
    QJsonArray sectors;
    if (!m_json.readArray(root, QStringLiteral("quorum"), Tr::tr("the kind"), sectors, false))
        return false;
    for (const QJsonValue& value : sectors) {
        const std::optional<AgencySector> sector =
            value.isString() ? agencySectorFromKey(value.toString()) : std::nullopt;
        if (!sector) {
            QStringList known;
            for (AgencySector each : allAgencySectors())
                known << agencySectorKey(each);
            return fail(Tr::tr("the quorum names %1, which is not a sector (known: %2).")
                            .arg(quoted(value.isString() ? value.toString() : QStringLiteral("?")),
                                 known.join(QStringLiteral(", "))));
        }
        if (kind.quorumSectors.contains(*sector))
            return fail(Tr::tr("the quorum names the sector %1 twice.").arg(quoted(value.toString())));
        kind.quorumSectors.append(*sector);
    }
    return true;
}

std::optional<PanelKind> DefinitionReader::read(const QByteArray& json)
{
    if (json.size() > MaximumFileBytes) {
        fail(Tr::tr("it is larger than a panel kind definition can be (1 MiB)."));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(Tr::tr("it is not valid JSON (%1 at character %2).")
                 .arg(parseError.errorString())
                 .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(Tr::tr("it is not a panel kind definition (it must be one JSON object)."));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    PanelKind kind;
    // The kind's own settings (usesConsent) are read before the transitions, whose gates may depend on them.
    if (!readHeader(root) || !readIdentity(root, kind) ||
        !m_json.readBool(root, QStringLiteral("usesConsent"), Tr::tr("the kind"), kind.usesConsent) ||
        !readStages(root, kind) || !readTransitions(root, kind) || !readFields(root, kind) ||
        !readCadence(root, kind) || !readReviewsOnEnter(root, kind) || !readDeclaration(root, kind) ||
        !readQuorum(root, kind))
        return std::nullopt;
    return kind;
}

Error brokenFile(const QString& sourceName, const QString& problem)
{
    const QString fileName = QFileInfo(sourceName).fileName();
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("The panel kind file %1 cannot be used: %2").arg(quoted(fileName), problem),
                     sourceName);
}

} // namespace

Result<PanelKind> PanelKindLoader::fromJson(const QByteArray& json, const QString& sourceName,
                                            const StageGateRegistry& gates)
{
    DefinitionReader reader(gates);
    std::optional<PanelKind> kind = reader.read(json);
    if (!kind)
        return brokenFile(sourceName, reader.problem());
    return std::move(*kind);
}

Result<QList<PanelKind>> PanelKindLoader::loadDirectory(const QString& directory,
                                                        const StageGateRegistry& gates)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        return makeError(ErrorCode::NotFound,
                         Tr::tr("The folder of panel kind files %1 was not found.").arg(quoted(directory)));
    }
    QList<PanelKind> kinds;
    QHash<QString, QString> fileOfKey;
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(ErrorCode::Io,
                             Tr::tr("The panel kind file %1 could not be read.").arg(quoted(name)),
                             path + QStringLiteral(": ") + file.errorString());
        }
        if (file.size() > MaximumFileBytes)
            return brokenFile(path, Tr::tr("it is larger than a panel kind definition can be (1 MiB)."));
        Result<PanelKind> kind = fromJson(file.readAll(), path, gates);
        if (!kind.ok())
            return kind.error();
        if (fileOfKey.contains(kind->key)) {
            return makeError(ErrorCode::Conflict,
                             Tr::tr("The panel kind files %1 and %2 both define the kind %3.")
                                 .arg(quoted(fileOfKey.value(kind->key)), quoted(name), quoted(kind->key)),
                             directory);
        }
        fileOfKey.insert(kind->key, name);
        kinds.append(std::move(kind).value());
    }
    return kinds;
}

} // namespace confer
