#include "caseload/NoteService.h"

#include "CaseloadFixture.h"
#include "audit/AuditLog.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

namespace confer::test {

namespace {

class NoteServiceTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        signInAs(member.login); // police, member of Easington MAPS
        caseRecord = createCase(mapsPanelId, QStringLiteral("Jordan Smith"));
        caseAudit = QStringLiteral("case:%1").arg(caseRecord.reference);
        deniedRecord = caseAudit; // refusals name the case by its reference too
    }

    NoteService notes() { return NoteService(session()); }

    static NoteService::NewNote fact(const QString& body, std::optional<AgencyId> agencyId = std::nullopt)
    {
        NoteService::NewNote note;
        note.agencyId = agencyId;
        note.body = body;
        return note;
    }

    Note addNote(const NoteService::NewNote& note)
    {
        auto added = notes().add(caseRecord.id, note);
        EXPECT_TRUE(added.ok()) << (added.ok() ? "" : added.error().message.toStdString());
        return added.ok() ? *added : Note{};
    }

    int noteRows()
    {
        auto row = session().database().prepare(QStringLiteral("SELECT count(*) FROM notes"));
        EXPECT_TRUE(row.ok());
        EXPECT_TRUE(row->step().ok());
        return static_cast<int>(row->columnInt(0));
    }

    CaseRecord caseRecord;
    QString caseAudit;    // how changes to the case are recorded
    QString deniedRecord; // how CaseAccess records a refusal: by id, which needs no read of the case
};

TEST_F(NoteServiceTest, Note_RecordsOriginatingAgencyAuthorAndFact)
{
    const Note note = addNote(fact(QStringLiteral("Seen at the address on Monday.")));

    EXPECT_EQ(note.caseId, caseRecord.id);
    EXPECT_EQ(note.agencyId, policeId) << "an unset agency is the author's own";
    EXPECT_EQ(note.agencyName, QStringLiteral("Durham Constabulary"));
    EXPECT_EQ(note.authorUserId, member.id);
    EXPECT_EQ(note.authorName, QStringLiteral("Morgan Member"));
    EXPECT_FALSE(note.isOpinion);
    EXPECT_EQ(note.version, 1);
    EXPECT_EQ(note.threadId, note.id);
    EXPECT_EQ(note.marking, Marking::OfficialSensitive);
    EXPECT_EQ(note.body, QStringLiteral("Seen at the address on Monday."));
    EXPECT_EQ(note.atUtc, store.clock.nowUtc());
    EXPECT_EQ(auditCount(QStringLiteral("note.add"), caseAudit), 1);
    ASSERT_TRUE(lastAuditEvent());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("note:%1").arg(note.threadId.value()));
}

TEST_F(NoteServiceTest, Note_OpinionIsMarkedWithItsBasisAndAnotherAgencyCanBeTheOriginator)
{
    NoteService::NewNote opinion = fact(QStringLiteral("Likely to be exploited by older peers."), councilId);
    opinion.isOpinion = true;
    opinion.opinionBasis = QStringLiteral("Three home visits by the youth worker");
    opinion.marking = Marking::Official;
    addNote(opinion);

    auto latest = notes().latestVersions(caseRecord.id);
    ASSERT_TRUE(latest.ok());
    ASSERT_EQ(latest->size(), 1u);
    const Note& read = latest->front();
    EXPECT_TRUE(read.isOpinion);
    EXPECT_EQ(read.opinionBasis, QStringLiteral("Three home visits by the youth worker"));
    EXPECT_EQ(read.agencyId, councilId);
    EXPECT_EQ(read.agencyName, QStringLiteral("Durham County Council"));
    EXPECT_EQ(read.authorName, QStringLiteral("Morgan Member"));
    EXPECT_EQ(read.marking, Marking::Official);
}

TEST_F(NoteServiceTest, Note_BadInputIsRefusedAndChangesNothing)
{
    const int auditBefore = static_cast<int>(auditEvents().size());

    NoteService::NewNote opinion = fact(QStringLiteral("Probably dealing from the flat."));
    opinion.isOpinion = true;
    opinion.opinionBasis = QStringLiteral("   ");
    auto noBasis = notes().add(caseRecord.id, opinion); // Thurrock 5.3.1 d)
    ASSERT_FALSE(noBasis.ok());
    EXPECT_EQ(noBasis.error().code, ErrorCode::InvalidInput);

    auto empty = notes().add(caseRecord.id, fact(QStringLiteral(" \n ")));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidInput);

    auto unknownAgency = notes().add(caseRecord.id, fact(QStringLiteral("Text"), AgencyId(9999)));
    ASSERT_FALSE(unknownAgency.ok());
    EXPECT_EQ(unknownAgency.error().code, ErrorCode::InvalidInput);

    EXPECT_EQ(noteRows(), 0);
    EXPECT_EQ(static_cast<int>(auditEvents().size()), auditBefore);
}

TEST_F(NoteServiceTest, Note_WithoutAnAgencyOfTheirOwnTheAuthorMustChooseOne)
{
    signInAsAdmin();
    ASSERT_TRUE(agencyService().setUserAgency(member.id, std::nullopt).ok());
    signInAs(member.login);

    auto refused = notes().add(caseRecord.id, fact(QStringLiteral("Text")));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(notes().add(caseRecord.id, fact(QStringLiteral("Text"), councilId)).ok());
}

TEST_F(NoteServiceTest, Correction_IsANewVersionAndKeepsTheOld)
{
    NoteService::NewNote opinion = fact(QStringLiteral("Attends the day centre weekly."));
    opinion.isOpinion = true;
    opinion.opinionBasis = QStringLiteral("Centre register");
    const Note first = addNote(opinion);
    store.clock.advanceSeconds(3600);

    auto corrected = notes().correct(first.id, QStringLiteral("Attends the day centre fortnightly."),
                                     QStringLiteral("Register misread"));
    ASSERT_TRUE(corrected.ok()) << corrected.error().message.toStdString();
    EXPECT_EQ(corrected->threadId, first.threadId);
    EXPECT_EQ(corrected->version, 2);
    EXPECT_NE(corrected->id, first.id);
    EXPECT_EQ(corrected->agencyId, policeId);
    EXPECT_TRUE(corrected->isOpinion) << "a correction keeps the thread's fact/opinion marking";
    EXPECT_EQ(corrected->opinionBasis, QStringLiteral("Centre register"));
    EXPECT_EQ(corrected->correctionReason, QStringLiteral("Register misread"));
    EXPECT_EQ(corrected->atUtc, store.clock.nowUtc());

    // Correcting through the old version's id continues the same thread.
    store.clock.advanceSeconds(60);
    auto third = notes().correct(first.id, QStringLiteral("Attends the day centre monthly."),
                                 QStringLiteral("Centre confirmed"));
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->version, 3);

    auto history = notes().history(corrected->id);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ((*history)[0].version, 1);
    EXPECT_EQ((*history)[0].body, QStringLiteral("Attends the day centre weekly."));
    EXPECT_EQ((*history)[0].correctionReason, QString());
    EXPECT_EQ((*history)[1].version, 2);
    EXPECT_EQ((*history)[2].version, 3);
    EXPECT_EQ((*history)[2].body, QStringLiteral("Attends the day centre monthly."));

    auto latest = notes().latestVersions(caseRecord.id);
    ASSERT_TRUE(latest.ok());
    ASSERT_EQ(latest->size(), 1u);
    EXPECT_EQ(latest->front().version, 3);
    EXPECT_EQ(latest->front().body, QStringLiteral("Attends the day centre monthly."));

    EXPECT_EQ(auditCount(QStringLiteral("note.correct"), caseAudit), 2);
    ASSERT_TRUE(lastAuditEvent());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("note:%1 v3").arg(first.threadId.value()));
}

TEST_F(NoteServiceTest, Correction_NeedsABodyAndAReasonAndUnknownNotesAreNotFound)
{
    const Note first = addNote(fact(QStringLiteral("Original")));
    const int auditBefore = static_cast<int>(auditEvents().size());

    auto noReason = notes().correct(first.id, QStringLiteral("Changed"), QStringLiteral(" "));
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.error().code, ErrorCode::InvalidInput);
    auto noBody = notes().correct(first.id, QString(), QStringLiteral("Typo"));
    ASSERT_FALSE(noBody.ok());
    EXPECT_EQ(noBody.error().code, ErrorCode::InvalidInput);
    auto missing =
        notes().correct(NoteId(first.id.value() + 1000), QStringLiteral("Changed"), QStringLiteral("Typo"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    EXPECT_EQ(noteRows(), 1);
    EXPECT_EQ(static_cast<int>(auditEvents().size()), auditBefore);
}

TEST_F(NoteServiceTest, Correction_OnlyByTheOriginatingAgencyOrTheOriginalAuthor)
{
    const Note policeNote = addNote(fact(QStringLiteral("Police saw him"))); // by member.one, police

    // The chair works for the council and did not write it: refused, and the refusal is audited.
    signInAs(chair.login);
    auto refused = notes().correct(policeNote.id, QStringLiteral("Changed"), QStringLiteral("Mine now"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::AccessDenied);
    ASSERT_TRUE(lastAuditEvent());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    EXPECT_EQ(lastAuditEvent()->record, deniedRecord);
    EXPECT_TRUE(lastAuditEvent()->detail.startsWith(QStringLiteral("note.correct")));
    EXPECT_EQ(noteRows(), 1);

    // The chair minutes something the police said: the chair, as its author, may correct it ...
    auto minuted = notes().add(caseRecord.id, fact(QStringLiteral("Police report a new address"), policeId));
    ASSERT_TRUE(minuted.ok());
    auto byAuthor = notes().correct(minuted->id, QStringLiteral("Police report a new flat"),
                                    QStringLiteral("Wrong word"));
    ASSERT_TRUE(byAuthor.ok()) << byAuthor.error().message.toStdString();
    EXPECT_EQ(byAuthor->agencyId, policeId) << "the thread's agency is kept";

    // ... and so may anyone from the police, the originating agency; the agency stays the police.
    signInAs(member.login);
    auto byAgency = notes().correct(minuted->id, QStringLiteral("Police report a new flat nearby"),
                                    QStringLiteral("More precise"));
    ASSERT_TRUE(byAgency.ok()) << byAgency.error().message.toStdString();
    EXPECT_EQ(byAgency->version, 3);
    EXPECT_EQ(byAgency->agencyId, policeId);
    EXPECT_EQ(byAgency->authorUserId, member.id);
}

TEST_F(NoteServiceTest, Store_RefusesToEditANoteInPlace)
{
    const Note note = addNote(fact(QStringLiteral("Original text")));

    Status edited = session().database().exec(
        QStringLiteral("UPDATE notes SET body = 'rewritten' WHERE id = %1").arg(note.id.value()));
    EXPECT_FALSE(edited.ok()) << "the notes_no_update trigger must refuse UPDATE";

    auto latest = notes().latestVersions(caseRecord.id);
    ASSERT_TRUE(latest.ok());
    ASSERT_EQ(latest->size(), 1u);
    EXPECT_EQ(latest->front().body, QStringLiteral("Original text"));
}

TEST_F(NoteServiceTest, LatestVersions_OnePerThreadNewestFirstWithoutMovingCorrectedNotes)
{
    const Note oldest = addNote(fact(QStringLiteral("First")));
    store.clock.advanceSeconds(60);
    const Note middle = addNote(fact(QStringLiteral("Second")));
    store.clock.advanceSeconds(60);
    const Note newest = addNote(fact(QStringLiteral("Third")));
    store.clock.advanceSeconds(60);
    ASSERT_TRUE(notes().correct(oldest.id, QStringLiteral("First, corrected"), QStringLiteral("Typo")).ok());

    auto latest = notes().latestVersions(caseRecord.id);
    ASSERT_TRUE(latest.ok());
    ASSERT_EQ(latest->size(), 3u);
    EXPECT_EQ((*latest)[0].threadId, newest.threadId);
    EXPECT_EQ((*latest)[1].threadId, middle.threadId);
    EXPECT_EQ((*latest)[2].threadId, oldest.threadId);
    EXPECT_EQ((*latest)[2].body, QStringLiteral("First, corrected"));
    EXPECT_EQ((*latest)[2].version, 2);
}

TEST_F(NoteServiceTest, NeedToKnow_NonMembersAndAdministratorsAreRefusedEverywhereAndAudited)
{
    const Note note = addNote(fact(QStringLiteral("Only for the panel")));

    for (const QString& login : {outsider.login, QString::fromLatin1(TestSession::AdminLogin)}) {
        SCOPED_TRACE(login.toStdString());
        signInAs(login);
        const int deniedBefore = auditCount(QStringLiteral("access.denied"), deniedRecord);

        auto add = notes().add(caseRecord.id, fact(QStringLiteral("Intruding"), probationId));
        ASSERT_FALSE(add.ok());
        EXPECT_EQ(add.error().code, ErrorCode::AccessDenied);
        auto correct = notes().correct(note.id, QStringLiteral("Changed"), QStringLiteral("Because"));
        ASSERT_FALSE(correct.ok());
        EXPECT_EQ(correct.error().code, ErrorCode::AccessDenied);
        auto latest = notes().latestVersions(caseRecord.id);
        ASSERT_FALSE(latest.ok());
        EXPECT_EQ(latest.error().code, ErrorCode::AccessDenied);
        auto history = notes().history(note.id);
        ASSERT_FALSE(history.ok());
        EXPECT_EQ(history.error().code, ErrorCode::AccessDenied);

        EXPECT_EQ(auditCount(QStringLiteral("access.denied"), deniedRecord), deniedBefore + 4);
        EXPECT_EQ(noteRows(), 1);
    }
}

TEST_F(NoteServiceTest, Audit_NeverHoldsNoteTextOrTheSubjectsName)
{
    const QString body = QStringLiteral("Zebedee disclosed debts to Quentin Marsh");
    const QString reason = QStringLiteral("Misheard surname Quillfeather");
    NoteService::NewNote opinion = fact(body);
    opinion.isOpinion = true;
    opinion.opinionBasis = QStringLiteral("Conversation with Aunt Philippa");
    const Note note = addNote(opinion);
    ASSERT_TRUE(notes().correct(note.id, body + QStringLiteral(" (amended)"), reason).ok());
    ASSERT_TRUE(notes().latestVersions(caseRecord.id).ok());
    ASSERT_TRUE(notes().history(note.id).ok());
    signInAs(outsider.login);
    (void)notes().correct(note.id, QStringLiteral("Outsider text Yarrowby"),
                          QStringLiteral("Outsider reason"));

    const QStringList forbidden = {QStringLiteral("Zebedee"),      QStringLiteral("Quentin"),
                                   QStringLiteral("Quillfeather"), QStringLiteral("Philippa"),
                                   QStringLiteral("Yarrowby"),     QStringLiteral("Jordan"),
                                   QStringLiteral("Smith")};
    for (const AuditEvent& event : auditEvents()) {
        for (const QString& word : forbidden) {
            EXPECT_FALSE(event.detail.contains(word, Qt::CaseInsensitive)) << event.detail.toStdString();
            EXPECT_FALSE(event.record.contains(word, Qt::CaseInsensitive)) << event.record.toStdString();
        }
    }
}

} // namespace

} // namespace confer::test
