#include "CaseloadFixture.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

using namespace confer;
using namespace confer::test;

namespace {

class CaseServiceTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        if (!HasFatalFailure())
            signInAs(chair.login); // a member of every panel
    }

    qint64 countRows(const QString& sql)
    {
        auto row = session().database().prepare(sql);
        EXPECT_TRUE(row.ok());
        if (!row.ok())
            return -1;
        auto hasRow = row->step();
        return hasRow.ok() && *hasRow ? row->columnInt(0) : -1;
    }
    std::vector<CaseId> searchFor(const QString& match)
    {
        auto rows = session().database().prepare(
            QStringLiteral("SELECT rowid FROM case_search WHERE case_search MATCH :match ORDER BY rowid"));
        EXPECT_TRUE(rows.ok());
        std::vector<CaseId> ids;
        if (!rows.ok())
            return ids;
        rows->bind(":match", match);
        while (true) {
            auto hasRow = rows->step();
            if (!hasRow.ok() || !*hasRow)
                break;
            ids.push_back(rows->columnId<CaseId>(0));
        }
        return ids;
    }
    // Everything a failed call could have left behind.
    QList<qint64> footprint()
    {
        QList<qint64> counts;
        for (const char* table : {"cases", "subjects", "case_search", "case_stage_history",
                                  "case_field_history", "consents", "scheduled_reviews", "audit_events"})
            counts << countRows(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
        return counts;
    }
};

} // namespace

TEST_F(CaseServiceTest, ACreatedCaseReadsBackWithEveryDetail)
{
    CaseService::NewCase request = newCase(mapsPanelId, QStringLiteral("Jordan Smith"));
    request.risk = Risk::Amber;
    request.leadProfessional = QStringLiteral("PC Hall");
    request.fields.insert(QStringLiteral("agreedOutcome"), QStringLiteral("Fewer calls"));
    auto created = caseService().create(request);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    auto opened = caseService().open(created->id);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->reference, QStringLiteral("MAPS-2026-0001"));
    EXPECT_EQ(opened->panelId, mapsPanelId);
    EXPECT_EQ(opened->stage, QStringLiteral("referred"));
    EXPECT_EQ(opened->risk, Risk::Amber);
    EXPECT_EQ(opened->referralDate, today());
    EXPECT_EQ(opened->referringAgencyId, std::optional(policeId));
    EXPECT_EQ(opened->leadProfessional, QStringLiteral("PC Hall"));
    EXPECT_EQ(opened->marking, Marking::OfficialSensitive);
    EXPECT_EQ(opened->nextReview, std::optional<QDate>(today().addDays(28))); // the kind's cadence
    EXPECT_EQ(opened->fields.value(QStringLiteral("agreedOutcome")).toString(),
              QStringLiteral("Fewer calls"));
    EXPECT_EQ(opened->fields.value(QStringLiteral("issueType")).toString(), QStringLiteral("asb"));
    EXPECT_EQ(opened->subject.name, QStringLiteral("Jordan Smith"));
    EXPECT_EQ(opened->subject.dateOfBirth, std::optional<QDate>(QDate(1990, 4, 12)));
    EXPECT_EQ(opened->createdUtc, store.clock.nowUtc());
    EXPECT_EQ(countRows(QStringLiteral("SELECT count(*) FROM case_stage_history WHERE from_stage IS NULL "
                                       "AND to_stage = 'referred'")),
              1);
}

TEST_F(CaseServiceTest, ReferencesAreNumberedPerPrefixAndPerYear)
{
    EXPECT_EQ(createCase(mapsPanelId).reference, QStringLiteral("MAPS-2026-0001"));
    EXPECT_EQ(createCase(mapsPanelId).reference, QStringLiteral("MAPS-2026-0002"));
    EXPECT_EQ(createCase(channelPanelId).reference, QStringLiteral("CHANNEL-2026-0001"));
    EXPECT_EQ(createCase(iomPanelId).reference, QStringLiteral("IOM-2026-0001"));
    EXPECT_EQ(createCase(mapsPanelId).reference, QStringLiteral("MAPS-2026-0003"));
    advanceDays(365); // 2027-01-05 by the session clock
    EXPECT_EQ(createCase(mapsPanelId).reference, QStringLiteral("MAPS-2027-0001"));
    EXPECT_EQ(createCase(channelPanelId).reference, QStringLiteral("CHANNEL-2027-0001"));
}

TEST_F(CaseServiceTest, ReferenceGrowsBeyondFourDigitsWhenNeeded)
{
    const CaseRecord first = createCase(mapsPanelId);
    // Stand in for 9,998 more cases this year: renumber the one case as the 9,999th.
    auto renumber = session().database().prepare(
        QStringLiteral("UPDATE cases SET reference = 'MAPS-2026-9999' WHERE id = :id"));
    ASSERT_TRUE(renumber.ok());
    renumber->bind(":id", first.id);
    ASSERT_TRUE(renumber->run().ok());
    EXPECT_EQ(createCase(mapsPanelId).reference, QStringLiteral("MAPS-2026-10000"));
    EXPECT_EQ(createCase(mapsPanelId).reference, QStringLiteral("MAPS-2026-10001"));
}

TEST_F(CaseServiceTest, OpeningACaseIsAuditedAsAViewOfItsReference)
{
    const CaseRecord record = createCase(mapsPanelId);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("case.create"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("case:MAPS-2026-0001"));
    ASSERT_TRUE(caseService().open(record.id).ok());
    ASSERT_TRUE(caseService().open(record.id).ok());
    EXPECT_EQ(auditCount(QStringLiteral("case.view"), QStringLiteral("case:MAPS-2026-0001")), 2);
    EXPECT_EQ(lastAuditEvent()->actor, chair.login);
}

TEST_F(CaseServiceTest, EveryChangeIsAuditedWithWhatChangedButNoValues)
{
    const CaseRecord record = createCase(mapsPanelId);
    CaseService cases = caseService();
    CaseService::Details details;
    details.risk = Risk::Red;
    details.leadAgencyId = councilId;
    details.leadProfessional = record.leadProfessional;
    details.fields = record.fields;
    details.fields.insert(QStringLiteral("agreedOutcome"), QStringLiteral("Tenancy warning"));
    details.nextReview = record.nextReview;
    details.referralReason = record.referralReason;
    ASSERT_TRUE(cases.updateDetails(record.id, details).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("case.update"));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("risk,leadAgency,fields.agreedOutcome"));
    const CaseRecord updated = *cases.open(record.id);
    EXPECT_EQ(updated.risk, Risk::Red);
    EXPECT_EQ(updated.leadAgencyId, std::optional(councilId));
    EXPECT_EQ(updated.fields.value(QStringLiteral("agreedOutcome")).toString(),
              QStringLiteral("Tenancy warning"));

    const size_t events = auditEvents().size();
    ASSERT_TRUE(cases.updateDetails(record.id, details).ok()); // no change, no event
    EXPECT_EQ(auditEvents().size(), events);

    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("accepted")).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("case.stage"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("case:%1").arg(record.reference));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("referred->accepted"));
    Subject subject = record.subject;
    subject.address = QStringLiteral("12 Front Street");
    ASSERT_TRUE(cases.updateSubject(record.id, subject).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("subject.update"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("case:%1").arg(record.reference));
}

TEST_F(CaseServiceTest, NoAuditEventCarriesTheSubjectsNameOrDetails)
{
    CaseService::NewCase request = newCase(meamPanelId, QStringLiteral("Zebedee Quartermain"));
    request.subject.aliases = QStringLiteral("Zeb the Lark");
    request.subject.postcode = QStringLiteral("DH1 9QX");
    request.referralReason = QStringLiteral("Sleeping rough behind Quartermain Court");
    auto created = caseService().create(request);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    CaseService cases = caseService();
    ASSERT_TRUE(cases.open(created->id).ok());
    ASSERT_TRUE(cases.recordFieldValue(created->id, QStringLiteral("ndtScore"), 31, today()).ok());
    Subject subject = created->subject;
    subject.name = QStringLiteral("Zebedee Quartermain-Ross");
    ASSERT_TRUE(cases.updateSubject(created->id, subject).ok());
    ASSERT_TRUE(cases.moveStage(created->id, QStringLiteral("closed"), QStringLiteral("movedAway")).ok());

    const std::vector<AuditEvent> events = auditEvents();
    ASSERT_GE(events.size(), 5u);
    for (const AuditEvent& event : events) {
        for (const QString& personal :
             {QStringLiteral("Zebedee"), QStringLiteral("Quartermain"), QStringLiteral("Lark"),
              QStringLiteral("DH1"), QStringLiteral("1990")}) {
            EXPECT_FALSE(event.record.contains(personal, Qt::CaseInsensitive)) << event.record.toStdString();
            EXPECT_FALSE(event.detail.contains(personal, Qt::CaseInsensitive)) << event.detail.toStdString();
        }
    }
}

TEST_F(CaseServiceTest, MissingOrWrongFieldsAreRefusedAndChangeNothing)
{
    const QList<qint64> before = footprint();
    CaseService::NewCase missing = newCase(mapsPanelId);
    missing.fields.remove(QStringLiteral("issueType"));
    auto refused = caseService().create(missing);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_FALSE(refused.error().message.isEmpty());

    CaseService::NewCase unknownField = newCase(mapsPanelId);
    unknownField.fields.insert(QStringLiteral("religion"), QStringLiteral("none")); // not asked for: refused
    EXPECT_FALSE(caseService().create(unknownField).ok());
    CaseService::NewCase notAChoice = newCase(mapsPanelId);
    notAChoice.fields.insert(QStringLiteral("issueType"), QStringLiteral("burglary"));
    EXPECT_FALSE(caseService().create(notAChoice).ok());
    CaseService::NewCase futureReferral = newCase(mapsPanelId);
    futureReferral.referralDate = today().addDays(1);
    EXPECT_FALSE(caseService().create(futureReferral).ok());
    CaseService::NewCase unknownAgency = newCase(mapsPanelId);
    unknownAgency.leadAgencyId = AgencyId(9999);
    EXPECT_FALSE(caseService().create(unknownAgency).ok());
    CaseService::NewCase iomWithoutCohort = newCase(iomPanelId);
    iomWithoutCohort.fields.clear();
    EXPECT_FALSE(caseService().create(iomWithoutCohort).ok());
    EXPECT_EQ(footprint(), before);
}

TEST_F(CaseServiceTest, BadDetailsAreRefusedAndChangeNothing)
{
    const CaseRecord record = createCase(iomPanelId);
    const QList<qint64> before = footprint();
    CaseService::Details details;
    details.risk = Risk::Red;
    details.fields = record.fields;
    details.fields.insert(QStringLiteral("cohort"), QStringLiteral("platinum"));
    EXPECT_FALSE(caseService().updateDetails(record.id, details).ok());
    details.fields = record.fields;
    details.fields.remove(QStringLiteral("cohort"));
    EXPECT_FALSE(caseService().updateDetails(record.id, details).ok());
    details.fields = record.fields;
    details.leadAgencyId = AgencyId(9999);
    EXPECT_FALSE(caseService().updateDetails(record.id, details).ok());
    EXPECT_EQ(footprint(), before);
    EXPECT_EQ(caseService().open(record.id)->risk, Risk::Unassessed);
}

TEST_F(CaseServiceTest, SubjectsHoldOnlyWhatTheirTypeAndTheKindAskFor)
{
    const QList<qint64> before = footprint();
    CaseService::NewCase location = newCase(mapsPanelId, QStringLiteral("Underpass by the bus station"));
    location.subject.type = Subject::Type::Location;
    location.subject.aliases.clear();
    location.subject.dateOfBirth = QDate(1990, 1, 1); // a place has no date of birth
    auto refused = caseService().create(location);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    location.subject.dateOfBirth.reset();
    location.subject.gender = QStringLiteral("female");
    EXPECT_FALSE(caseService().create(location).ok());

    CaseService::NewCase locationOnIom = newCase(iomPanelId, QStringLiteral("Underpass by the bus station"));
    locationOnIom.subject.type = Subject::Type::Location;
    locationOnIom.subject.dateOfBirth.reset();
    EXPECT_FALSE(caseService().create(locationOnIom).ok()); // IOM works with people only
    CaseService::NewCase householdOnChannel = newCase(channelPanelId, QStringLiteral("The Smith household"));
    householdOnChannel.subject.type = Subject::Type::Household;
    householdOnChannel.subject.dateOfBirth.reset();
    EXPECT_FALSE(caseService().create(householdOnChannel).ok());
    CaseService::NewCase nameless = newCase(mapsPanelId, QStringLiteral("   "));
    EXPECT_FALSE(caseService().create(nameless).ok());
    CaseService::NewCase unborn = newCase(mapsPanelId);
    unborn.subject.dateOfBirth = today().addDays(2);
    EXPECT_FALSE(caseService().create(unborn).ok());
    EXPECT_EQ(footprint(), before);

    location.subject.gender.clear();
    auto place = caseService().create(location);
    ASSERT_TRUE(place.ok()) << place.error().message.toStdString();
    EXPECT_EQ(place->subject.type, Subject::Type::Location);
    EXPECT_FALSE(place->subject.dateOfBirth);
    CaseService::NewCase household = newCase(mapsPanelId, QStringLiteral("The Smith household"));
    household.subject.type = Subject::Type::Household;
    household.subject.dateOfBirth.reset();
    EXPECT_TRUE(caseService().create(household).ok());

    // An update is held to the same rules.
    Subject withBirthday = place->subject;
    withBirthday.dateOfBirth = QDate(2001, 2, 3);
    EXPECT_FALSE(caseService().updateSubject(place->id, withBirthday).ok());
    EXPECT_FALSE(caseService().open(place->id)->subject.dateOfBirth);
}

TEST_F(CaseServiceTest, SearchIndexFollowsCreationAndSubjectChangesOnEveryCaseOfTheSubject)
{
    const CaseRecord mapsCase = createCase(mapsPanelId, QStringLiteral("Casey Brightwater"));
    EXPECT_EQ(searchFor(QStringLiteral("brightwater")), std::vector<CaseId>{mapsCase.id});
    EXPECT_EQ(searchFor(QStringLiteral("subject:JJ")), std::vector<CaseId>{mapsCase.id}); // the alias
    EXPECT_EQ(searchFor(QStringLiteral("postcode:SR8*")), std::vector<CaseId>{mapsCase.id});
    EXPECT_EQ(searchFor(QStringLiteral("\"MAPS 2026 0001\"")), std::vector<CaseId>{mapsCase.id});

    CaseService::NewCase iomRequest = newCase(iomPanelId);
    iomRequest.subject = Subject{};
    iomRequest.subject.id = mapsCase.subject.id;
    auto iomCase = caseService().create(iomRequest);
    ASSERT_TRUE(iomCase.ok()) << iomCase.error().message.toStdString();
    EXPECT_EQ(searchFor(QStringLiteral("brightwater")), (std::vector<CaseId>{mapsCase.id, iomCase->id}));

    Subject renamed = mapsCase.subject;
    renamed.name = QStringLiteral("Casey Moorcroft");
    renamed.postcode = QStringLiteral("dh8 5aa");
    ASSERT_TRUE(caseService().updateSubject(mapsCase.id, renamed).ok());
    EXPECT_TRUE(searchFor(QStringLiteral("brightwater")).empty());
    EXPECT_EQ(searchFor(QStringLiteral("moorcroft")), (std::vector<CaseId>{mapsCase.id, iomCase->id}));
    EXPECT_EQ(searchFor(QStringLiteral("postcode:DH8*")), (std::vector<CaseId>{mapsCase.id, iomCase->id}));
    EXPECT_EQ(caseService().open(iomCase->id)->subject.name, QStringLiteral("Casey Moorcroft"));
}

TEST_F(CaseServiceTest, TimeSeriesValuesKeepTheirHistoryAndTheCaseShowsTheLatest)
{
    const CaseRecord record = createCase(meamPanelId);
    CaseService cases = caseService();
    const QDate day = today();
    ASSERT_TRUE(cases.recordFieldValue(record.id, QStringLiteral("ndtScore"), 36, day.addDays(-30)).ok());
    ASSERT_TRUE(cases.recordFieldValue(record.id, QStringLiteral("ndtScore"), 28, day).ok());
    ASSERT_TRUE(cases.recordFieldValue(record.id, QStringLiteral("ndtScore"), 40, day.addDays(-60))
                    .ok()); // late entry
    EXPECT_EQ(cases.open(record.id)->fields.value(QStringLiteral("ndtScore")).toInt(), 28);
    EXPECT_EQ(countRows(QStringLiteral("SELECT count(*) FROM case_field_history WHERE field = 'ndtScore'")),
              3);
    EXPECT_EQ(auditCount(QStringLiteral("case.field"), QStringLiteral("case:%1").arg(record.reference)), 3);
    const auto last = auditEvents();
    EXPECT_EQ(last[last.size() - 2].detail, QStringLiteral("field=ndtScore")); // the key, never the value

    const QList<qint64> before = footprint();
    EXPECT_FALSE(cases.recordFieldValue(record.id, QStringLiteral("ndtScore"), 49, day).ok()); // out of 0-48
    EXPECT_FALSE(cases.recordFieldValue(record.id, QStringLiteral("ndtScore"), 20, day.addDays(1)).ok());
    EXPECT_FALSE(
        cases.recordFieldValue(record.id, QStringLiteral("coordinator"), QStringLiteral("A"), day).ok());
    EXPECT_FALSE(cases.recordFieldValue(record.id, QStringLiteral("nothing"), 1, day).ok());
    EXPECT_EQ(footprint(), before);
}

TEST_F(CaseServiceTest, ArchivedPanelTakesNoNewCases)
{
    auto archive =
        session().database().prepare(QStringLiteral("UPDATE panels SET is_archived = 1 WHERE id = :id"));
    ASSERT_TRUE(archive.ok());
    archive->bind(":id", mapsPanelId);
    ASSERT_TRUE(archive->run().ok());
    auto refused = caseService().create(newCase(mapsPanelId));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
}
