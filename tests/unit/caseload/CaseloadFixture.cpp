#include "CaseloadFixture.h"

#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelRoles.h"
#include "session/Session.h"

#include <limits>

namespace confer::test {

namespace {

template <typename T>
T valueOrFail(Result<T> result, const char* what)
{
    EXPECT_TRUE(result.ok()) << what << ": "
                             << (result.ok() ? ""
                                             : QString(result.error().message + QStringLiteral(" / ") +
                                                       result.error().detail)
                                                   .toStdString());
    return result.ok() ? std::move(result).value() : T{};
}

} // namespace

QString CaseloadFixture::userPassphrase()
{
    return QStringLiteral("panel members share a pen");
}

QVariant sampleValue(const FieldDefinition& field, const QDate& on)
{
    switch (field.type) {
    case FieldDefinition::Type::Text:
    case FieldDefinition::Type::LongText:
        return QStringLiteral("Recorded at referral");
    case FieldDefinition::Type::Date:
        return on.toString(Qt::ISODate);
    case FieldDefinition::Type::Number:
        return field.minimum.value_or(1.0);
    case FieldDefinition::Type::Boolean:
        return false;
    case FieldDefinition::Type::Choice:
        return field.choices.isEmpty() ? QVariant() : QVariant(field.choices.first().key);
    case FieldDefinition::Type::MultiChoice:
        return field.choices.isEmpty() ? QVariant() : QVariant(QStringList{field.choices.first().key});
    }
    return {};
}

QVariantMap requiredFields(const PanelKind& kind, const QDate& on)
{
    QVariantMap values;
    for (const FieldDefinition& field : kind.fields) {
        if (field.isRequired)
            values.insert(field.key, sampleValue(field, on));
    }
    return values;
}

User CaseloadFixture::addUser(const QString& login, const QString& name, Role role)
{
    return valueOrFail(session().accounts().addUser({login, name, role, userPassphrase()}), "adding a user");
}

void CaseloadFixture::SetUp()
{
    ASSERT_TRUE(store.sessionPtr()) << "the test store could not be created";
    auto loaded = PanelKindRegistry::load(standardStageGates());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    kinds.emplace(std::move(loaded).value());

    adminId = session().currentUser().id;
    chair = addUser(QStringLiteral("chair.one"), QStringLiteral("Chris Chair"), Role::Chair);
    member = addUser(QStringLiteral("member.one"), QStringLiteral("Morgan Member"), Role::Member);
    outsider = addUser(QStringLiteral("outsider"), QStringLiteral("Olly Outsider"), Role::Member);

    AgencyService agencies = agencyService();
    auto addAgency = [&](const QString& name, Agency::Kind kind) {
        Agency agency;
        agency.name = name;
        agency.kind = kind;
        return valueOrFail(agencies.add(agency), "adding an agency").id;
    };
    policeId = addAgency(QStringLiteral("Durham Constabulary"), Agency::Kind::ResponsibleAuthority);
    councilId = addAgency(QStringLiteral("Durham County Council"), Agency::Kind::ResponsibleAuthority);
    probationId = addAgency(QStringLiteral("Probation Service"), Agency::Kind::ResponsibleAuthority);
    ASSERT_TRUE(agencies.setUserAgency(chair.id, councilId).ok());
    ASSERT_TRUE(agencies.setUserAgency(member.id, policeId).ok());
    ASSERT_TRUE(agencies.setUserAgency(outsider.id, probationId).ok());

    PanelService panels = panelService();
    auto addPanel = [&](const QString& name, const QString& kind) {
        const PanelId id = valueOrFail(panels.create(name, kind, chair.id), "creating a panel").id;
        EXPECT_TRUE(panels.addMember(id, chair.id).ok());
        return id;
    };
    mapsPanelId = addPanel(QStringLiteral("Easington MAPS"), QStringLiteral("maps"));
    iomPanelId = addPanel(QStringLiteral("County Durham IOM"), QStringLiteral("iom"));
    meamPanelId = addPanel(QStringLiteral("Durham MEAM"), QStringLiteral("meam"));
    channelPanelId = addPanel(QStringLiteral("County Durham Channel Panel"), QStringLiteral("channel"));
    ASSERT_TRUE(panels.addMember(mapsPanelId, member.id).ok());
    ASSERT_TRUE(panels.addMember(channelPanelId, member.id).ok());
    ASSERT_TRUE(panels.addMember(iomPanelId, outsider.id).ok());
    ASSERT_TRUE(PanelRoles(session()).addCoordinator(channelPanelId, member.id).ok());
}

Session& CaseloadFixture::signInAs(const QString& login)
{
    const QString passphrase =
        login == QLatin1String(TestSession::AdminLogin) ? TestSession::adminPassphrase() : userPassphrase();
    store.sessionPtr().reset(); // locks the open session before another opens
    m_opener = std::make_unique<StoreOpener>(store.opener());
    auto unlocked = m_opener->unlock(login, passphrase);
    EXPECT_TRUE(unlocked.ok()) << "signing in as " << login.toStdString() << ": "
                               << (unlocked.ok() ? "" : unlocked.error().message.toStdString());
    if (unlocked.ok())
        store.sessionPtr() = std::move(unlocked).value();
    return session();
}

const PanelKind& CaseloadFixture::kindOf(PanelId panelId) const
{
    const char* key = panelId == mapsPanelId   ? "maps"
                      : panelId == iomPanelId  ? "iom"
                      : panelId == meamPanelId ? "meam"
                                               : "channel";
    const PanelKind* kind = kinds->kind(QString::fromLatin1(key));
    EXPECT_NE(kind, nullptr) << "panel kind " << key << " is not shipped";
    return *kind;
}

CaseService::NewCase CaseloadFixture::newCase(PanelId panelId, const QString& subjectName)
{
    const PanelKind& kind = kindOf(panelId);
    CaseService::NewCase request;
    request.panelId = panelId;
    request.subject.type = Subject::Type::Person;
    if (!kind.subjectTypes.contains(QLatin1String("person")) && !kind.subjectTypes.isEmpty())
        request.subject.type = subjectTypeFromKey(kind.subjectTypes.first()).value_or(Subject::Type::Person);
    request.subject.name = subjectName;
    if (request.subject.type == Subject::Type::Person) {
        request.subject.dateOfBirth = QDate(1990, 4, 12);
        request.subject.aliases = QStringLiteral("JJ");
    }
    request.subject.postcode = QStringLiteral("SR8 1AB");
    request.referralDate = today();
    request.referrer = QStringLiteral("Neighbourhood team");
    request.referringAgencyId = policeId;
    request.referralReason = QStringLiteral("Repeat calls");
    request.leadAgencyId = policeId;
    request.fields = requiredFields(kind, today());
    return request;
}

CaseRecord CaseloadFixture::createCase(PanelId panelId, const QString& subjectName)
{
    return valueOrFail(caseService().create(newCase(panelId, subjectName)), "creating a case");
}

std::vector<AuditEvent> CaseloadFixture::auditEvents()
{
    std::vector<AuditEvent> all;
    qint64 before = std::numeric_limits<qint64>::max();
    while (true) {
        auto page = session().audit().page(before, 500);
        if (!page.ok() || page->empty())
            break;
        for (const AuditEvent& event : *page)
            all.push_back(event);
        before = page->back().sequence;
    }
    std::reverse(all.begin(), all.end());
    return all;
}

std::optional<AuditEvent> CaseloadFixture::lastAuditEvent()
{
    auto page = session().audit().page(std::numeric_limits<qint64>::max(), 1);
    if (!page.ok() || page->empty())
        return std::nullopt;
    return page->front();
}

int CaseloadFixture::auditCount(const QString& action, const QString& record)
{
    int count = 0;
    for (const AuditEvent& event : auditEvents()) {
        if (event.action == action && (record.isEmpty() || event.record == record))
            ++count;
    }
    return count;
}

} // namespace confer::test
