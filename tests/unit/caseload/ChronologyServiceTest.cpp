#include "caseload/ChronologyService.h"

#include "CaseloadFixture.h"
#include "audit/AuditLog.h"
#include "caseload/ActionService.h"
#include "caseload/NoteService.h"
#include "session/Session.h"

#include <QQueue>

#include <algorithm>

namespace confer::test {

namespace {

class ChronologyServiceTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        signInAs(chair.login); // council, member of every panel
    }

    ChronologyService chronology() { return ChronologyService(session(), *kinds); }

    std::vector<ChronologyEntry> timeline(CaseId caseId)
    {
        auto entries = chronology().timeline(caseId);
        EXPECT_TRUE(entries.ok()) << (entries.ok() ? "" : entries.error().message.toStdString());
        return entries.ok() ? *entries : std::vector<ChronologyEntry>{};
    }

    // The stages from `from` to `to` by the kind's allowed moves (shortest route), excluding `from`.
    static QStringList route(const PanelKind& kind, const QString& from, const QString& to)
    {
        QHash<QString, QString> cameFrom;
        QQueue<QString> queue;
        queue.enqueue(from);
        cameFrom.insert(from, QString());
        while (!queue.isEmpty()) {
            const QString at = queue.dequeue();
            if (at == to)
                break;
            for (const QString& next : kind.nextStages(at)) {
                if (!cameFrom.contains(next)) {
                    cameFrom.insert(next, at);
                    queue.enqueue(next);
                }
            }
        }
        QStringList stages;
        for (QString at = to; cameFrom.contains(at) && at != from; at = cameFrom.value(at))
            stages.prepend(at);
        EXPECT_FALSE(stages.isEmpty()) << "no route to " << to.toStdString();
        return stages;
    }

    static QString reasonFor(const StageDefinition& stage)
    {
        if (!stage.needsReason)
            return {};
        return stage.reasons.isEmpty() ? QStringLiteral("Agreed at panel") : stage.reasons.first().key;
    }

    // Moves the case stage by stage to `to`, an hour apart; returns the summaries the moves should make.
    QStringList moveTo(const CaseRecord& record, const PanelKind& kind, const QString& to)
    {
        QStringList expected;
        QString at = record.stage;
        for (const QString& next : route(kind, record.stage, to)) {
            store.clock.advanceSeconds(3600);
            const StageDefinition* stage = kind.stage(next);
            const QString reason = reasonFor(*stage);
            Status moved = caseService().moveStage(record.id, next, reason);
            EXPECT_TRUE(moved.ok()) << next.toStdString() << ": "
                                    << (moved.ok() ? "" : moved.error().message.toStdString());
            QString summary = QStringLiteral("Moved from %1 to %2").arg(kind.stage(at)->label, stage->label);
            if (!reason.isEmpty())
                summary += QStringLiteral(" — reason: ") +
                           (stage->reasons.isEmpty() ? reason : stage->reasons.first().label);
            expected << summary;
            at = next;
        }
        return expected;
    }

    static void expectOldestFirst(const std::vector<ChronologyEntry>& entries)
    {
        for (std::size_t i = 1; i < entries.size(); ++i)
            EXPECT_LE(entries[i - 1].atUtc, entries[i].atUtc) << "entry " << i << " is out of order";
    }
};

TEST_F(ChronologyServiceTest, Timeline_HoldsEveryKindOfEntryOldestFirst)
{
    const PanelKind& channel = kindOf(channelPanelId);
    const CaseRecord record = createCase(channelPanelId, QStringLiteral("Alex Taylor"));
    // The exit stage is the one that schedules the 6- and 12-month reviews.
    QString exitStage;
    for (const StageDefinition& stage : channel.stages) {
        if (!channel.reviewsOnEnter.value(stage.key).isEmpty())
            exitStage = stage.key;
    }
    ASSERT_FALSE(exitStage.isEmpty()) << "Channel schedules reviews on exit";

    store.clock.advanceSeconds(3600);
    NoteService notes(session());
    NoteService::NewNote fact;
    fact.body = QStringLiteral("School reports a change in behaviour.");
    auto note = notes.add(record.id, fact);
    ASSERT_TRUE(note.ok());

    store.clock.advanceSeconds(3600);
    ActionService actions(session());
    ActionService::NewAction task;
    task.description =
        QStringLiteral("Arrange an introduction to the mentor and agree how often they will meet");
    task.ownerAgencyId = policeId;
    auto action = actions.add(record.id, task);
    ASSERT_TRUE(action.ok()) << action.error().message.toStdString();

    store.clock.advanceSeconds(3600);
    ASSERT_TRUE(actions.update(action->id, CaseAction::Status::Done, QStringLiteral("Met on Tuesday")).ok());

    store.clock.advanceSeconds(3600);
    Consent consent;
    consent.givenBy = Consent::GivenBy::Individual;
    consent.state = Consent::State::Given;
    consent.onDate = today();
    consent.scope = QStringLiteral("Support plan");
    ASSERT_TRUE(caseService().recordConsent(record.id, consent).ok());
    const QString consentDate = QLocale().toString(today(), QStringLiteral("d MMM yyyy"));

    const QStringList moves = moveTo(record, channel, exitStage);
    const QList<ScheduledReview> scheduled = channel.reviewsOnEnter.value(exitStage);

    store.clock.advanceSeconds(3600);
    ASSERT_TRUE(
        notes.correct(note->id, QStringLiteral("School reports a marked change."), QStringLiteral("Wording"))
            .ok());

    advanceDays(200);
    auto reviews = caseService().scheduledReviews(record.id);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), static_cast<std::size_t>(scheduled.size()));
    const ScheduledReviewRecord firstReview = *std::min_element(
        reviews->begin(), reviews->end(), [](const auto& a, const auto& b) { return a.dueDate < b.dueDate; });
    ASSERT_TRUE(caseService().completeReview(firstReview.id, today(), QStringLiteral("No concerns")).ok());

    const std::vector<ChronologyEntry> entries = timeline(record.id);
    expectOldestFirst(entries);

    using K = ChronologyEntry::Kind;
    std::vector<std::pair<K, QString>> expected = {
        {K::Stage, QStringLiteral("Case opened at %1").arg(channel.stage(channel.initialStage)->label)},
        {K::Note, QStringLiteral("Note added by Durham County Council (fact)")},
        {K::Action,
         QStringLiteral("Action for Durham Constabulary: Arrange an introduction to the mentor and agree "
                        "how often…")},
        {K::ActionUpdate, QStringLiteral("Action for Durham Constabulary updated: Done — Met on Tuesday")},
        {K::Consent,
         QStringLiteral("Consent given by the individual on %1 — scope: Support plan").arg(consentDate)},
    };
    for (const QString& move : moves)
        expected.push_back({K::Stage, move});
    QList<ScheduledReviewRecord> byDue(reviews->begin(), reviews->end());
    std::sort(byDue.begin(), byDue.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const ScheduledReviewRecord& review : byDue)
        expected.push_back(
            {K::Review,
             QStringLiteral("%1 scheduled for %2")
                 .arg(review.label, QLocale().toString(review.dueDate, QStringLiteral("d MMM yyyy")))});
    expected.push_back(
        {K::Note, QStringLiteral("Note from Durham County Council corrected (version 2) — reason: "
                                 "Wording")});
    expected.push_back(
        {K::Review, QStringLiteral("%1 completed on %2 — outcome: No concerns")
                        .arg(firstReview.label, QLocale().toString(today(), QStringLiteral("d MMM yyyy")))});

    ASSERT_EQ(entries.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(entries[i].kind, expected[i].first);
        EXPECT_EQ(entries[i].summary, expected[i].second);
    }
    EXPECT_EQ(entries[1].byName, QStringLiteral("Chris Chair"));
    EXPECT_EQ(entries[1].sourceId, note->id.value());
}

TEST_F(ChronologyServiceTest, Timeline_ShowsStageReasonsByLabel)
{
    const PanelKind& maps = kindOf(mapsPanelId);
    const CaseRecord record = createCase(mapsPanelId);
    QString closed;
    for (const StageDefinition& stage : maps.stages) {
        if (stage.isClosed && stage.needsReason)
            closed = stage.key;
    }
    ASSERT_FALSE(closed.isEmpty()) << "MAPS closes with a reason";
    const QStringList moves = moveTo(record, maps, closed);

    const std::vector<ChronologyEntry> entries = timeline(record.id);
    ASSERT_EQ(entries.size(), static_cast<std::size_t>(moves.size()) + 1);
    EXPECT_EQ(entries.back().summary, moves.back());
    EXPECT_TRUE(entries.back().summary.contains(QStringLiteral(" — reason: ")));
    EXPECT_EQ(entries.back().byName, QStringLiteral("Chris Chair"));
}

TEST_F(ChronologyServiceTest, Timeline_ShowsTimeSeriesValues)
{
    const PanelKind& meam = kindOf(meamPanelId);
    const FieldDefinition* series = nullptr;
    for (const FieldDefinition& field : meam.fields) {
        if (field.isTimeSeries)
            series = &field;
    }
    ASSERT_NE(series, nullptr) << "MEAM records a score over time";
    const CaseRecord record = createCase(meamPanelId);
    store.clock.advanceSeconds(3600);
    const QVariant value = sampleValue(*series, today());
    ASSERT_TRUE(caseService().recordFieldValue(record.id, series->key, value, today()).ok());

    const std::vector<ChronologyEntry> entries = timeline(record.id);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().kind, ChronologyEntry::Kind::Field);
    EXPECT_TRUE(entries.back().summary.startsWith(series->label + QStringLiteral(" recorded: ")))
        << entries.back().summary.toStdString();
    EXPECT_TRUE(entries.back().summary.endsWith(
        QStringLiteral("(as at %1)").arg(QLocale().toString(today(), QStringLiteral("d MMM yyyy")))));
}

// A screen showing a field's history reads the value from typed fields, never from the sentence, so
// translating the sentence cannot empty the history.
TEST_F(ChronologyServiceTest, TimeSeriesValues_CarryTheirFieldValueAndDayTyped)
{
    const CaseRecord record = createCase(meamPanelId);
    store.clock.advanceSeconds(3600);
    const QDate lastWeek = today().addDays(-7);
    ASSERT_TRUE(caseService().recordFieldValue(record.id, QStringLiteral("ndtScore"), 31, lastWeek).ok());

    const std::vector<ChronologyEntry> entries = timeline(record.id);
    ASSERT_FALSE(entries.empty());
    const ChronologyEntry& entry = entries.back();
    ASSERT_EQ(entry.kind, ChronologyEntry::Kind::Field);
    ASSERT_TRUE(entry.fieldValue);
    EXPECT_EQ(entry.fieldValue->fieldKey, QStringLiteral("ndtScore"));
    EXPECT_EQ(entry.fieldValue->valueLabel, QStringLiteral("31"));
    EXPECT_EQ(entry.fieldValue->asAt, lastWeek);
    for (const ChronologyEntry& other : entries) {
        if (other.kind != ChronologyEntry::Kind::Field) {
            EXPECT_FALSE(other.fieldValue) << other.summary.toStdString();
        }
    }
}

TEST_F(ChronologyServiceTest, Reading_IsAuditedOncePerCallWithoutDetail)
{
    const CaseRecord record = createCase(mapsPanelId);
    const QString caseAudit = QStringLiteral("case:%1").arg(record.reference);
    timeline(record.id);
    timeline(record.id);
    EXPECT_EQ(auditCount(QStringLiteral("case.chronology"), caseAudit), 2);
    ASSERT_TRUE(lastAuditEvent());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("case.chronology"));
    EXPECT_EQ(lastAuditEvent()->actor, chair.login);
    EXPECT_TRUE(lastAuditEvent()->detail.isEmpty());
}

TEST_F(ChronologyServiceTest, NeedToKnow_NonMembersAndAdministratorsAreRefusedAndAudited)
{
    const CaseRecord record = createCase(mapsPanelId);
    const QString caseAudit = QStringLiteral("case:%1").arg(record.reference); // refusals too
    for (const QString& login : {outsider.login, QString::fromLatin1(TestSession::AdminLogin)}) {
        SCOPED_TRACE(login.toStdString());
        signInAs(login);
        const int deniedBefore = auditCount(QStringLiteral("access.denied"), caseAudit);
        auto entries = chronology().timeline(record.id);
        ASSERT_FALSE(entries.ok());
        EXPECT_EQ(entries.error().code, ErrorCode::AccessDenied);
        EXPECT_EQ(auditCount(QStringLiteral("access.denied"), caseAudit), deniedBefore + 1);
        EXPECT_EQ(auditCount(QStringLiteral("case.chronology")), 0);
    }
}

} // namespace

} // namespace confer::test
