// Caldicott principle 4: access to personal confidential data on a strict need-to-know basis. Checked on
// what the store really compiles: every statement the read models prepare while a user reads (caseload,
// dashboard, the case file with its consents and reviews, actions, chronology, notes) either keeps to
// CaseAccess::visibleCases or is one of the statements with which CaseAccess decides access
// (tests/support/CaseDataReads).
#include "CaseDataReads.h"

#include "CaseloadFixture.h"
#include "caseload/ActionService.h"
#include "caseload/CaseAccess.h"
#include "caseload/CaseloadQuery.h"
#include "caseload/ChronologyService.h"
#include "caseload/DashboardService.h"
#include "caseload/NoteService.h"
#include "session/Session.h"
#include "store/Statement.h"

using namespace confer;
using namespace confer::test;

namespace {

// Readable lists in failure messages.
std::string lines(const QStringList& list)
{
    return list.join(QLatin1Char('\n')).toStdString();
}

// Chair.one, who sits on all four panels, builds one case on each with something in every case table:
// notes (one corrected), an action with an update, a Channel case taken through consent to exit (stage
// history, consent, scheduled reviews), and MEAM's new-directions score (field history).
class Caldicott4NeedToKnow : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
        mapsCase = createCase(mapsPanelId, QStringLiteral("Harper Lowes")).id;
        iomCase = createCase(iomPanelId, QStringLiteral("Dale Smithers")).id;
        meamCase = createCase(meamPanelId, QStringLiteral("Morgan Smith")).id;
        channelCase = createCase(channelPanelId, QStringLiteral("Rowan Tate")).id;
        NoteService notes(session());
        NoteService::NewNote note;
        note.body = QStringLiteral("Seen at the day centre.");
        auto added = notes.add(mapsCase, note);
        ASSERT_TRUE(added.ok());
        noteId = added->id;
        ASSERT_TRUE(
            notes.correct(noteId, QStringLiteral("Seen at the drop-in."), QStringLiteral("Wrong place"))
                .ok());
        ActionService actions(session());
        auto action = actions.add(mapsCase, {QStringLiteral("Arrange a home visit"), policeId, {}, today()});
        ASSERT_TRUE(action.ok());
        actionId = action->id;
        ASSERT_TRUE(actions.update(actionId, CaseAction::Status::Done, QStringLiteral("Visited")).ok());
        CaseService cases = caseService();
        for (const char* stage : {"screening", "adopted"})
            ASSERT_TRUE(cases.moveStage(channelCase, QString::fromLatin1(stage)).ok());
        Consent consent;
        consent.onDate = today();
        consent.scope = QStringLiteral("Mentoring support");
        ASSERT_TRUE(cases.recordConsent(channelCase, consent).ok());
        for (const char* stage : {"support", "review", "exit"})
            ASSERT_TRUE(cases.moveStage(channelCase, QString::fromLatin1(stage)).ok());
        ASSERT_TRUE(cases.recordFieldValue(meamCase, QStringLiteral("ndtScore"), 31, today()).ok());
    }

    // Every read call of the read models, on every case, as whoever is signed in; refusals included.
    void readEverything()
    {
        CaseloadQuery query(session(), *kinds);
        std::vector<CaseloadQuery::Filter> filters(4);
        filters[1].text = QStringLiteral("smith");
        filters[2].includesClosed = true;
        filters[2].risk = Risk::Unassessed;
        filters[3].text = QStringLiteral("r");
        filters[3].panelId = mapsPanelId;
        for (const CaseloadQuery::Filter& filter : filters) {
            (void)query.count(filter);
            for (auto key : {CaseloadQuery::SortKey::NextReview, CaseloadQuery::SortKey::Subject})
                (void)query.page(filter, {key, true}, 0, 50);
        }
        (void)DashboardService(session(), *kinds).figures();
        ActionService actions(session());
        NoteService notes(session());
        ChronologyService chronology(session(), *kinds);
        CaseService cases = caseService();
        for (qint64 caseId : {mapsCase, iomCase, meamCase, channelCase}) {
            (void)cases.open(caseId);
            (void)cases.consents(caseId);
            (void)cases.scheduledReviews(caseId);
            (void)cases.reviewDue(caseId);
            (void)actions.forCase(caseId);
            (void)notes.latestVersions(caseId);
            (void)chronology.timeline(caseId);
        }
        (void)actions.updates(actionId);
        (void)actions.forAgency(policeId, false);
        (void)actions.forAgency(policeId, true);
        (void)notes.history(noteId);
    }

    // Reads everything as login and returns each statement that broke need-to-know.
    QStringList breachesReadingAs(const QString& login, CaseDataReads** kept = nullptr)
    {
        signInAs(login);
        m_reads = std::make_unique<CaseDataReads>(session());
        readEverything();
        if (kept)
            *kept = m_reads.get();
        return m_reads->breaches();
    }

    qint64 mapsCase = 0;
    qint64 iomCase = 0;
    qint64 meamCase = 0;
    qint64 channelCase = 0;
    qint64 noteId = 0;
    qint64 actionId = 0;

private:
    std::unique_ptr<CaseDataReads> m_reads;
};

TEST_F(Caldicott4NeedToKnow, EveryReadOfCaseDataByAMemberOfEveryPanelKeepsToTheCasesOfTheirPanels)
{
    CaseDataReads* reads = nullptr;
    const QStringList breaches = breachesReadingAs(chair.login, &reads);
    EXPECT_TRUE(breaches.isEmpty()) << lines(breaches);
    // The check saw real reads: every table of case data was read by some statement, many times over.
    const QStringList tables = reads->caseDataTables();
    for (const char* table : {"cases", "subjects", "case_search", "notes", "actions", "action_updates",
                              "consents", "scheduled_reviews", "case_stage_history", "case_field_history"})
        EXPECT_TRUE(tables.contains(QString::fromLatin1(table))) << table << " is not counted as case data";
    const QSet<QString> read = reads->caseDataTablesRead();
    for (const QString& table : tables) {
        // The search index's own tables are read by FTS4 itself, below the statements.
        if (!table.startsWith(QLatin1String("case_search_"))) {
            EXPECT_TRUE(read.contains(table)) << table.toStdString() << " was never read";
        }
    }
    EXPECT_GE(reads->caseDataStatementCount(), 40);
}

TEST_F(Caldicott4NeedToKnow, EveryReadOfCaseDataBySomeoneOnTwoOfThePanelsKeepsToTheCasesOfTheirPanels)
{
    CaseDataReads* reads = nullptr;
    const QStringList breaches = breachesReadingAs(member.login, &reads);
    EXPECT_TRUE(breaches.isEmpty()) << lines(breaches);
    EXPECT_GE(reads->caseDataStatementCount(), 20);
}

TEST_F(Caldicott4NeedToKnow, EveryReadOfCaseDataBySomeoneOnAnotherPanelKeepsToTheCasesOfTheirPanel)
{
    const QStringList breaches = breachesReadingAs(outsider.login);
    EXPECT_TRUE(breaches.isEmpty()) << lines(breaches);
}

TEST_F(Caldicott4NeedToKnow, AnAdministratorOnNoPanelReadsNoCaseData)
{
    CaseDataReads* reads = nullptr;
    const QStringList breaches = breachesReadingAs(QString::fromLatin1(TestSession::AdminLogin), &reads);
    EXPECT_TRUE(breaches.isEmpty()) << lines(breaches);
}

// The check has teeth: statements written without the one access path are caught, however they read case
// data, and the access path itself passes.
TEST_F(Caldicott4NeedToKnow, AReadOfCaseDataWrittenWithoutCaseAccessIsCaught)
{
    signInAs(member.login);
    const QString visible = CaseAccess(session()).visibleCases(QStringLiteral("c"));
    QString someoneElses = visible;
    someoneElses.replace(QStringLiteral("user_id = %1").arg(member.id),
                         QStringLiteral("user_id = %1").arg(outsider.id));
    ASSERT_NE(someoneElses, visible);
    const QStringList bypasses{
        // No condition at all.
        QStringLiteral("SELECT body FROM notes WHERE case_id = 1"),
        // Membership joined by hand, as the services once did: right today, but not the one rule.
        QStringLiteral("SELECT n.body FROM notes n JOIN cases c ON c.id = n.case_id JOIN panel_members m "
                       "ON m.panel_id = c.panel_id AND m.user_id = %1")
            .arg(member.id),
        // No column of case data read, yet it counts cases (only the query plan shows the table).
        QStringLiteral("SELECT count(*) FROM cases"),
        // The condition for someone else.
        QStringLiteral("SELECT c.reference FROM cases c WHERE ") + someoneElses,
        // The condition written down but never applied.
        QStringLiteral("SELECT s.name FROM subjects s /* %1 */").arg(visible),
        // The search index read for names.
        QStringLiteral("SELECT docid FROM case_search WHERE case_search MATCH 'harper*'"),
    };
    CaseDataReads reads(session());
    for (const QString& sql : bypasses)
        ASSERT_TRUE(session().database().prepare(sql).ok()) << sql.toStdString();
    ASSERT_TRUE(
        session()
            .database()
            .prepare(QStringLiteral("SELECT n.body FROM notes n JOIN cases c ON c.id = n.case_id WHERE ") +
                     visible)
            .ok());
    const std::vector<Database::StatementReads>& statements = reads.statements();
    ASSERT_EQ(statements.size(), std::size_t(bypasses.size() + 1));
    for (std::size_t i = 0; i < std::size_t(bypasses.size()); ++i)
        EXPECT_FALSE(reads.breach(statements[i]).isEmpty())
            << "not caught: " << statements[i].sql.toStdString();
    EXPECT_EQ(reads.breach(statements.back()), QString()) << "the access path itself was refused";
    EXPECT_EQ(reads.breaches().size(), bypasses.size());
}

} // namespace
