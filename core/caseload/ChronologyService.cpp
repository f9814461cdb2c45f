#include "caseload/ChronologyService.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <functional>

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

QString consentSummary(const QString& stateKey, const QString& givenByKey, const QString& onDate)
{
    const bool isParent = consentGivenByFromKey(givenByKey) == Consent::GivenBy::ParentGuardian;
    switch (consentStateFromKey(stateKey).value_or(Consent::State::Withdrawn)) {
    case Consent::State::Given:
        return isParent ? Tr::tr("Consent given by a parent or guardian on %1").arg(onDate)
                        : Tr::tr("Consent given by the individual on %1").arg(onDate);
    case Consent::State::Refused:
        return isParent ? Tr::tr("Consent refused by a parent or guardian on %1").arg(onDate)
                        : Tr::tr("Consent refused by the individual on %1").arg(onDate);
    case Consent::State::Withdrawn:
        break;
    }
    return isParent ? Tr::tr("Consent withdrawn by a parent or guardian on %1").arg(onDate)
                    : Tr::tr("Consent withdrawn by the individual on %1").arg(onDate);
}

// Reads each source of a case's timeline with one query, bounded by the case's own index, and turns
// its rows into entries. Every query joins its rows to their case (`vc`), which %1 keeps to the cases the
// user may see (CaseAccess::visibleCases).
class TimelineReader final {
public:
    TimelineReader(Database& db, qint64 caseId, const PanelKind* kind, const QString& visible)
        : m_db(db)
        , m_caseId(caseId)
        , m_kind(kind)
        , m_visible(visible)
    {}

    // Every source in turn; entries keep this order where their times are equal.
    Status readAll()
    {
        using Read = Status (TimelineReader::*)();
        for (Read read :
             {&TimelineReader::readStages, &TimelineReader::readNotes, &TimelineReader::readActions,
              &TimelineReader::readActionUpdates, &TimelineReader::readConsents, &TimelineReader::readReviews,
              &TimelineReader::readFieldValues}) {
            if (Status done = (this->*read)(); !done.ok())
                return done;
        }
        return {};
    }
    std::vector<ChronologyEntry> takeEntries() { return std::move(m_entries); }

private:
    ChronologyEntry& add(ChronologyEntry::Kind kind, const QDateTime& at, const QString& summary,
                         const QString& byName, qint64 sourceId)
    {
        ChronologyEntry entry;
        entry.kind = kind;
        entry.atUtc = at;
        entry.summary = summary;
        entry.byName = byName;
        entry.sourceId = sourceId; // the row id in the entry's own table
        m_entries.push_back(entry);
        return m_entries.back();
    }

    // Runs one query for the case and hands each row to read.
    Status collect(const QString& sql, const std::function<void(const Statement&)>& read)
    {
        auto rows = m_db.prepare(sql.arg(m_visible));
        if (!rows.ok())
            return rows.error();
        rows->bind(":case", m_caseId);
        while (true) {
            auto hasRow = rows->step();
            if (!hasRow.ok())
                return hasRow.error();
            if (!*hasRow)
                return {};
            read(*rows);
        }
    }

    Status readStages();
    Status readNotes();
    Status readActions();
    Status readActionUpdates();
    Status readConsents();
    Status readReviews();
    Status readFieldValues();

    Database& m_db;
    qint64 m_caseId;
    const PanelKind* m_kind;
    QString m_visible;
    std::vector<ChronologyEntry> m_entries;
};

Status TimelineReader::readStages()
{
    return collect(
        QStringLiteral(
            "SELECT h.id, h.from_stage, h.to_stage, h.reason, coalesce(u.display_name, ''), h.at_utc "
            "FROM case_stage_history h JOIN cases vc ON vc.id = h.case_id "
            "LEFT JOIN users u ON u.id = h.by_user_id WHERE h.case_id = :case AND %1"),
        [&](const Statement& row) {
            const QString to = row.columnText(2);
            const QString reason = reasonLabel(m_kind, to, row.columnText(3));
            const QString summary =
                row.isNull(1) ? Tr::tr("Case opened at %1").arg(stageLabel(m_kind, to))
                              : Tr::tr("Moved from %1 to %2")
                                    .arg(stageLabel(m_kind, row.columnText(1)), stageLabel(m_kind, to));
            add(ChronologyEntry::Kind::Stage, utcFrom(row.columnText(5)), withReason(summary, reason),
                row.columnText(4), row.columnInt(0));
        });
}

Status TimelineReader::readNotes()
{
    return collect(
        QStringLiteral(
            "SELECT n.id, n.version, n.is_opinion, a.name, coalesce(u.display_name, ''), "
            "n.correction_reason, n.at_utc "
            "FROM notes n JOIN cases vc ON vc.id = n.case_id JOIN agencies a ON a.id = n.agency_id "
            "LEFT JOIN users u ON u.id = n.author_user_id WHERE n.case_id = :case AND %1"),
        [&](const Statement& row) {
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
            add(ChronologyEntry::Kind::Note, utcFrom(row.columnText(6)), summary, row.columnText(4),
                row.columnInt(0));
        });
}

Status TimelineReader::readActions()
{
    return collect(
        QStringLiteral(
            "SELECT t.id, t.description, a.name, coalesce(u.display_name, ''), t.created_utc "
            "FROM actions t JOIN cases vc ON vc.id = t.case_id JOIN agencies a ON a.id = t.owner_agency_id "
            "LEFT JOIN users u ON u.id = t.created_by_user_id WHERE t.case_id = :case AND %1"),
        [&](const Statement& row) {
            add(ChronologyEntry::Kind::Action, utcFrom(row.columnText(4)),
                Tr::tr("Action for %1: %2").arg(row.columnText(2), excerpt(row.columnText(1))),
                row.columnText(3), row.columnInt(0));
        });
}

Status TimelineReader::readActionUpdates()
{
    return collect(
        QStringLiteral(
            "SELECT p.id, p.status, p.text, a.name, coalesce(u.display_name, ''), p.at_utc "
            "FROM action_updates p JOIN actions t ON t.id = p.action_id JOIN cases vc ON vc.id = t.case_id "
            "JOIN agencies a ON a.id = t.owner_agency_id "
            "LEFT JOIN users u ON u.id = p.by_user_id WHERE t.case_id = :case AND %1"),
        [&](const Statement& row) {
            const auto status = actionStatusFromKey(row.columnText(1)).value_or(CaseAction::Status::Open);
            QString summary =
                Tr::tr("Action for %1 updated: %2").arg(row.columnText(3), actionStatusDisplayName(status));
            const QString text = excerpt(row.columnText(2));
            if (!text.isEmpty())
                summary = Tr::tr("%1 — %2").arg(summary, text);
            add(ChronologyEntry::Kind::ActionUpdate, utcFrom(row.columnText(5)), summary, row.columnText(4),
                row.columnInt(0));
        });
}

Status TimelineReader::readConsents()
{
    return collect(
        QStringLiteral(
            "SELECT c.id, c.state, c.given_by, c.on_date, c.scope, "
            "coalesce(u.display_name, ''), c.at_utc "
            "FROM consents c JOIN cases vc ON vc.id = c.case_id LEFT JOIN users u ON u.id = c.by_user_id "
            "WHERE c.case_id = :case AND %1"),
        [&](const Statement& row) {
            QString summary =
                consentSummary(row.columnText(1), row.columnText(2), shownDate(row.columnText(3)));
            const QString scope = excerpt(row.columnText(4));
            if (!scope.isEmpty())
                summary = Tr::tr("%1 — scope: %2").arg(summary, scope);
            add(ChronologyEntry::Kind::Consent, utcFrom(row.columnText(6)), summary, row.columnText(5),
                row.columnInt(0));
        });
}

Status TimelineReader::readReviews()
{
    return collect(
        QStringLiteral(
            "SELECT r.id, r.label, r.due_date, r.completed_on, r.outcome, r.created_utc "
            "FROM scheduled_reviews r JOIN cases vc ON vc.id = r.case_id WHERE r.case_id = :case AND %1"),
        [&](const Statement& row) {
            const QString label = row.columnText(1);
            const QDateTime scheduledAt = utcFrom(row.columnText(5));
            add(ChronologyEntry::Kind::Review, scheduledAt,
                Tr::tr("%1 scheduled for %2").arg(label, shownDate(row.columnText(2))), {}, row.columnInt(0));
            if (row.isNull(3))
                return;
            // Only the day of completion is kept; it never sorts before the scheduling.
            const QDate completedOn = QDate::fromString(row.columnText(3), Qt::ISODate);
            const QDateTime completedAt = std::max(QDateTime(completedOn, QTime(0, 0), Qt::UTC), scheduledAt);
            QString summary = Tr::tr("%1 completed on %2").arg(label, shownDate(row.columnText(3)));
            const QString outcome = excerpt(row.columnText(4));
            if (!outcome.isEmpty())
                summary = Tr::tr("%1 — outcome: %2").arg(summary, outcome);
            add(ChronologyEntry::Kind::Review, completedAt, summary, {}, row.columnInt(0));
        });
}

Status TimelineReader::readFieldValues()
{
    return collect(
        QStringLiteral("SELECT f.id, f.field, f.value, f.recorded_on, coalesce(u.display_name, ''), "
                       "f.at_utc FROM case_field_history f JOIN cases vc ON vc.id = f.case_id "
                       "LEFT JOIN users u ON u.id = f.by_user_id WHERE f.case_id = :case AND %1"),
        [&](const Statement& row) {
            ChronologyEntry::FieldValue value;
            value.fieldKey = row.columnText(1);
            value.valueLabel = fieldValueLabel(m_kind, value.fieldKey, row.columnText(2));
            value.asAt = QDate::fromString(row.columnText(3), Qt::ISODate);
            const FieldDefinition* field = m_kind ? m_kind->field(value.fieldKey) : nullptr;
            ChronologyEntry& entry = add(ChronologyEntry::Kind::Field, utcFrom(row.columnText(5)),
                                         Tr::tr("%1 recorded: %2 (as at %3)")
                                             .arg(field ? field->label : value.fieldKey, value.valueLabel,
                                                  shownDate(row.columnText(3))),
                                         row.columnText(4), row.columnInt(0));
            entry.fieldValue = value;
        });
}

// The case's reference (for the audit record) and its panel's kind (for labels).
struct TimelineHeader {
    QString reference;
    QString kindKey;
};

Result<TimelineHeader> readHeader(Database& db, qint64 caseId, const QString& visible)
{
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
    return TimelineHeader{header->columnText(0), header->columnText(1)};
}

} // namespace

ChronologyService::ChronologyService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<std::vector<ChronologyEntry>> ChronologyService::timeline(qint64 caseId)
{
    CaseAccess access(m_session);
    auto panelId = access.requireCase(caseId, AuditAction::CaseChronology);
    if (!panelId.ok())
        return panelId.error();
    Database& db = m_session.database();
    const QString visible = access.visibleCases(QStringLiteral("vc"));
    auto header = readHeader(db, caseId, visible);
    if (!header.ok())
        return header.error();
    TimelineReader reader(db, caseId, m_kinds.kind(header->kindKey), visible);
    if (Status read = reader.readAll(); !read.ok())
        return read.error();
    std::vector<ChronologyEntry> entries = reader.takeEntries();

    // Oldest first; entries recorded at the same moment keep the order above (a stage move before the
    // note about it), then the order they were written in.
    std::stable_sort(entries.begin(), entries.end(), [](const ChronologyEntry& a, const ChronologyEntry& b) {
        if (a.atUtc != b.atUtc)
            return a.atUtc < b.atUtc;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.sourceId < b.sourceId;
    });

    // Reading the chronology is viewing the case; it is shown only once the view is on the record.
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::CaseChronology,
                                                  AuditRecord::ofCase(header->reference));
        !audited.ok())
        return audited.error();
    return entries;
}

} // namespace confer
