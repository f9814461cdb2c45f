#include "caseload/ReviewSchedule.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseAccess.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

using namespace caserows;

namespace {

// The case service's sentences keep their context, so translations made before the split still apply.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::CaseService)
};

struct ReviewFacts {
    qint64 caseId = 0;
    bool isCompleted = false;
};

// Which case a review belongs to. A review that does not exist is refused as a denial would be, and
// audited as one, so its absence says nothing more.
Result<ReviewFacts> readReview(Session& session, qint64 reviewId)
{
    auto row = session.database().prepare(
        QStringLiteral("SELECT case_id, completed_on IS NOT NULL FROM scheduled_reviews WHERE id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", reviewId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow) {
        (void)session.audit().append(
            session.currentUser().login, AuditAction::AccessDenied, AuditRecord::ofReview(reviewId),
            QStringLiteral("%1: no such review").arg(auditActionKey(AuditAction::CaseReview)));
        return makeError(ErrorCode::AccessDenied, Tr::tr("This case is not available to you."));
    }
    return ReviewFacts{row->columnInt(0), row->columnInt(1) != 0};
}

Result<std::optional<QDate>> firstOpenScheduledReview(Session& session, qint64 caseId)
{
    auto row = session.database().prepare(
        QStringLiteral("SELECT min(r.due_date) FROM scheduled_reviews r JOIN cases c ON c.id = r.case_id "
                       "WHERE r.case_id = :case AND r.completed_on IS NULL AND %1")
            .arg(CaseAccess(session).visibleCases(QStringLiteral("c"))));
    if (!row.ok())
        return row.error();
    row->bind(":case", caseId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    return optionalDate(*row, 0);
}

} // namespace

ReviewSchedule::ReviewSchedule(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

std::optional<QDate> ReviewSchedule::nextReviewAfterMove(const PanelKind& kind, const StageDefinition& stage,
                                                         const QDate& on)
{
    if (stage.isClosed || kind.reviewEveryDays <= 0)
        return std::nullopt;
    return on.addDays(kind.reviewEveryDays);
}

Status ReviewSchedule::scheduleOnEntry(Database& db, const PanelKind& kind, qint64 caseId,
                                       const QString& stage, const QDate& on, const QString& nowUtc)
{
    for (const ScheduledReview& review : kind.reviewsOnEnter.value(stage)) {
        auto insert = db.prepare(QStringLiteral("INSERT INTO scheduled_reviews (case_id, label, due_date, "
                                                "created_utc) VALUES (:case, :label, :due, :at)"));
        if (!insert.ok())
            return insert.error();
        insert->bind(":case", caseId)
            .bind(":label", review.label)
            .bind(":due", isoDate(on.addMonths(review.afterMonths)))
            .bind(":at", nowUtc);
        if (Status run = insert->run(); !run.ok())
            return run;
    }
    return {};
}

Result<std::vector<ScheduledReviewRecord>> ReviewSchedule::list(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, AuditAction::CaseReviews); !allowed.ok())
        return allowed.error();
    auto rows = m_session.database().prepare(
        QStringLiteral("SELECT r.id, r.case_id, r.label, r.due_date, r.completed_on, r.outcome "
                       "FROM scheduled_reviews r JOIN cases c ON c.id = r.case_id "
                       "WHERE r.case_id = :case AND %1 ORDER BY r.due_date, r.id")
            .arg(CaseAccess(m_session).visibleCases(QStringLiteral("c"))));
    if (!rows.ok())
        return rows.error();
    rows->bind(":case", caseId);
    return rows->collect<ScheduledReviewRecord>([](const Statement& row) {
        ScheduledReviewRecord review;
        review.id = row.columnInt(0);
        review.caseId = row.columnInt(1);
        review.label = row.columnText(2);
        review.dueDate = QDate::fromString(row.columnText(3), Qt::ISODate);
        review.completedOn = optionalDate(row, 4);
        review.outcome = row.columnText(5);
        return review;
    });
}

Status ReviewSchedule::complete(qint64 reviewId, const QDate& on, const QString& outcome)
{
    auto review = readReview(m_session, reviewId);
    if (!review.ok())
        return review.error();
    if (Status allowed = CaseAccess(m_session).requireCase(review->caseId, AuditAction::CaseReview);
        !allowed.ok())
        return allowed;
    if (review->isCompleted)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("This review has already been recorded as complete."));
    if (!on.isValid() || on > m_session.clock().today())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Enter the date of the review: a date up to today."));
    if (outcome.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Record the outcome of the review."));
    Database& db = m_session.database();
    auto current = readCase(m_session, review->caseId);
    if (!current.ok())
        return current.error();

    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update =
        db.prepare(QStringLiteral("UPDATE scheduled_reviews SET completed_on = :on, outcome = :outcome "
                                  "WHERE id = :id AND completed_on IS NULL"));
    if (!update.ok())
        return update.error();
    update->bind(":on", isoDate(on)).bind(":outcome", cleaned(outcome)).bind(":id", reviewId);
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::CaseReview,
                                                  AuditRecord::ofCase(current->reference),
                                                  AuditRecord::ofReview(reviewId));
        !audited.ok())
        return audited;
    return tx.commit();
}

Result<ReviewDue> ReviewSchedule::due(qint64 caseId)
{
    if (Status allowed = CaseAccess(m_session).requireCase(caseId, AuditAction::CaseReviews); !allowed.ok())
        return allowed.error();
    Database& db = m_session.database();
    auto record = readCase(m_session, caseId);
    if (!record.ok())
        return record.error();
    auto scheduled = firstOpenScheduledReview(m_session, caseId);
    if (!scheduled.ok())
        return scheduled.error();
    auto panel = readPanel(db, record->panelId);
    if (!panel.ok())
        return panel.error();
    return ReviewDue::of(m_kinds.kind(panel->kindKey), record->stage, record->nextReview, *scheduled,
                         m_session.clock().today());
}

} // namespace confer
