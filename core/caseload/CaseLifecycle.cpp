#include "caseload/CaseLifecycle.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseRows.h"
#include "caseload/ReviewSchedule.h"
#include "caseload/SubjectRecords.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelMembership.h"
#include "partnership/StageGateRegistry.h"
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

// "<PREFIX>-<YEAR>-<NNNN>", numbered per prefix and year; more digits once 9999 is passed. Runs
// inside the creating transaction (BEGIN IMMEDIATE), so two creations cannot take the same number.
Result<QString> nextReference(Database& db, const QString& prefix, int year)
{
    const QString head = QStringLiteral("%1-%2-").arg(prefix).arg(year);
    QString upper = head;
    upper[upper.size() - 1] = QLatin1Char('.'); // the character after '-': the range uses the index
    auto row = db.prepare(QStringLiteral("SELECT max(CAST(substr(reference, :from) AS INTEGER)) FROM cases "
                                         "WHERE reference > :head AND reference < :upper"));
    if (!row.ok())
        return row.error();
    row->bind(":from", static_cast<qint64>(head.size() + 1)).bind(":head", head).bind(":upper", upper);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    const qint64 last = row->isNull(0) ? 0 : row->columnInt(0);
    return QString(head + QStringLiteral("%1").arg(last + 1, 4, 10, QLatin1Char('0')));
}

} // namespace

CaseLifecycle::CaseLifecycle(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<CaseLifecycle::Opening> CaseLifecycle::checkNewCase(const NewCase& request)
{
    if (Status member = PanelMembership(m_session).requireMember(request.panelId, AuditAction::CaseCreate,
                                                                 AuditRecord::ofPanel(request.panelId));
        !member.ok())
        return member.error();
    Database& db = m_session.database();
    auto panel = readPanel(db, request.panelId);
    if (!panel.ok())
        return panel.error();
    if (panel->isArchived)
        return makeError(ErrorCode::InvalidInput, Tr::tr("This panel is archived and takes no new cases."));
    auto kind = kindOfPanel(db, m_kinds, request.panelId);
    if (!kind.ok())
        return kind.error();
    if (!(*kind)->stage((*kind)->initialStage))
        return makeError(ErrorCode::InvalidInput, Tr::tr("This panel's kind names no first stage."));
    auto subject = SubjectRecords(m_session, m_kinds).forNewCase(request.subject, **kind);
    if (!subject.ok())
        return subject.error();

    if (!request.referralDate.isValid() || request.referralDate > m_session.clock().today())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the referral date: a date up to today."));
    if (Status known = requireAgency(db, request.referringAgencyId); !known.ok())
        return known.error();
    if (Status known = requireAgency(db, request.leadAgencyId); !known.ok())
        return known.error();
    if (Status valid = (*kind)->validateFields(request.fields); !valid.ok())
        return valid.error();
    return Opening{*kind, std::move(*subject)};
}

Result<CaseRecord> CaseLifecycle::create(const NewCase& request)
{
    auto opening = checkNewCase(request);
    if (!opening.ok())
        return opening.error();
    Database& db = m_session.database();
    const QString now = utcText(m_session.clock().nowUtc());
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    if (opening->subject.id == 0) {
        auto subjectId = SubjectRecords(m_session, m_kinds).insert(opening->subject, now);
        if (!subjectId.ok())
            return subjectId.error();
        opening->subject.id = *subjectId;
    }
    auto reference = nextReference(db, opening->kind->referencePrefix, m_session.clock().today().year());
    if (!reference.ok())
        return reference.error();
    auto caseId = insertCase(request, *opening, *reference, now);
    if (!caseId.ok())
        return caseId.error();
    if (Status opened = recordOpening(*caseId, request, *opening, *reference, now); !opened.ok())
        return opened.error();
    if (Status audited =
            m_session.audit().append(m_session.currentUser().login, AuditAction::CaseCreate,
                                     AuditRecord::ofCase(*reference), AuditRecord::ofPanel(request.panelId));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return readCase(m_session, *caseId);
}

Result<qint64> CaseLifecycle::insertCase(const NewCase& request, const Opening& opening,
                                         const QString& reference, const QString& nowUtc)
{
    Database& db = m_session.database();
    const PanelKind& kind = *opening.kind;
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO cases (reference, panel_id, subject_id, stage, risk, referral_date, referrer, "
        "referring_agency_id, referral_reason, lead_agency_id, lead_professional, next_review, marking, "
        "fields, "
        "created_utc, updated_utc) VALUES (:reference, :panel, :subject, :stage, :risk, :referral, "
        ":referrer, "
        ":referring, :reason, :lead, :professional, :review, :marking, :fields, :at, :at)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(":reference", reference)
        .bind(":panel", request.panelId)
        .bind(":subject", opening.subject.id)
        .bind(":stage", kind.initialStage)
        .bind(":risk", riskKey(request.risk))
        .bind(":referral", isoDate(request.referralDate))
        .bind(":referrer", cleaned(request.referrer))
        .bind(":reason", cleaned(request.referralReason))
        .bind(":professional", cleaned(request.leadProfessional))
        .bind(":marking", markingKey(request.marking))
        .bind(":fields", fieldsToJson(request.fields))
        .bind(":at", nowUtc);
    bindOptional(*insert, ":referring", request.referringAgencyId);
    bindOptional(*insert, ":lead", request.leadAgencyId);
    bindOptional(
        *insert, ":review",
        ReviewSchedule::nextReviewAfterMove(kind, *kind.stage(kind.initialStage), m_session.clock().today()));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    return db.lastInsertRowId();
}

Status CaseLifecycle::recordOpening(qint64 caseId, const NewCase& request, const Opening& opening,
                                    const QString& reference, const QString& nowUtc)
{
    Database& db = m_session.database();
    const PanelKind& kind = *opening.kind;
    const qint64 userId = m_session.currentUser().id;
    auto search = db.prepare(QStringLiteral("INSERT INTO case_search (rowid, reference, subject, postcode) "
                                            "VALUES (:id, :reference, :subject, :postcode)"));
    if (!search.ok())
        return search.error();
    search->bind(":id", caseId)
        .bind(":reference", reference)
        .bind(":subject", SubjectRecords::searchText(opening.subject))
        .bind(":postcode", cleaned(opening.subject.postcode.toUpper()));
    if (Status run = search->run(); !run.ok())
        return run;
    if (Status history = insertStageHistory(db, caseId, QString(), kind.initialStage, {}, userId, nowUtc);
        !history.ok())
        return history;
    if (Status scheduled = ReviewSchedule::scheduleOnEntry(db, kind, caseId, kind.initialStage,
                                                           m_session.clock().today(), nowUtc);
        !scheduled.ok())
        return scheduled;
    for (auto it = request.fields.cbegin(); it != request.fields.cend(); ++it) {
        const FieldDefinition* field = kind.field(it.key());
        if (field && field->isTimeSeries && !it.value().isNull()) {
            if (Status recorded = insertFieldHistory(db, caseId, it.key(), it.value(), request.referralDate,
                                                     userId, nowUtc);
                !recorded.ok())
                return recorded;
        }
    }
    return {};
}

Status CaseLifecycle::checkGates(qint64 caseId, const Transition& transition, const QString& toLabel) const
{
    for (const QString& key : transition.requiredGates) {
        // Resolved when the kind loaded; should a kind ever meet other gates than it was loaded
        // against, a gate that cannot be checked blocks rather than opens.
        const StageGate* gate = m_kinds.gates().gate(key);
        if (!gate) {
            return makeError(
                ErrorCode::InvalidInput,
                Tr::tr("A case cannot move into “%1”: this copy of Confer cannot check the condition “%2”.")
                    .arg(toLabel, key));
        }
        if (Status held = gate->check(GateContext{m_session.database(), caseId, toLabel}); !held.ok())
            return held;
    }
    return {};
}

Result<std::vector<CaseLifecycle::StageOption>> CaseLifecycle::stageOptions(qint64 caseId)
{
    auto loaded = loadCase(m_session, m_kinds, caseId, AuditAction::CaseStages);
    if (!loaded.ok())
        return loaded.error();
    const CaseRecord& current = loaded->record;
    const PanelKind& kind = *loaded->kind;
    std::vector<StageOption> options;
    for (const QString& next : kind.nextStages(current.stage)) {
        const StageDefinition* stage = kind.stage(next);
        const Transition* transition = kind.transition(current.stage, next);
        if (!stage || !transition)
            continue;
        StageOption option;
        option.stage = next;
        option.label = stage->label;
        option.needsReason = stage->needsReason;
        const Status held = checkGates(caseId, *transition, stage->label);
        // A gate refuses with InvalidInput; anything else is a failure to read, not a reason to show.
        if (!held.ok() && held.error().code != ErrorCode::InvalidInput)
            return held.error();
        option.isAllowed = held.ok();
        option.blockedBecause = held.ok() ? QString() : held.error().message;
        options.push_back(option);
    }
    return options;
}

Status CaseLifecycle::moveStage(qint64 caseId, const QString& toStage, const QString& reason)
{
    auto loaded = loadCase(m_session, m_kinds, caseId, AuditAction::CaseStage);
    if (!loaded.ok())
        return loaded.error();
    const CaseRecord& current = loaded->record;
    const PanelKind& kind = *loaded->kind;
    // The gates first, as the stage tab shows them, then what the definition asks of the reason.
    if (const Transition* transition = kind.transition(current.stage, toStage)) {
        if (Status held = checkGates(caseId, *transition, kind.stage(toStage)->label); !held.ok())
            return held;
    }
    auto storedReason = kind.checkMove(current.stage, toStage, reason);
    if (!storedReason.ok())
        return storedReason.error();

    Database& db = m_session.database();
    const QDate today = m_session.clock().today();
    const QString now = utcText(m_session.clock().nowUtc());
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto update = db.prepare(QStringLiteral("UPDATE cases SET stage = :stage, stage_reason = :reason, "
                                            "next_review = :review, updated_utc = :at WHERE id = :id"));
    if (!update.ok())
        return update.error();
    update->bind(":stage", toStage).bind(":reason", *storedReason).bind(":at", now).bind(":id", caseId);
    bindOptional(*update, ":review", ReviewSchedule::nextReviewAfterMove(kind, *kind.stage(toStage), today));
    if (Status run = update->run(); !run.ok())
        return run;
    if (Status history = insertStageHistory(db, caseId, current.stage, toStage, *storedReason,
                                            m_session.currentUser().id, now);
        !history.ok())
        return history;
    if (Status scheduled = ReviewSchedule::scheduleOnEntry(db, kind, caseId, toStage, today, now);
        !scheduled.ok())
        return scheduled;
    if (Status audited = m_session.audit().append(m_session.currentUser().login, AuditAction::CaseStage,
                                                  AuditRecord::ofCase(current.reference),
                                                  QStringLiteral("%1->%2").arg(current.stage, toStage));
        !audited.ok())
        return audited;
    return tx.commit();
}

} // namespace confer
