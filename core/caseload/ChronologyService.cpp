#include "caseload/ChronologyService.h"

#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::Chronology)
};

QDateTime utcFrom(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString shownDate(const QString& isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMM yyyy")) : isoDate;
}

// A chronology line stays one line: long text is cut to its first 60 characters, at a word break
// when there is one near the end.
QString excerpt(const QString& text)
{
    const QString simplified = text.simplified();
    constexpr int Limit = 60;
    if (simplified.size() <= Limit)
        return simplified;
    QString cut = simplified.left(Limit + 1);
    const int lastSpace = cut.lastIndexOf(QLatin1Char(' '));
    cut = lastSpace >= Limit * 2 / 3 ? cut.left(lastSpace) : cut.left(Limit);
    return cut.trimmed() + QChar(0x2026);
}

QString withReason(QString summary, const QString& reason)
{
    if (reason.isEmpty())
        return summary;
    return Tr::tr("%1 — reason: %2").arg(summary, reason);
}

QString stageLabel(const PanelKind* kind, const QString& key)
{
    if (kind) {
        if (const StageDefinition* stage = kind->stage(key))
            return stage->label;
    }
    return key;
}

// A stage reason may be one of the stage's listed reasons (stored by key) or free text.
QString reasonLabel(const PanelKind* kind, const QString& stageKey, const QString& reason)
{
    if (kind) {
        if (const StageDefinition* stage = kind->stage(stageKey)) {
            for (const auto& choice : stage->reasons) {
                if (choice.key == reason)
                    return choice.label;
            }
        }
    }
    return reason;
}

QString fieldValueLabel(const PanelKind* kind, const QString& fieldKey, const QString& value)
{
    const FieldDefinition* field = kind ? kind->field(fieldKey) : nullptr;
    if (!field)
        return value;
    if (field->type == FieldDefinition::Type::Boolean)
        return (value == QLatin1String("true") || value == QLatin1String("1")) ? Tr::tr("Yes") : Tr::tr("No");
    for (const auto& choice : field->choices) {
        if (choice.key == value)
            return choice.label;
    }
    return value;
}

QString consentSummary(const QString& state, const QString& givenBy, const QString& onDate)
{
    const bool isParent = givenBy == QLatin1String("parent_guardian");
    if (state == QLatin1String("given"))
        return isParent ? Tr::tr("Consent given by a parent or guardian on %1").arg(onDate)
                        : Tr::tr("Consent given by the individual on %1").arg(onDate);
    if (state == QLatin1String("refused"))
        return isParent ? Tr::tr("Consent refused by a parent or guardian on %1").arg(onDate)
                        : Tr::tr("Consent refused by the individual on %1").arg(onDate);
    return isParent ? Tr::tr("Consent withdrawn by a parent or guardian on %1").arg(onDate)
                    : Tr::tr("Consent withdrawn by the individual on %1").arg(onDate);
}

// The entries of one case as they are read, source by source.
struct Timeline {
    const PanelKind* kind = nullptr;
    std::vector<ChronologyEntry> entries;

    void add(ChronologyEntry::Kind entryKind, const QDateTime& at, const QString& summary,
             const QString& byName, qint64 sourceId)
    {
        ChronologyEntry entry;
        entry.kind = entryKind;
        entry.atUtc = at;
        entry.summary = summary;
        entry.byName = byName;
        entry.sourceId = sourceId; // the row id in the entry's own table
        entries.push_back(entry);
    }
};

void addStage(Timeline& timeline, const Statement& row)
{
    const PanelKind* kind = timeline.kind;
    const QString to = row.columnText(2);
    const QString reason = reasonLabel(kind, to, row.columnText(3));
    const QString summary =
        row.isNull(1)
            ? Tr::tr("Case opened at %1").arg(stageLabel(kind, to))
            : Tr::tr("Moved from %1 to %2").arg(stageLabel(kind, row.columnText(1)), stageLabel(kind, to));
    timeline.add(ChronologyEntry::Kind::Stage, utcFrom(row.columnText(5)), withReason(summary, reason),
                 row.columnText(4), row.columnInt(0));
}

void addNote(Timeline& timeline, const Statement& row)
{
    const int version = static_cast<int>(row.columnInt(1));
    const bool isOpinion = row.columnInt(2) != 0;
    const QString agency = row.columnText(3);
    QString summary;
    if (version == 1)
        summary = isOpinion ? Tr::tr("Note added by %1 (opinion)").arg(agency)
                            : Tr::tr("Note added by %1 (fact)").arg(agency);
    else
        summary = withReason(Tr::tr("Note from %1 corrected (version %2)").arg(agency).arg(version),
                             excerpt(row.columnText(5)));
    timeline.add(ChronologyEntry::Kind::Note, utcFrom(row.columnText(6)), summary, row.columnText(4),
                 row.columnInt(0));
}

void addAction(Timeline& timeline, const Statement& row)
{
    timeline.add(ChronologyEntry::Kind::Action, utcFrom(row.columnText(4)),
                 Tr::tr("Action for %1: %2").arg(row.columnText(2), excerpt(row.columnText(1))),
                 row.columnText(3), row.columnInt(0));
}

void addActionUpdate(Timeline& timeline, const Statement& row)
{
    const auto status = actionStatusFromKey(row.columnText(1)).value_or(CaseAction::Status::Open);
    QString summary =
        Tr::tr("Action for %1 updated: %2").arg(row.columnText(3), actionStatusDisplayName(status));
    const QString text = excerpt(row.columnText(2));
    if (!text.isEmpty())
        summary = Tr::tr("%1 — %2").arg(summary, text);
    timeline.add(ChronologyEntry::Kind::ActionUpdate, utcFrom(row.columnText(5)), summary, row.columnText(4),
                 row.columnInt(0));
}

void addConsent(Timeline& timeline, const Statement& row)
{
    QString summary = consentSummary(row.columnText(1), row.columnText(2), shownDate(row.columnText(3)));
    const QString scope = excerpt(row.columnText(4));
    if (!scope.isEmpty())
        summary = Tr::tr("%1 — scope: %2").arg(summary, scope);
    timeline.add(ChronologyEntry::Kind::Consent, utcFrom(row.columnText(6)), summary, row.columnText(5),
                 row.columnInt(0));
}

void addReview(Timeline& timeline, const Statement& row)
{
    const QString label = row.columnText(1);
    const QDateTime scheduledAt = utcFrom(row.columnText(5));
    timeline.add(ChronologyEntry::Kind::Review, scheduledAt,
                 Tr::tr("%1 scheduled for %2").arg(label, shownDate(row.columnText(2))), {},
                 row.columnInt(0));
    if (row.isNull(3))
        return;
    // Only the day of completion is kept; it never sorts before the scheduling.
    const QDate completedOn = QDate::fromString(row.columnText(3), Qt::ISODate);
    const QDateTime completedAt = std::max(QDateTime(completedOn, QTime(0, 0), Qt::UTC), scheduledAt);
    QString summary = Tr::tr("%1 completed on %2").arg(label, shownDate(row.columnText(3)));
    const QString outcome = excerpt(row.columnText(4));
    if (!outcome.isEmpty())
        summary = Tr::tr("%1 — outcome: %2").arg(summary, outcome);
    timeline.add(ChronologyEntry::Kind::Review, completedAt, summary, {}, row.columnInt(0));
}

void addFieldValue(Timeline& timeline, const Statement& row)
{
    const QString fieldKey = row.columnText(1);
    const FieldDefinition* field = timeline.kind ? timeline.kind->field(fieldKey) : nullptr;
    timeline.add(ChronologyEntry::Kind::Field, utcFrom(row.columnText(5)),
                 Tr::tr("%1 recorded: %2 (as at %3)")
                     .arg(field ? field->label : fieldKey,
                          fieldValueLabel(timeline.kind, fieldKey, row.columnText(2)),
                          shownDate(row.columnText(3))),
                 row.columnText(4), row.columnInt(0));
}

// One query per source, each bounded by the case's own index and joined to its case (`vc`), which %1
// keeps to the cases the user may see; in this order, entries recorded at the same moment are listed.
struct Source {
    const char* sql;
    void (*add)(Timeline&, const Statement&);
};
const Source Sources[] = {
    {"SELECT h.id, h.from_stage, h.to_stage, h.reason, coalesce(u.display_name, ''), h.at_utc "
     "FROM case_stage_history h JOIN cases vc ON vc.id = h.case_id LEFT JOIN users u ON u.id = h.by_user_id "
     "WHERE h.case_id = :case AND %1",
     addStage},
    {"SELECT n.id, n.version, n.is_opinion, a.name, coalesce(u.display_name, ''), n.correction_reason, "
     "n.at_utc "
     "FROM notes n JOIN cases vc ON vc.id = n.case_id JOIN agencies a ON a.id = n.agency_id "
     "LEFT JOIN users u ON u.id = n.author_user_id WHERE n.case_id = :case AND %1",
     addNote},
    {"SELECT t.id, t.description, a.name, coalesce(u.display_name, ''), t.created_utc "
     "FROM actions t JOIN cases vc ON vc.id = t.case_id JOIN agencies a ON a.id = t.owner_agency_id "
     "LEFT JOIN users u ON u.id = t.created_by_user_id WHERE t.case_id = :case AND %1",
     addAction},
    {"SELECT p.id, p.status, p.text, a.name, coalesce(u.display_name, ''), p.at_utc "
     "FROM action_updates p JOIN actions t ON t.id = p.action_id JOIN cases vc ON vc.id = t.case_id "
     "JOIN agencies a ON a.id = t.owner_agency_id "
     "LEFT JOIN users u ON u.id = p.by_user_id WHERE t.case_id = :case AND %1",
     addActionUpdate},
    {"SELECT c.id, c.state, c.given_by, c.on_date, c.scope, coalesce(u.display_name, ''), c.at_utc "
     "FROM consents c JOIN cases vc ON vc.id = c.case_id LEFT JOIN users u ON u.id = c.by_user_id "
     "WHERE c.case_id = :case AND %1",
     addConsent},
    {"SELECT r.id, r.label, r.due_date, r.completed_on, r.outcome, r.created_utc "
     "FROM scheduled_reviews r JOIN cases vc ON vc.id = r.case_id WHERE r.case_id = :case AND %1",
     addReview},
    {"SELECT f.id, f.field, f.value, f.recorded_on, coalesce(u.display_name, ''), f.at_utc "
     "FROM case_field_history f JOIN cases vc ON vc.id = f.case_id LEFT JOIN users u ON u.id = f.by_user_id "
     "WHERE f.case_id = :case AND %1",
     addFieldValue},
};

// Runs one source's query for the case; its rows become entries.
Status readSource(Database& db, const Source& source, const QString& visible, qint64 caseId,
                  Timeline& timeline)
{
    auto rows = db.prepare(QString::fromLatin1(source.sql).arg(visible));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            return {};
        source.add(timeline, *rows);
    }
}

} // namespace

ChronologyService::ChronologyService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<std::vector<ChronologyEntry>> ChronologyService::timeline(qint64 caseId)
{
    CaseAccess access(m_session);
    auto panelId = access.requireCase(caseId, QStringLiteral("case.chronology"));
    if (!panelId.ok())
        return panelId.error();
    Database& db = m_session.database();
    const QString visible = access.visibleCases(QStringLiteral("vc"));

    auto header =
        db.prepare(QStringLiteral("SELECT vc.reference, p.kind FROM cases vc JOIN panels p ON p.id = "
                                  "vc.panel_id WHERE vc.id = :case AND %1")
                       .arg(visible));
    if (!header.ok())
        return header.error();
    header->bind(":case", caseId);
    auto hasHeader = header->step();
    if (!hasHeader.ok())
        return hasHeader.error();
    if (!*hasHeader)
        return makeError(ErrorCode::NotFound, Tr::tr("That case is not available."));
    const QString record = QStringLiteral("case:%1").arg(header->columnText(0));

    Timeline timeline{m_kinds.kind(header->columnText(1)), {}};
    for (const Source& source : Sources) {
        if (Status read = readSource(db, source, visible, caseId, timeline); !read.ok())
            return read.error();
    }

    // Oldest first; entries recorded at the same moment keep the order of the sources (a stage move
    // before the note about it), then the order they were written in.
    std::vector<ChronologyEntry>& entries = timeline.entries;
    std::stable_sort(entries.begin(), entries.end(), [](const ChronologyEntry& a, const ChronologyEntry& b) {
        if (a.atUtc != b.atUtc)
            return a.atUtc < b.atUtc;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.sourceId < b.sourceId;
    });

    // Reading the chronology is viewing the case; it is shown only once the view is on the record.
    if (Status audited = m_session.audit().append(m_session.currentUser().login,
                                                  QStringLiteral("case.chronology"), record);
        !audited.ok())
        return audited.error();
    return entries;
}

} // namespace confer
