#include "caseload/NoteService.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "common/Clock.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <optional>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::NoteService)
};

const char* const SelectNote =
    "SELECT n.id, n.case_id, n.thread_id, n.version, n.agency_id, a.name, n.author_user_id, u.display_name, "
    "n.is_opinion, n.opinion_basis, n.marking, n.body, n.correction_reason, n.at_utc "
    "FROM notes n JOIN cases c ON c.id = n.case_id JOIN agencies a ON a.id = n.agency_id "
    "JOIN users u ON u.id = n.author_user_id";

// SelectNote for the cases the user may see, narrowed by condition (and ordered, when it says so).
QString selectVisibleNotes(Session& session, const QString& condition)
{
    return QString::fromLatin1(SelectNote) + QStringLiteral(" WHERE ") +
           CaseAccess(session).visibleCases(QStringLiteral("c")) + QStringLiteral(" AND ") + condition;
}

Note readNote(const Statement& row)
{
    Note note;
    note.id = row.columnInt(0);
    note.caseId = row.columnInt(1);
    note.threadId = row.columnInt(2);
    note.version = static_cast<int>(row.columnInt(3));
    note.agencyId = row.columnInt(4);
    note.agencyName = row.columnText(5);
    note.authorUserId = row.columnInt(6);
    note.authorName = row.columnText(7);
    note.isOpinion = row.columnInt(8) != 0;
    note.opinionBasis = row.columnText(9);
    note.marking = markingFromKey(row.columnText(10)).value_or(Marking::OfficialSensitive);
    note.body = row.columnText(11);
    note.correctionReason = row.columnText(12);
    note.atUtc = QDateTime::fromString(row.columnText(13), Qt::ISODateWithMs);
    return note;
}

Result<std::vector<Note>> readNotes(Statement& rows)
{
    std::vector<Note> notes;
    while (true) {
        auto hasRow = rows.step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            return notes;
        notes.push_back(readNote(rows));
    }
}

// Statement binds a null QString as NULL; these columns are NOT NULL with '' for "nothing said".
QString orEmpty(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

Error noteUnavailable()
{
    return makeError(ErrorCode::NotFound, Tr::tr("That note is not available."));
}

// One integer from a single-row query with one :id parameter; nullopt when there is no row or it is NULL.
Result<std::optional<qint64>> singleInt(Database& db, const QString& sql, qint64 id)
{
    auto row = db.prepare(sql);
    if (!row.ok())
        return row.error();
    row->bind(":id", id);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow || row->isNull(0))
        return std::optional<qint64>{};
    return std::optional<qint64>{row->columnInt(0)};
}

Result<QString> caseRecord(Database& db, qint64 caseId)
{
    auto row = db.prepare(QStringLiteral("SELECT reference FROM cases WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", caseId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That case is not available."));
    return AuditRecord::ofCase(row->columnText(0));
}

QString noteRecordDetail(qint64 threadId)
{
    return QStringLiteral("note:%1").arg(threadId);
}

// A note as saved, read back with its agency's and author's names.
Result<Note> readSavedNote(Session& session, qint64 noteId)
{
    auto saved = session.database().prepare(selectVisibleNotes(session, QStringLiteral("n.id = :id")));
    if (!saved.ok())
        return saved.error();
    saved->bind(":id", noteId);
    auto notes = readNotes(*saved);
    if (!notes.ok())
        return notes.error();
    if (notes->empty())
        return noteUnavailable();
    return notes->front();
}

// What a correction keeps from the note's first version: its thread, agency and first author.
struct NoteThread {
    qint64 id = 0;
    qint64 agencyId = 0;
    qint64 originalAuthor = 0;
};

Result<NoteThread> readThread(Database& db, qint64 noteId)
{
    auto thread = db.prepare(QStringLiteral("SELECT f.id, f.agency_id, f.author_user_id FROM notes f "
                                            "WHERE f.id = (SELECT thread_id FROM notes WHERE id = :id)"));
    if (!thread.ok())
        return thread.error();
    thread->bind(":id", noteId);
    auto hasThread = thread->step();
    if (!hasThread.ok())
        return hasThread.error();
    if (!*hasThread)
        return noteUnavailable();
    return NoteThread{thread->columnInt(0), thread->columnInt(1), thread->columnInt(2)};
}

// The originating agency keeps ownership of what it said: only its own staff, or the person who
// first wrote the note, may correct it.
Status requireMayCorrect(Session& session, const QString& caseRecord, const NoteThread& thread)
{
    auto ownAgency =
        singleInt(session.database(), QStringLiteral("SELECT agency_id FROM users WHERE id = :id"),
                  session.currentUser().id);
    if (!ownAgency.ok())
        return ownAgency.error();
    const bool isOriginalAuthor = thread.originalAuthor == session.currentUser().id;
    const bool isOfOriginatingAgency = ownAgency->has_value() && **ownAgency == thread.agencyId;
    if (isOriginalAuthor || isOfOriginatingAgency)
        return {};
    // Recorded as CaseAccess records its refusals, so one case's denials read alike.
    (void)session.audit().append(
        session.currentUser().login, AuditAction::AccessDenied, caseRecord,
        QStringLiteral("%1: not the note's agency or author (%2)")
            .arg(auditActionKey(AuditAction::NoteCorrect), noteRecordDetail(thread.id)));
    return makeError(
        ErrorCode::AccessDenied,
        Tr::tr("Only the note's author or someone from the agency it came from can correct it."));
}

struct Correction {
    qint64 noteId = 0;
    int version = 0;
};

// Writes the next version of the thread, inside the caller's transaction. The newest version carries
// the thread forward: its opinion flag, basis and marking.
Result<Correction> insertCorrection(Session& session, qint64 caseId, const NoteThread& thread,
                                    const QString& body, const QString& reason)
{
    Database& db = session.database();
    auto latest =
        db.prepare(QStringLiteral("SELECT version, is_opinion, opinion_basis, marking, is_demo FROM notes "
                                  "WHERE thread_id = :thread ORDER BY version DESC LIMIT 1"));
    if (!latest.ok())
        return latest.error();
    latest->bind(":thread", thread.id);
    auto hasLatest = latest->step();
    if (!hasLatest.ok())
        return hasLatest.error();
    if (!*hasLatest)
        return noteUnavailable();
    const int version = static_cast<int>(latest->columnInt(0)) + 1;
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO notes (case_id, thread_id, version, agency_id, author_user_id, is_opinion, "
        "opinion_basis, marking, body, correction_reason, is_demo, at_utc) "
        "VALUES (:case, :thread, :version, :agency, :author, :opinion, :basis, :marking, :body, :reason, "
        ":demo, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":case", caseId)
        .bind(":thread", thread.id)
        .bind(":version", version)
        .bind(":agency", thread.agencyId)
        .bind(":author", session.currentUser().id)
        .bind(":opinion", latest->columnInt(1) != 0)
        .bind(":basis", orEmpty(latest->columnText(2)))
        .bind(":marking", latest->columnText(3))
        .bind(":body", body)
        .bind(":reason", reason.trimmed())
        .bind(":demo", latest->columnInt(4) != 0)
        .bind(":at", session.clock().nowUtc().toString(Qt::ISODateWithMs));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    return Correction{db.lastInsertRowId(), version};
}

} // namespace

NoteService::NoteService(Session& session)
    : m_session(session)
{}

Result<Note> NoteService::add(qint64 caseId, const NewNote& note)
{
    CaseAccess access(m_session);
    if (auto panel = access.requireCase(caseId, AuditAction::NoteAdd); !panel.ok())
        return panel.error();
    if (note.body.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Write the note before saving it."));
    // Thurrock 5.3.1 d): an opinion is marked as such and says on what it is based.
    if (note.isOpinion && note.opinionBasis.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Say on what basis this professional opinion is formed."));

    Database& db = m_session.database();
    qint64 agencyId = note.agencyId;
    if (agencyId == 0) {
        auto own = singleInt(db, QStringLiteral("SELECT agency_id FROM users WHERE id = :id"),
                             m_session.currentUser().id);
        if (!own.ok())
            return own.error();
        agencyId = own->value_or(0);
    }
    auto agencyExists = singleInt(db, QStringLiteral("SELECT id FROM agencies WHERE id = :id"), agencyId);
    if (!agencyExists.ok())
        return agencyExists.error();
    if (!agencyExists->has_value())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Choose the agency this note comes from."));
    auto record = caseRecord(db, caseId);
    if (!record.ok())
        return record.error();

    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    // The first version's id is its thread id. Rows cannot be updated afterwards (the table refuses
    // UPDATE), so the id is chosen inside the write lock and written in the same insert.
    auto nextId = db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM notes"));
    if (!nextId.ok())
        return nextId.error();
    if (auto hasRow = nextId->step(); !hasRow.ok())
        return hasRow.error();
    const qint64 noteId = nextId->columnInt(0);
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO notes (id, case_id, thread_id, version, agency_id, author_user_id, is_opinion, "
        "opinion_basis, marking, body, is_demo, at_utc) "
        "VALUES (:id, :case, :id, 1, :agency, :author, :opinion, :basis, :marking, :body, :demo, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":id", noteId)
        .bind(":case", caseId)
        .bind(":agency", agencyId)
        .bind(":author", m_session.currentUser().id)
        .bind(":opinion", note.isOpinion)
        .bind(":basis", note.isOpinion ? note.opinionBasis.trimmed() : QStringLiteral(""))
        .bind(":marking", markingKey(note.marking))
        .bind(":body", note.body)
        .bind(":demo", note.isDemo)
        .bind(":at", m_session.clock().nowUtc().toString(Qt::ISODateWithMs));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::NoteAdd,
                                                  *record, noteRecordDetail(noteId));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return readSavedNote(m_session, noteId);
}

Result<Note> NoteService::correct(qint64 noteId, const QString& body, const QString& reason)
{
    Database& db = m_session.database();
    CaseAccess access(m_session);
    auto caseOfNote = access.caseOf(CaseAccess::CaseRow::Note, noteId);
    if (!caseOfNote.ok())
        return caseOfNote.error();
    if (!caseOfNote->has_value())
        return noteUnavailable();
    const qint64 caseId = **caseOfNote;
    if (auto panel = access.requireCase(caseId, AuditAction::NoteCorrect); !panel.ok())
        return panel.error();
    if (body.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Write the corrected note before saving it."));
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Say why the note is being corrected."));
    auto record = caseRecord(db, caseId);
    if (!record.ok())
        return record.error();
    // The thread's agency and first author never change, so the permission is decided before the change.
    auto thread = readThread(db, noteId);
    if (!thread.ok())
        return thread.error();
    if (Status allowed = requireMayCorrect(m_session, *record, *thread); !allowed.ok())
        return allowed.error();

    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto correction = insertCorrection(m_session, caseId, *thread, body, reason);
    if (!correction.ok())
        return correction.error();
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::NoteCorrect, *record,
            QStringLiteral("%1 v%2").arg(noteRecordDetail(thread->id)).arg(correction->version));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return readSavedNote(m_session, correction->noteId);
}

Result<std::vector<Note>> NoteService::latestVersions(qint64 caseId)
{
    CaseAccess access(m_session);
    if (auto panel = access.requireCase(caseId, AuditAction::NoteList); !panel.ok())
        return panel.error();
    // Threads in the order they were first written, newest first: a correction does not move a note.
    auto rows = m_session.database().prepare(selectVisibleNotes(
        m_session,
        QStringLiteral(
            "n.case_id = :case "
            "AND n.version = (SELECT max(v.version) FROM notes v WHERE v.thread_id = n.thread_id) "
            "ORDER BY (SELECT f.at_utc FROM notes f WHERE f.id = n.thread_id) DESC, n.thread_id DESC")));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return readNotes(*rows);
}

Result<std::vector<Note>> NoteService::history(qint64 noteId)
{
    CaseAccess access(m_session);
    auto caseOfNote = access.caseOf(CaseAccess::CaseRow::Note, noteId);
    if (!caseOfNote.ok())
        return caseOfNote.error();
    if (!caseOfNote->has_value())
        return noteUnavailable();
    if (auto panel = access.requireCase(**caseOfNote, AuditAction::NoteHistory); !panel.ok())
        return panel.error();
    auto rows = m_session.database().prepare(selectVisibleNotes(
        m_session,
        QStringLiteral("n.thread_id = (SELECT thread_id FROM notes WHERE id = :id) ORDER BY n.version")));
    if (!rows.ok())
        return rows.error();
    rows->bind(":id", noteId);
    return readNotes(*rows);
}

} // namespace confer
