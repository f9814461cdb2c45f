#include "caseload/ActionService.h"

#include "CaseloadFixture.h"
#include "audit/AuditLog.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

namespace confer::test {

namespace {

class ActionServiceTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        signInAs(chair.login); // council, member of every panel
        mapsCase = createCase(mapsPanelId, QStringLiteral("Jordan Smith"));
        caseAudit = QStringLiteral("case:%1").arg(mapsCase.reference);
        deniedRecord = caseAudit; // refusals name the case by its reference too
    }

    ActionService actions() { return ActionService(session()); }

    static ActionService::NewAction newAction(const QString& description, AgencyId agencyId,
                                              std::optional<QDate> due = std::nullopt)
    {
        ActionService::NewAction action;
        action.description = description;
        action.ownerAgencyId = agencyId;
        action.ownerPerson = QStringLiteral("PC Dale Moss");
        action.dueDate = due;
        return action;
    }

    CaseAction addAction(CaseId caseId, const ActionService::NewAction& action)
    {
        auto added = actions().add(caseId, action);
        EXPECT_TRUE(added.ok()) << (added.ok() ? "" : added.error().message.toStdString());
        return added.ok() ? *added : CaseAction{};
    }

    int rows(const char* table)
    {
        auto row =
            session().database().prepare(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        EXPECT_TRUE(row.ok());
        EXPECT_TRUE(row->step().ok());
        return static_cast<int>(row->columnInt(0));
    }

    CaseRecord mapsCase;
    QString caseAudit;    // how changes to the case are recorded
    QString deniedRecord; // how CaseAccess records a refusal: by id, which needs no read of the case
};

TEST_F(ActionServiceTest, Add_RecordsOwnerAgencyPersonDueDateAndIsAudited)
{
    const QDate due = today().addDays(14);
    const CaseAction action =
        addAction(mapsCase.id, newAction(QStringLiteral("Visit the address with housing"), policeId, due));

    EXPECT_EQ(action.caseId, mapsCase.id);
    EXPECT_EQ(action.caseReference, mapsCase.reference);
    EXPECT_EQ(action.description, QStringLiteral("Visit the address with housing"));
    EXPECT_EQ(action.ownerAgencyId, policeId);
    EXPECT_EQ(action.ownerAgencyName, QStringLiteral("Durham Constabulary"));
    EXPECT_EQ(action.ownerPerson, QStringLiteral("PC Dale Moss"));
    ASSERT_TRUE(action.dueDate);
    EXPECT_EQ(*action.dueDate, due);
    EXPECT_EQ(action.status, CaseAction::Status::Open);
    EXPECT_FALSE(action.isOverdue);
    EXPECT_EQ(action.createdUtc, store.clock.nowUtc());
    EXPECT_EQ(auditCount(QStringLiteral("action.add"), caseAudit), 1);
    ASSERT_TRUE(lastAuditEvent());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("action:%1").arg(action.id.value()));
}

TEST_F(ActionServiceTest, Add_BadInputIsRefusedAndChangesNothing)
{
    const int auditBefore = static_cast<int>(auditEvents().size());
    auto noDescription = actions().add(mapsCase.id, newAction(QStringLiteral("  "), policeId));
    ASSERT_FALSE(noDescription.ok());
    EXPECT_EQ(noDescription.error().code, ErrorCode::InvalidInput);
    auto noSuchAgency = actions().add(mapsCase.id, newAction(QStringLiteral("Visit"), AgencyId(9999)));
    ASSERT_FALSE(noSuchAgency.ok());
    EXPECT_EQ(noSuchAgency.error().code, ErrorCode::InvalidInput);
    auto badDate =
        actions().add(mapsCase.id, newAction(QStringLiteral("Visit"), policeId, QDate(2026, 2, 30)));
    ASSERT_FALSE(badDate.ok());
    EXPECT_EQ(badDate.error().code, ErrorCode::InvalidInput);

    EXPECT_EQ(rows("actions"), 0);
    EXPECT_EQ(static_cast<int>(auditEvents().size()), auditBefore);
}

TEST_F(ActionServiceTest, Update_KeepsATrailAndChangesTheStatusInOneGo)
{
    const CaseAction action =
        addAction(mapsCase.id, newAction(QStringLiteral("Refer to tenancy support"), councilId));
    store.clock.advanceSeconds(3600);
    ASSERT_TRUE(
        actions().update(action.id, CaseAction::Status::Open, QStringLiteral("Referral drafted")).ok());
    store.clock.advanceSeconds(3600);
    const QDateTime doneAt = store.clock.nowUtc();
    ASSERT_TRUE(
        actions().update(action.id, CaseAction::Status::Done, QStringLiteral("Accepted by provider")).ok());

    auto trail = actions().updates(action.id);
    ASSERT_TRUE(trail.ok());
    ASSERT_EQ(trail->size(), 2u);
    EXPECT_EQ((*trail)[0].status, CaseAction::Status::Open);
    EXPECT_EQ((*trail)[0].text, QStringLiteral("Referral drafted"));
    EXPECT_EQ((*trail)[1].status, CaseAction::Status::Done);
    EXPECT_EQ((*trail)[1].text, QStringLiteral("Accepted by provider"));
    EXPECT_EQ((*trail)[1].byName, QStringLiteral("Chris Chair"));
    EXPECT_EQ((*trail)[1].atUtc, doneAt);

    auto onCase = actions().forCase(mapsCase.id);
    ASSERT_TRUE(onCase.ok());
    ASSERT_EQ(onCase->size(), 1u);
    EXPECT_EQ(onCase->front().status, CaseAction::Status::Done);
    EXPECT_EQ(onCase->front().updatedUtc, doneAt);
    EXPECT_EQ(onCase->front().createdUtc, action.createdUtc);

    EXPECT_EQ(auditCount(QStringLiteral("action.update"), caseAudit), 2);
    ASSERT_TRUE(lastAuditEvent());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("action:%1 status=done").arg(action.id.value()));
}

TEST_F(ActionServiceTest, Update_WithNothingNewIsRefusedAndUnknownActionsAreNotFound)
{
    const CaseAction action = addAction(mapsCase.id, newAction(QStringLiteral("Visit"), policeId));
    Status nothing = actions().update(action.id, CaseAction::Status::Open, QStringLiteral("   "));
    ASSERT_FALSE(nothing.ok());
    EXPECT_EQ(nothing.error().code, ErrorCode::InvalidInput);
    Status missing =
        actions().update(ActionId(action.id.value() + 100), CaseAction::Status::Done, QStringLiteral("Done"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(rows("action_updates"), 0);

    // A status change on its own is an update.
    Status statusOnly = actions().update(action.id, CaseAction::Status::NotPossible, {});
    EXPECT_TRUE(statusOnly.ok()) << statusOnly.error().message.toStdString();
    EXPECT_EQ(rows("action_updates"), 1);
}

TEST_F(ActionServiceTest, Overdue_OnlyWhenOpenAndItsDueDateHasPassed)
{
    const CaseAction action =
        addAction(mapsCase.id, newAction(QStringLiteral("Visit"), policeId, today().addDays(2)));
    const CaseAction undated = addAction(mapsCase.id, newAction(QStringLiteral("Write"), policeId));
    auto overdue = [&](ActionId id) {
        auto list = actions().forCase(mapsCase.id);
        EXPECT_TRUE(list.ok());
        for (const CaseAction& a : *list) {
            if (a.id == id)
                return a.isOverdue;
        }
        ADD_FAILURE() << "action not listed";
        return false;
    };

    EXPECT_FALSE(overdue(action.id));
    advanceDays(2);
    EXPECT_FALSE(overdue(action.id)) << "due today is not yet overdue";
    advanceDays(1);
    EXPECT_TRUE(overdue(action.id));
    EXPECT_FALSE(overdue(undated.id)) << "an action without a due date is never overdue";
    ASSERT_TRUE(actions().update(action.id, CaseAction::Status::NotDone, QStringLiteral("Moved away")).ok());
    EXPECT_FALSE(overdue(action.id)) << "a closed action is not overdue";
}

TEST_F(ActionServiceTest, ForAgency_ShowsOnlyCasesOfTheUsersPanelsOpenFirstThenByDueDate)
{
    // The chair sets police actions on a MAPS case and on an IOM case; member.one (police) sits on
    // MAPS and Channel but not IOM.
    const CaseRecord iomCase = createCase(iomPanelId, QStringLiteral("Casey Jones"));
    const CaseAction late =
        addAction(mapsCase.id, newAction(QStringLiteral("Late"), policeId, today().addDays(9)));
    const CaseAction soon =
        addAction(mapsCase.id, newAction(QStringLiteral("Soon"), policeId, today().addDays(1)));
    const CaseAction undated = addAction(mapsCase.id, newAction(QStringLiteral("Undated"), policeId));
    const CaseAction finished =
        addAction(mapsCase.id, newAction(QStringLiteral("Finished"), policeId, today().addDays(-5)));
    ASSERT_TRUE(actions().update(finished.id, CaseAction::Status::Done, QStringLiteral("Done")).ok());
    const CaseAction hidden = addAction(iomCase.id, newAction(QStringLiteral("Hidden"), policeId, today()));
    const CaseAction council = addAction(mapsCase.id, newAction(QStringLiteral("Council"), councilId));

    signInAs(member.login);
    auto all = actions().forAgency(policeId, false);
    ASSERT_TRUE(all.ok());
    std::vector<ActionId> ids;
    for (const CaseAction& action : *all)
        ids.push_back(action.id);
    EXPECT_EQ(ids, (std::vector<ActionId>{soon.id, late.id, undated.id, finished.id}));

    auto open = actions().forAgency(policeId, true);
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 3u);
    for (const CaseAction& action : *open) {
        EXPECT_EQ(action.status, CaseAction::Status::Open);
        EXPECT_NE(action.id, hidden.id);
        EXPECT_NE(action.id, council.id);
    }

    // The chair sits on IOM too and so sees the IOM action.
    signInAs(chair.login);
    auto chairs = actions().forAgency(policeId, true);
    ASSERT_TRUE(chairs.ok());
    EXPECT_EQ(chairs->size(), 4u);

    // An administrator who is on no panel sees none.
    signInAsAdmin();
    auto admins = actions().forAgency(policeId, false);
    ASSERT_TRUE(admins.ok());
    EXPECT_TRUE(admins->empty());
}

TEST_F(ActionServiceTest, NeedToKnow_NonMembersAndAdministratorsAreRefusedEverywhereAndAudited)
{
    const CaseAction action = addAction(mapsCase.id, newAction(QStringLiteral("Visit"), policeId));

    for (const QString& login : {outsider.login, QString::fromLatin1(TestSession::AdminLogin)}) {
        SCOPED_TRACE(login.toStdString());
        signInAs(login);
        const int deniedBefore = auditCount(QStringLiteral("access.denied"), deniedRecord);

        auto add = actions().add(mapsCase.id, newAction(QStringLiteral("Intruding"), probationId));
        ASSERT_FALSE(add.ok());
        EXPECT_EQ(add.error().code, ErrorCode::AccessDenied);
        Status update = actions().update(action.id, CaseAction::Status::Done, QStringLiteral("Closing it"));
        ASSERT_FALSE(update.ok());
        EXPECT_EQ(update.error().code, ErrorCode::AccessDenied);
        auto list = actions().forCase(mapsCase.id);
        ASSERT_FALSE(list.ok());
        EXPECT_EQ(list.error().code, ErrorCode::AccessDenied);
        auto trail = actions().updates(action.id);
        ASSERT_FALSE(trail.ok());
        EXPECT_EQ(trail.error().code, ErrorCode::AccessDenied);

        EXPECT_EQ(auditCount(QStringLiteral("access.denied"), deniedRecord), deniedBefore + 4);
        EXPECT_EQ(rows("actions"), 1);
        EXPECT_EQ(rows("action_updates"), 0);
    }
}

TEST_F(ActionServiceTest, Audit_NeverHoldsActionTextOwnerOrTheSubjectsName)
{
    const CaseAction action =
        addAction(mapsCase.id, newAction(QStringLiteral("Speak to Quentin about the dog"), policeId));
    ASSERT_TRUE(
        actions().update(action.id, CaseAction::Status::Done, QStringLiteral("Quentin rehomed it")).ok());
    for (const AuditEvent& event : auditEvents()) {
        for (const QString& word : {QStringLiteral("Quentin"), QStringLiteral("Dale Moss"),
                                    QStringLiteral("Jordan"), QStringLiteral("Smith")}) {
            EXPECT_FALSE(event.detail.contains(word, Qt::CaseInsensitive)) << event.detail.toStdString();
            EXPECT_FALSE(event.record.contains(word, Qt::CaseInsensitive)) << event.record.toStdString();
        }
    }
}

} // namespace

} // namespace confer::test
