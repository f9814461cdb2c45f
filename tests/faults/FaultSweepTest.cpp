// Every product operation that writes, run under every fault point it has: the Nth SQLite write fails
// with a full disk (once, or from then on: a disk that stays full), the Nth sync with an I/O error, the
// Nth SafeFile step with ENOSPC or EIO. After each
// the store is closed and opened afresh, as after a restart, and must unlock, verify (integrity and audit
// chain), and still hold every change acknowledged before the fault; the faulted operation's own change
// must be wholly there or wholly absent, and wholly there if it reported success.
//
// `./build.sh test` runs a reduced sweep (an even spread of at most ReducedPoints points per operation
// and fault, first and last included); CONFER_FULL_FAULT_SWEEP=1 (`./build.sh faults`) tries every
// point. Nothing here is skipped: a sweep that fails names the operation, the fault and the point.
//
// To add an operation, add one entry to operations(). "user removal" is the one that rotates the store
// key (AccountService::setDisabled): after each of its faults the store must open with the admin's
// passphrase under exactly one of the two keys, with no pending key left, and the removed user either
// still signs in (the change did not happen) or cannot (it did).
#include "CaseloadFixture.h"
#include "FaultVfs.h"
#include "InMemoryDeviceSecretStore.h"
#include "SlotStoreKey.h"
#include "SmallDisk.h"
#include "TestStoreDir.h"
#include "accounts/AccountService.h"
#include "caseload/CaseService.h"
#include "caseload/NoteService.h"
#include "common/Clock.h"
#include "demo/DemoPartnership.h"
#include "keys/KeySlotFile.h"
#include "meetings/Attendance.h"
#include "meetings/Declarations.h"
#include "meetings/MeetingService.h"
#include "meetings/Signature.h"
#include "meetings/StandardStageGates.h"
#include "partnership/AgencyService.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMap>
#include <QSet>

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

namespace confer {
namespace {

using test::FaultVfs;

constexpr int ReducedPoints = 10; // per operation and fault in the ordinary test run

bool isFullSweep()
{
    return qEnvironmentVariable("CONFER_FULL_FAULT_SWEEP") == QLatin1String("1");
}

std::string describe(const Error& error)
{
    return QString(error.message + QStringLiteral(" | ") + error.detail).toStdString();
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return "InvalidInput";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::AccessDenied:
        return "AccessDenied";
    case ErrorCode::WrongCredentials:
        return "WrongCredentials";
    case ErrorCode::DeviceSecretMissing:
        return "DeviceSecretMissing";
    case ErrorCode::KeychainUnavailable:
        return "KeychainUnavailable";
    case ErrorCode::StoreMisconfigured:
        return "StoreMisconfigured";
    case ErrorCode::StoreCorrupt:
        return "StoreCorrupt";
    case ErrorCode::AuditChainBroken:
        return "AuditChainBroken";
    case ErrorCode::Io:
        return "Io";
    case ErrorCode::DiskFull:
        return "DiskFull";
    case ErrorCode::Database:
        return "Database";
    case ErrorCode::Crypto:
        return "Crypto";
    case ErrorCode::Conflict:
        return "Conflict";
    case ErrorCode::Cancelled:
        return "Cancelled";
    }
    return "?";
}

const PanelKindRegistry& shippedKinds()
{
    static const PanelKindRegistry kinds = [] {
        auto loaded = PanelKindRegistry::load(standardStageGates());
        if (!loaded.ok()) {
            ADD_FAILURE() << "panel kinds: " << describe(loaded.error());
            std::abort();
        }
        return std::move(loaded).value();
    }();
    return kinds;
}

// One store for one fault point: a directory, a device keychain, a clock, and whoever is signed in.
// A small tmpfs mounted for one World, so the disk can really be filled (needs CAP_SYS_ADMIN).
class TmpfsDisk final {
public:
    // Mounts a tmpfs of sizeBytes at mountPoint (made here); an empty string when it worked, else why not.
    std::string mount(const QString& mountPoint, qint64 sizeBytes)
    {
        if (!QDir().mkpath(mountPoint))
            return "cannot make the mount point";
        const QByteArray options = "size=" + QByteArray::number(sizeBytes) + ",mode=0700";
        if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs",
                    MS_NOSUID | MS_NODEV | MS_NOEXEC, options.constData()) != 0)
            return std::string("cannot mount a tmpfs here (") + std::strerror(errno) +
                   "; needs root / CAP_SYS_ADMIN)";
        m_mountPoint = mountPoint;
        return {};
    }
    ~TmpfsDisk()
    {
        if (m_mountPoint.isEmpty())
            return;
        release();
        EXPECT_TRUE(test::unmountPatiently(m_mountPoint)) << "umount: " << std::strerror(errno);
    }
    // Fills the disk until exactly freeBytes (rounded down to whole pages) are left.
    void fillLeaving(qint64 freeBytes)
    {
        QFile filler(fillerPath());
        ASSERT_TRUE(filler.open(QIODevice::WriteOnly | QIODevice::Append));
        struct statvfs info {};
        ASSERT_EQ(::statvfs(QFile::encodeName(m_mountPoint).constData(), &info), 0);
        const qint64 available = static_cast<qint64>(info.f_bavail) * static_cast<qint64>(info.f_frsize);
        const qint64 toWrite = available - freeBytes;
        const QByteArray block(64 * 1024, 'f');
        for (qint64 written = 0; written < toWrite;) {
            const qint64 chunk = std::min<qint64>(block.size(), toWrite - written);
            ASSERT_EQ(filler.write(block.constData(), chunk), chunk);
            ASSERT_TRUE(filler.flush());
            written += chunk;
        }
    }
    void release() { QFile::remove(fillerPath()); }

private:
    QString fillerPath() const { return m_mountPoint + QStringLiteral("/filler"); }
    QString m_mountPoint;
};

struct World {
    test::TestStoreDir dir;
    std::unique_ptr<TmpfsDisk> disk; // when the store lives on a small tmpfs (the real full-disk sweep)
    QString storeDir = dir.path();
    test::InMemoryDeviceSecretStore deviceSecrets;
    ManualClock clock;
    std::unique_ptr<Session> session;
    QString recoveryKey;

    // Who signs in on reopening, and with which passphrases (tried in order: an operation that changes
    // the passphrase lists the new one, then the old one). unlockedWith says which one worked.
    QString login = QStringLiteral("admin");
    QStringList passphrases = {adminPassphrase()};
    QString unlockedWith;

    // What prepare() made, for run() and checkAcknowledged().
    CaseId caseId;
    AgencyId agencyId;
    int userCount = 0;
    MeetingId meetingId;   // the meeting a declaration is taken at
    AttendeeId attendeeId; // who signs it
    UserId removedUserId;  // the user a key-rotating removal disables
    SecureBytes keyBefore; // the store key before an operation that rotates it

    static QString adminPassphrase() { return QStringLiteral("Durham panel stapler 2026"); }
    static QString chairPassphrase() { return QStringLiteral("panel members share a pen"); }

    StoreOpener opener()
    {
        return StoreOpener(StorePaths(storeDir), deviceSecrets, clock, KdfPolicy::cheapForTests());
    }
    StoreOpener::SetupRequest setupRequest() const
    {
        StoreOpener::SetupRequest request;
        request.adminLogin = QStringLiteral("admin");
        request.adminDisplayName = QStringLiteral("Alex Admin");
        request.passphrase = adminPassphrase();
        request.bindToDevice = true;
        request.kdf = KdfPolicy::cheapForTests().floor;
        return request;
    }
};

// The outcome of one fault point, for the summary.
struct PointOutcome {
    bool hasFired = false;
    bool isReportedFailure = false;
    bool isLost = false;     // an acknowledged change was missing after reopening
    FaultVfs::Counts counts; // what the operation did, up to the fault
};

struct Operation {
    QString name;
    std::function<void(World&)> prepare; // no fault armed; use ASSERT_/EXPECT_
    std::function<Status(World&)> run;   // under the armed fault
    // After the harness reopened the store as world.login and verified it: false when a change
    // acknowledged before (or by) the operation is missing. result is what run() returned.
    std::function<bool(World&, const Status& result)> checkAcknowledged;
    // An operation that makes the store (init) may leave none behind when it fails.
    bool mayLeaveNoStore = false;
};

// --- preparation helpers (no fault armed) ---

void createStore(World& world)
{
    auto created = world.opener().create(world.setupRequest());
    ASSERT_TRUE(created.ok()) << describe(created.error());
    world.recoveryKey = created->recoveryKey.displayText();
    world.session = std::move(created->session);
}

void signIn(World& world, const QString& login, const QString& passphrase)
{
    world.session.reset();
    StoreOpener opener = world.opener();
    auto unlocked = opener.unlock(login, passphrase);
    ASSERT_TRUE(unlocked.ok()) << "signing in as " << login.toStdString() << ": "
                               << describe(unlocked.error());
    world.session = std::move(unlocked).value();
}

// A council chair on one MAPS panel, signed in, with one case on it.
void prepareChairWithCase(World& world)
{
    ASSERT_NO_FATAL_FAILURE(createStore(world));
    Session& admin = *world.session;
    auto chair = admin.accounts().addUser(
        {QStringLiteral("chair.one"), QStringLiteral("Chris Chair"), Role::Chair, World::chairPassphrase()});
    ASSERT_TRUE(chair.ok()) << describe(chair.error());
    AgencyService agencies(admin);
    Agency council;
    council.name = QStringLiteral("Durham County Council");
    council.kind = Agency::Kind::ResponsibleAuthority;
    auto added = agencies.add(council);
    ASSERT_TRUE(added.ok()) << describe(added.error());
    world.agencyId = added->id;
    ASSERT_TRUE(agencies.setUserAgency(chair->id, world.agencyId).ok());
    PanelService panels(admin, shippedKinds());
    auto panel = panels.create(QStringLiteral("Easington MAPS"), QStringLiteral("maps"), chair->id);
    ASSERT_TRUE(panel.ok()) << describe(panel.error());
    ASSERT_TRUE(panels.addMember(panel->id, chair->id).ok());

    ASSERT_NO_FATAL_FAILURE(signIn(world, QStringLiteral("chair.one"), World::chairPassphrase()));
    world.login = QStringLiteral("chair.one");
    world.passphrases = {World::chairPassphrase()};
    const PanelKind* kind = shippedKinds().kind(QStringLiteral("maps"));
    ASSERT_NE(kind, nullptr);
    CaseService::NewCase request;
    request.panelId = panel->id;
    request.subject.type = Subject::Type::Person;
    request.subject.name = QStringLiteral("Jordan Smith");
    request.subject.dateOfBirth = QDate(1990, 4, 12);
    request.subject.postcode = QStringLiteral("SR8 1AB");
    request.referralDate = world.clock.nowUtc().date();
    request.referrer = QStringLiteral("Neighbourhood team");
    request.referringAgencyId = world.agencyId;
    request.referralReason = QStringLiteral("Repeat calls");
    request.leadAgencyId = world.agencyId;
    request.fields = test::requiredFields(*kind, world.clock.nowUtc().date());
    auto created = CaseService(*world.session, shippedKinds()).create(request);
    ASSERT_TRUE(created.ok()) << describe(created.error());
    world.caseId = created->id;
}

// The prepared case, read back by the signed-in chair; nullopt (and a failure) when it is gone.
std::optional<CaseRecord> preparedCase(World& world)
{
    auto opened = CaseService(*world.session, shippedKinds()).open(world.caseId);
    EXPECT_TRUE(opened.ok()) << "the case acknowledged before the fault: " << describe(opened.error());
    if (!opened.ok())
        return std::nullopt;
    EXPECT_EQ(opened->subject.name, QStringLiteral("Jordan Smith"));
    return *opened;
}

// Whether the store file opens (read-only) with this raw key.
bool storeOpensWith(World& world, const SecureBytes& key)
{
    Database::Options options;
    options.readOnly = true;
    return Database::open(StorePaths(world.storeDir).storeFile(), key, options).ok();
}

int userCount(World& world)
{
    auto users = world.session->accounts().users();
    EXPECT_TRUE(users.ok()) << describe(users.error());
    return users.ok() ? static_cast<int>(users->size()) : -1;
}

// The prepared chair's panel meets today at ten; the chair is invited as a member.
MeetingService::Details meetingToday(World& world)
{
    auto panels = PanelService(*world.session, shippedKinds()).myPanels();
    EXPECT_TRUE(panels.ok() && panels->size() == 1);
    MeetingService::Details details;
    details.panelId = panels.ok() && !panels->empty() ? panels->front().id : PanelId();
    details.date = world.clock.nowUtc().date();
    details.startsAt = QTime(10, 0);
    details.endsAt = QTime(12, 0);
    details.place = QStringLiteral("Council offices, room 2");
    return details;
}

// The meetings the chair sees, -1 when they cannot be read.
int meetingCount(World& world)
{
    auto meetings = MeetingService(*world.session, shippedKinds()).meetings();
    EXPECT_TRUE(meetings.ok()) << describe(meetings.error());
    return meetings.ok() ? static_cast<int>(meetings->size()) : -1;
}

// A signature the one "too small" rule accepts: a long loop across the pad.
QByteArray drawnSignature()
{
    Signature::Stroke stroke;
    for (int i = 0; i <= 40; ++i)
        stroke.push_back({20.0 + i * 6, 60.0 + ((i % 8) < 4 ? i % 4 : 4 - i % 4) * 9, 0.6});
    return Signature({stroke}).encode();
}

// --- the operations ---

std::vector<Operation> operations()
{
    std::vector<Operation> all;

    all.push_back({QStringLiteral("init"), [](World&) {},
                   [](World& world) -> Status {
                       auto created = world.opener().create(world.setupRequest());
                       if (!created.ok())
                           return created.error();
                       world.recoveryKey = created->recoveryKey.displayText();
                       world.session = std::move(created->session);
                       return {};
                   },
                   [](World& world, const Status&) { return userCount(world) == 1; },
                   /*mayLeaveNoStore=*/true});

    all.push_back({QStringLiteral("sign-in"),
                   [](World& world) {
                       ASSERT_NO_FATAL_FAILURE(prepareChairWithCase(world));
                       world.session.reset();
                   },
                   [](World& world) -> Status {
                       StoreOpener opener = world.opener();
                       auto unlocked = opener.unlock(world.login, World::chairPassphrase());
                       if (!unlocked.ok())
                           return unlocked.error();
                       world.session = std::move(unlocked).value();
                       return {};
                   },
                   [](World& world, const Status&) { return preparedCase(world).has_value(); }});

    all.push_back({QStringLiteral("case change"), prepareChairWithCase,
                   [](World& world) -> Status {
                       CaseService cases(*world.session, shippedKinds());
                       auto current = cases.open(world.caseId);
                       if (!current.ok())
                           return current.error();
                       CaseService::Details details;
                       details.risk = Risk::Red;
                       details.leadAgencyId = current->leadAgencyId;
                       details.leadProfessional = QStringLiteral("Sam Lead");
                       details.nextReview = current->nextReview;
                       details.marking = current->marking;
                       details.fields = current->fields;
                       details.referralReason = current->referralReason;
                       return cases.updateDetails(world.caseId, details);
                   },
                   [](World& world, const Status& result) {
                       const std::optional<CaseRecord> record = preparedCase(world);
                       if (!record)
                           return false;
                       const bool isChanged = record->risk == Risk::Red &&
                                              record->leadProfessional == QStringLiteral("Sam Lead");
                       const bool isUnchanged =
                           record->risk == Risk::Unassessed && record->leadProfessional.isEmpty();
                       EXPECT_TRUE(isChanged || isUnchanged) << "the case change is half there";
                       if (result.ok()) {
                           EXPECT_TRUE(isChanged) << "the change was acknowledged but is not there";
                           return isChanged;
                       }
                       return true;
                   }});

    all.push_back({QStringLiteral("note"), prepareChairWithCase,
                   [](World& world) -> Status {
                       NoteService::NewNote note;
                       note.body = QStringLiteral("Seen at the day centre; engaging well.");
                       auto added = NoteService(*world.session).add(world.caseId, note);
                       return added.ok() ? Status{} : Status(added.error());
                   },
                   [](World& world, const Status& result) {
                       if (!preparedCase(world))
                           return false;
                       auto notes = NoteService(*world.session).latestVersions(world.caseId);
                       EXPECT_TRUE(notes.ok()) << describe(notes.error());
                       if (!notes.ok())
                           return false;
                       EXPECT_LE(notes->size(), 1u);
                       if (!notes->empty()) {
                           EXPECT_EQ(notes->front().body,
                                     QStringLiteral("Seen at the day centre; engaging well."));
                       }
                       if (result.ok()) {
                           EXPECT_EQ(notes->size(), 1u) << "the note was acknowledged but is not there";
                           return notes->size() == 1;
                       }
                       return true;
                   }});

    all.push_back({QStringLiteral("demo fill"),
                   [](World& world) {
                       ASSERT_NO_FATAL_FAILURE(createStore(world));
                       world.userCount = userCount(world);
                   },
                   [](World& world) -> Status {
                       DemoPartnership::Options options;
                       options.cases = 3;
                       auto filled = DemoPartnership::fill(*world.session, shippedKinds(), options);
                       if (!filled.ok())
                           return filled.error();
                       world.userCount += filled->users;
                       return {};
                   },
                   [](World& world, const Status& result) {
                       // One transaction: the demo accounts are all there or none. The clean run, which
                       // comes first, tells how many "all" is.
                       // The clean run tells how many "all" is. The write sweeps run it first; the
                       // full-disk sweep last (it succeeds only once there is room), so counts seen before
                       // it are kept and checked when it comes.
                       static int usersWhenWhole = 0;
                       static std::vector<int> seenBeforeWhole;
                       const int users = userCount(world);
                       if (result.ok()) {
                           EXPECT_EQ(users, world.userCount)
                               << "the demo fill was acknowledged but is not there";
                           usersWhenWhole = world.userCount;
                           for (const int seen : seenBeforeWhole)
                               EXPECT_TRUE(seen == 1 || seen == usersWhenWhole)
                                   << "a failed demo fill was half there: " << seen << " users";
                           seenBeforeWhole.clear();
                           return users == world.userCount;
                       }
                       if (usersWhenWhole == 0)
                           seenBeforeWhole.push_back(users);
                       else
                           EXPECT_TRUE(users == 1 || users == usersWhenWhole)
                               << "the demo fill is half there: " << users << " users";
                       auto isDemoOnly = DemoPartnership::holdsOnlyDemoData(*world.session);
                       EXPECT_TRUE(isDemoOnly.ok() && *isDemoOnly);
                       return users >= 1;
                   }});

    all.push_back(
        {QStringLiteral("passphrase change"),
         [](World& world) {
             ASSERT_NO_FATAL_FAILURE(createStore(world));
             world.passphrases = {QStringLiteral("a brand new passphrase 2027"), World::adminPassphrase()};
         },
         [](World& world) -> Status {
             return world.session->accounts().changeOwnPassphrase(
                 World::adminPassphrase(), QStringLiteral("a brand new passphrase 2027"));
         },
         [](World& world, const Status& result) {
             if (result.ok()) {
                 EXPECT_EQ(world.unlockedWith, world.passphrases.first())
                     << "the new passphrase was acknowledged but does not open the store";
                 return world.unlockedWith == world.passphrases.first();
             }
             return true;
         }});

    all.push_back(
        {QStringLiteral("recovery"),
         [](World& world) {
             ASSERT_NO_FATAL_FAILURE(createStore(world));
             world.session.reset();
             world.passphrases = {QStringLiteral("recovered on a new laptop"), World::adminPassphrase()};
         },
         [](World& world) -> Status {
             StoreOpener opener = world.opener();
             auto recovered = opener.recover(world.recoveryKey, QStringLiteral("admin"),
                                             QStringLiteral("recovered on a new laptop"));
             if (!recovered.ok())
                 return recovered.error();
             world.session = std::move(recovered).value();
             return {};
         },
         [](World& world, const Status& result) {
             if (result.ok()) {
                 EXPECT_EQ(world.unlockedWith, world.passphrases.first())
                     << "the recovery was acknowledged but its passphrase does not open the store";
                 return world.unlockedWith == world.passphrases.first();
             }
             return true;
         }});

    // Removing a user rotates the store key: the account change goes in with the next key's boxes
    // (pending) in both key-slot copies, then sqlite3_rekey, close, reopen, probe, and settle.
    all.push_back(
        {QStringLiteral("user removal"),
         [](World& world) {
             ASSERT_NO_FATAL_FAILURE(createStore(world));
             auto chair = world.session->accounts().addUser({QStringLiteral("chair.one"),
                                                             QStringLiteral("Chris Chair"), Role::Chair,
                                                             World::chairPassphrase()});
             ASSERT_TRUE(chair.ok()) << describe(chair.error());
             world.removedUserId = chair->id;
             world.keyBefore = test::storeKeyFromSlot(StorePaths(world.storeDir), world.deviceSecrets,
                                                      world.login, World::adminPassphrase());
             ASSERT_FALSE(world.keyBefore.isEmpty());
         },
         [](World& world) -> Status {
             return world.session->accounts().setDisabled(world.removedUserId, true);
         },
         [](World& world, const Status& result) {
             Session& admin = *world.session;
             bool isWhole = true;
             EXPECT_FALSE(admin.keySlots().hasPendingKey()) << "a pending key remains after the unlock";
             isWhole = isWhole && !admin.keySlots().hasPendingKey();
             const StorePaths paths(world.storeDir);
             for (const QString& path : {paths.keySlotFile(), paths.keySlotSecondCopy()}) {
                 auto onDisk = KeySlotFile::load(path);
                 EXPECT_TRUE(onDisk.ok()) << "key-slot copy " << path.toStdString() << " after the unlock";
                 if (onDisk.ok()) {
                     EXPECT_FALSE(onDisk->hasPendingKey())
                         << "key-slot copy " << path.toStdString() << " keeps a pending key after the unlock";
                     EXPECT_EQ(onDisk->generation, admin.keySlots().generation) << path.toStdString();
                 }
             }
             auto removed = admin.accounts().user(world.removedUserId);
             EXPECT_TRUE(removed.ok()) << "the user to remove is gone from the store";
             if (!removed.ok())
                 return false;
             const bool isDisabled = removed->isDisabled;
             const bool hasSlot = admin.keySlots().slotFor(QStringLiteral("chair.one")) != nullptr;
             EXPECT_NE(isDisabled, hasSlot)
                 << "the removal is half there: disabled=" << isDisabled << ", key slot kept=" << hasSlot;
             const SecureBytes keyNow =
                 test::storeKeyFromSlot(paths, world.deviceSecrets, world.login, world.unlockedWith);
             EXPECT_FALSE(keyNow.isEmpty()) << "the admin's slot does not open after the unlock";
             const bool isOnNewKey = !keyNow.equals(world.keyBefore);
             // The account change and the next key's boxes commit together, before the rekey.
             EXPECT_TRUE(isDisabled || !isOnNewKey) << "the store has a new key but the user is not removed";
             // Allowed, but worth seeing: the user is removed and the store still has the key they had,
             // so a copy of their old slot still opens it. Each message that left it so, once.
             if (isDisabled && !isOnNewKey) {
                 static QSet<QString> seen;
                 const QString why =
                     result.ok() ? QStringLiteral("(reported success)") : result.error().message;
                 if (!seen.contains(why)) {
                     seen.insert(why);
                     std::cout << "[sweep]     user removed but the old store key kept, reported as: "
                               << why.toStdString() << '\n';
                 }
             }
             if (result.ok()) {
                 EXPECT_TRUE(isDisabled) << "the removal was acknowledged but the user is not disabled";
                 EXPECT_TRUE(isOnNewKey) << "the removal was acknowledged but the store key is the old one";
                 isWhole = isWhole && isDisabled && isOnNewKey;
             }
             // Exactly one of the two keys opens the store file.
             world.session.reset();
             EXPECT_TRUE(storeOpensWith(world, keyNow));
             if (isOnNewKey) {
                 EXPECT_FALSE(storeOpensWith(world, world.keyBefore))
                     << "the old key (and so the removed user's old slot) still opens the store";
             }
             // The removed user signs in exactly when the removal did not happen.
             StoreOpener opener = world.opener();
             auto chair = opener.unlock(QStringLiteral("chair.one"), World::chairPassphrase());
             EXPECT_EQ(chair.ok(), !isDisabled)
                 << "removed user signs in: " << chair.ok() << ", disabled in the store: " << isDisabled
                 << (chair.ok() ? std::string() : " (" + describe(chair.error()) + ")");
             if (chair.ok())
                 (*chair).reset();
             // And the admin still can, afterwards too.
             auto again = opener.unlock(QStringLiteral("admin"), World::adminPassphrase());
             EXPECT_TRUE(again.ok()) << "the admin cannot sign in a second time: "
                                     << (again.ok() ? std::string() : describe(again.error()));
             if (again.ok()) {
                 const Status verified = (*again)->verify();
                 EXPECT_TRUE(verified.ok()) << describe(verified.error());
                 world.session = std::move(again).value();
             }
             return isWhole;
         }});

    all.push_back({QStringLiteral("meeting plan"),
                   [](World& world) { ASSERT_NO_FATAL_FAILURE(prepareChairWithCase(world)); },
                   [](World& world) -> Status {
                       auto planned =
                           MeetingService(*world.session, shippedKinds()).plan(meetingToday(world));
                       if (!planned.ok())
                           return planned.error();
                       world.meetingId = planned->id;
                       return {};
                   },
                   [](World& world, const Status& result) {
                       const int count = meetingCount(world);
                       EXPECT_LE(count, 1) << "a failed plan left a meeting behind";
                       if (result.ok()) {
                           EXPECT_EQ(count, 1) << "the meeting was acknowledged but is not there";
                           auto invited =
                               Attendance(*world.session, shippedKinds()).attendees(world.meetingId);
                           EXPECT_TRUE(invited.ok() && invited->size() == 1)
                               << "the meeting is there without its invited member";
                           return count == 1 && invited.ok() && invited->size() == 1;
                       }
                       return count == 0 || count == 1;
                   }});

    all.push_back(
        {QStringLiteral("declaration"),
         [](World& world) {
             ASSERT_NO_FATAL_FAILURE(prepareChairWithCase(world));
             MeetingService meetings(*world.session, shippedKinds());
             auto planned = meetings.plan(meetingToday(world));
             ASSERT_TRUE(planned.ok()) << describe(planned.error());
             world.meetingId = planned->id;
             ASSERT_TRUE(meetings.open(world.meetingId).ok());
             auto invited = Attendance(*world.session, shippedKinds()).attendees(world.meetingId);
             ASSERT_TRUE(invited.ok() && invited->size() == 1);
             world.attendeeId = invited->front().id;
         },
         [](World& world) -> Status {
             auto signed_ = Declarations(*world.session)
                                .signDrawn(world.attendeeId,
                                           {QStringLiteral("Chris Chair"),
                                            QStringLiteral("Durham County Council"), QStringLiteral("Chair")},
                                           drawnSignature());
             if (!signed_.ok())
                 return signed_.error();
             return {};
         },
         [](World& world, const Status& result) {
             auto taken = Declarations(*world.session).ofMeeting(world.meetingId);
             EXPECT_TRUE(taken.ok()) << describe(taken.error());
             if (!taken.ok())
                 return false;
             EXPECT_LE(taken->size(), 1u);
             if (!taken->empty())
                 EXPECT_EQ(taken->front().strokes, drawnSignature()) << "the strokes came back changed";
             if (result.ok()) {
                 EXPECT_EQ(taken->size(), 1u) << "the declaration was acknowledged but is not there";
                 return taken->size() == 1;
             }
             return true;
         }});
    return all;
}

// --- the harness ---

struct Fault {
    QString name;
    std::function<void(int n)> arm;
    int (*points)(const FaultVfs::Counts&);
};

const std::vector<Fault>& faults()
{
    static const std::vector<Fault> all = {
        {QStringLiteral("write SQLITE_FULL"), [](int n) { FaultVfs::armWriteFailure(n, SQLITE_FULL); },
         [](const FaultVfs::Counts& c) { return c.writes; }},
        // A disk that stays full: the Nth write and every later one fail until the operation returns.
        {QStringLiteral("write SQLITE_FULL, disk stays full"),
         [](int n) { FaultVfs::armWriteFailure(n, SQLITE_FULL, /*isSticky=*/true); },
         [](const FaultVfs::Counts& c) { return c.writes; }},
        {QStringLiteral("sync SQLITE_IOERR_FSYNC"), [](int n) { FaultVfs::armSyncFailure(n); },
         [](const FaultVfs::Counts& c) { return c.syncs; }},
        {QStringLiteral("SafeFile ENOSPC"), [](int n) { FaultVfs::armSafeFileFailure(n, ENOSPC); },
         [](const FaultVfs::Counts& c) { return c.safeFileSteps; }},
        {QStringLiteral("SafeFile EIO"), [](int n) { FaultVfs::armSafeFileFailure(n, EIO); },
         [](const FaultVfs::Counts& c) { return c.safeFileSteps; }},
    };
    return all;
}

// Failed assertions so far in this process, so the summary can say at how many points checks failed.
class FailureCounter final : public ::testing::EmptyTestEventListener {
public:
    void OnTestPartResult(const ::testing::TestPartResult& result) override
    {
        if (result.failed())
            ++count();
    }
    static int& count()
    {
        static int failures = 0;
        return failures;
    }
};

int failedChecks()
{
    static const bool isListening = [] {
        ::testing::UnitTest::GetInstance()->listeners().Append(new FailureCounter);
        return true;
    }();
    (void)isListening;
    return FailureCounter::count();
}

struct Totals {
    int points = 0;
    int reportedFailures = 0;
    int lostCommits = 0;
    int brokenPoints = 0; // points where any assertion failed (reopen, verify, all-or-nothing, message)
};

Totals& processTotals()
{
    static Totals totals;
    return totals;
}

// What the key-slot file looks like, for a failure message: its size, whether it parses, its logins.
std::string keySlotFileState(World& world)
{
    StoreOpener opener = world.opener();
    QFile file(opener.paths().keySlotFile());
    if (!file.open(QIODevice::ReadOnly))
        return "key-slot file: cannot be read (" + file.errorString().toStdString() + ")";
    const QByteArray bytes = file.readAll();
    QJsonParseError parsed{};
    (void)QJsonDocument::fromJson(bytes, &parsed);
    return "key-slot file: " + std::to_string(bytes.size()) + " bytes, " +
           (parsed.error == QJsonParseError::NoError
                ? std::string("valid JSON")
                : "not JSON (" + parsed.errorString().toStdString() + ")") +
           ", logins [" + opener.logins().join(QLatin1Char(',')).toStdString() + "]";
}

// Closes whatever is open, reopens as world.login with the first passphrase that works, and verifies.
bool reopenAndVerify(World& world, const Operation& operation, const Status& result)
{
    world.session.reset();
    StoreOpener opener = world.opener();
    if (!opener.storeExists() && operation.mayLeaveNoStore && !result.ok()) {
        // Wholly absent: nothing half-made may stop a second attempt.
        auto retried = opener.create(world.setupRequest());
        EXPECT_TRUE(retried.ok()) << "creating again after a failed init: " << describe(retried.error());
        if (!retried.ok())
            return false;
        world.session = std::move(retried->session);
        world.unlockedWith = World::adminPassphrase();
    } else {
        std::optional<Error> lastError;
        for (const QString& passphrase : world.passphrases) {
            auto unlocked = opener.unlock(world.login, passphrase);
            if (unlocked.ok()) {
                world.session = std::move(unlocked).value();
                world.unlockedWith = passphrase;
                break;
            }
            lastError = unlocked.error();
        }
        EXPECT_TRUE(world.session) << "the store does not unlock after the fault: " << describe(*lastError)
                                   << "\n  " << keySlotFileState(world);
        if (!world.session)
            return false;
    }
    const Status verified = world.session->verify();
    EXPECT_TRUE(verified.ok()) << "Session::verify after the fault: " << describe(verified.error());
    return verified.ok();
}

// Runs one point: a fresh world, prepare, arm, run, disarm, reopen, check.
PointOutcome runPoint(const Operation& operation, const std::function<void()>& arm,
                      Status* resultOut = nullptr)
{
    PointOutcome outcome;
    World world;
    FaultVfs::disarm();
    operation.prepare(world);
    if (testing::Test::HasFatalFailure())
        return outcome;
    arm();
    const Status result = operation.run(world);
    outcome.hasFired = FaultVfs::hasFired();
    outcome.counts = FaultVfs::counts();
    FaultVfs::disarm();
    if (resultOut)
        *resultOut = result;
    if (!outcome.hasFired) {
        EXPECT_TRUE(result.ok()) << "no fault was delivered, yet: " << describe(result.error());
    }
    if (!result.ok()) {
        outcome.isReportedFailure = true;
        EXPECT_FALSE(result.error().message.isEmpty())
            << "a failure without a sentence: " << describe(result.error());
    }
    if (!reopenAndVerify(world, operation, result))
        outcome.isLost = true;
    else if (!operation.checkAcknowledged(world, result))
        outcome.isLost = true;
    return outcome;
}

// The points to try out of 1..count: all of them, or an even spread with the first and the last.
QList<int> pointsToTry(int count)
{
    QList<int> points;
    if (isFullSweep() || count <= ReducedPoints) {
        for (int n = 1; n <= count; ++n)
            points << n;
        return points;
    }
    for (int i = 0; i < ReducedPoints; ++i) {
        const int n = 1 + static_cast<int>(static_cast<qint64>(i) * (count - 1) / (ReducedPoints - 1));
        if (points.isEmpty() || points.last() != n)
            points << n;
    }
    return points;
}

void sweep(const Operation& operation)
{
    FaultVfs::install();
    (void)failedChecks(); // starts listening
    QElapsedTimer elapsed;
    elapsed.start();
    Totals totals;
    for (const Fault& fault : faults()) {
        SCOPED_TRACE(testing::Message() << operation.name.toStdString() << ", " << fault.name.toStdString());
        // A clean run counts the points; it must itself succeed, reopen and verify.
        const PointOutcome clean = runPoint(operation, [] { FaultVfs::disarm(); });
        ASSERT_FALSE(testing::Test::HasFatalFailure());
        const FaultVfs::Counts counts = clean.counts;
        const int count = fault.points(counts);
        int tried = 0;
        int reported = 0;
        int lost = 0;
        int broken = 0;
        QMap<QString, QList<int>> messages; // each reported sentence, with the points that gave it
        const QList<int> points = pointsToTry(count);
        for (int n : points) {
            SCOPED_TRACE(testing::Message() << "fault at point " << n << " of " << count);
            const int failuresBefore = failedChecks();
            Status result;
            const PointOutcome outcome = runPoint(
                operation, [&] { fault.arm(n); }, &result);
            ++tried;
            if (outcome.isReportedFailure) {
                ++reported;
                messages[QStringLiteral("%1 [%2]").arg(
                    result.error().message, QString::fromLatin1(errorCodeName(result.error().code)))]
                    << n;
            }
            if (outcome.isLost)
                ++lost;
            if (failedChecks() != failuresBefore)
                ++broken;
            EXPECT_TRUE(outcome.hasFired) << "point " << n << " of " << count << " was never reached";
        }
        // Full sweep: one past the last point must complete without meeting the fault.
        if (isFullSweep()) {
            const PointOutcome beyond = runPoint(operation, [&] { fault.arm(count + 1); });
            EXPECT_FALSE(beyond.hasFired) << "the operation has more than " << count << " points";
        }
        std::cout << "[sweep] " << operation.name.toStdString() << " / " << fault.name.toStdString() << ": "
                  << count << " points, " << tried << " tried, " << reported << " failures reported, " << lost
                  << " lost, " << broken << " points with failed checks";
        std::cout << '\n';
        for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
            QStringList at;
            for (int n : it.value())
                at << QString::number(n);
            std::cout << "[sweep]     at " << at.join(QLatin1Char(',')).toStdString() << ": "
                      << it.key().toStdString() << '\n';
        }
        totals.points += tried;
        totals.reportedFailures += reported;
        totals.lostCommits += lost;
        totals.brokenPoints += broken;
    }
    std::cout << "[sweep] " << operation.name.toStdString() << ": " << faults().size()
              << " faults x points = " << totals.points << " tried, " << totals.reportedFailures
              << " failures reported, " << totals.lostCommits << " lost commits, " << totals.brokenPoints
              << " points with failed checks (" << (isFullSweep() ? "full" : "reduced") << " sweep, "
              << elapsed.elapsed() << " ms)\n";
    processTotals().points += totals.points;
    processTotals().reportedFailures += totals.reportedFailures;
    processTotals().lostCommits += totals.lostCommits;
    processTotals().brokenPoints += totals.brokenPoints;
    EXPECT_EQ(totals.lostCommits, 0) << "acknowledged changes were lost under faults";
}

// The same operations on a real disk that is really full: the store lives on a small tmpfs, prepared
// with room to spare, then filled until only freeBytes are left, and the operation runs. This reaches
// what the injected faults cannot yet (the key-slot file is written with QSaveFile until it moves to
// SafeFile). Free space goes 0, 4 KiB, 8 KiB, 16 KiB... doubling (every 4 KiB in the full sweep) until
// the operation succeeds. Mounting needs CAP_SYS_ADMIN: skipped with the reason where it is missing,
// except on CI (CI set) or with CONFER_REQUIRE_TMPFS=1, where it must run.
void sweepRealFullDisk(const Operation& operation)
{
    FaultVfs::install();
    FaultVfs::disarm();
    (void)failedChecks();
    constexpr qint64 DiskBytes = 16 * 1024 * 1024;
    constexpr qint64 Page = 4096;
    constexpr qint64 MostFree = 8 * 1024 * 1024;
    QElapsedTimer elapsed;
    elapsed.start();
    int tried = 0;
    int reported = 0;
    int lost = 0;
    int broken = 0;
    qint64 succeededWith = -1;
    QMap<QString, QList<qint64>> messages;
    for (qint64 freeBytes = 0; freeBytes <= MostFree;
         freeBytes = isFullSweep() ? freeBytes + Page : std::max(Page, freeBytes * 2)) {
        SCOPED_TRACE(testing::Message()
                     << operation.name.toStdString() << ", " << freeBytes << " bytes free");
        const int failuresBefore = failedChecks();
        World world;
        world.disk = std::make_unique<TmpfsDisk>();
        const QString mountPoint = world.dir.file(QStringLiteral("disk"));
        world.storeDir = mountPoint + QStringLiteral("/store"); // the filler sits beside it, not in it
        if (const std::string why = world.disk->mount(mountPoint, DiskBytes); !why.empty()) {
            world.disk.reset();
            if (!qEnvironmentVariableIsEmpty("CI") ||
                qEnvironmentVariable("CONFER_REQUIRE_TMPFS") == QLatin1String("1"))
                FAIL() << why << ", but CI or CONFER_REQUIRE_TMPFS=1 requires this test to run";
            std::cout << "[  SKIPPED ] " << why << '\n';
            GTEST_SKIP() << why;
        }
        ASSERT_TRUE(QDir().mkpath(world.storeDir));
        operation.prepare(world);
        ASSERT_FALSE(testing::Test::HasFatalFailure());
        ASSERT_NO_FATAL_FAILURE(world.disk->fillLeaving(freeBytes));
        const Status result = operation.run(world);
        world.disk->release(); // "free some space and try again"
        ++tried;
        if (!result.ok()) {
            ++reported;
            EXPECT_FALSE(result.error().message.isEmpty()) << describe(result.error());
            messages[QStringLiteral("%1 [%2] (%3)")
                         .arg(result.error().message, QString::fromLatin1(errorCodeName(result.error().code)),
                              result.error().detail)]
                << freeBytes / 1024;
        }
        if (!reopenAndVerify(world, operation, result) || !operation.checkAcknowledged(world, result))
            ++lost;
        if (failedChecks() != failuresBefore)
            ++broken;
        if (result.ok()) {
            succeededWith = freeBytes;
            break;
        }
    }
    EXPECT_GE(succeededWith, 0) << "the operation never succeeded, even with " << MostFree << " bytes free";
    std::cout << "[full disk] " << operation.name.toStdString() << ": " << tried
              << " free-space points tried, " << reported << " failures reported, " << lost
              << " lost commits, " << broken << " points with failed checks; succeeded with "
              << succeededWith / 1024 << " KiB free (" << elapsed.elapsed() << " ms)\n";
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        QStringList at;
        for (qint64 kib : it.value())
            at << QString::number(kib);
        std::cout << "[full disk]     at " << at.join(QLatin1Char(',')).toStdString()
                  << " KiB free: " << it.key().toStdString() << '\n';
    }
    processTotals().points += tried;
    processTotals().reportedFailures += reported;
    processTotals().lostCommits += lost;
    processTotals().brokenPoints += broken;
    EXPECT_EQ(lost, 0) << "acknowledged changes were lost on a full disk";
}

const Operation& operationNamed(const QString& name)
{
    static const std::vector<Operation> all = operations();
    for (const Operation& operation : all) {
        if (operation.name == name)
            return operation;
    }
    ADD_FAILURE() << "no operation " << name.toStdString();
    std::abort();
}

class FaultSweepSummary final : public ::testing::Environment {
public:
    void TearDown() override
    {
        const Totals& t = processTotals();
        std::cout << "[sweep] total: " << t.points << " operation x fault points tried, "
                  << t.reportedFailures << " failures reported, " << t.lostCommits << " lost commits, "
                  << t.brokenPoints << " points with failed checks\n";
    }
};
const auto* const summary = ::testing::AddGlobalTestEnvironment(new FaultSweepSummary);

TEST(FullDiskSweep, Init)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("init")));
}
TEST(FullDiskSweep, SignIn)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("sign-in")));
}
TEST(FullDiskSweep, CaseChange)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("case change")));
}
TEST(FullDiskSweep, Note)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("note")));
}
TEST(FullDiskSweep, DemoFill)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("demo fill")));
}
TEST(FullDiskSweep, PassphraseChange)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("passphrase change")));
}
TEST(FullDiskSweep, Recovery)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("recovery")));
}
TEST(FullDiskSweep, UserRemoval)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("user removal")));
}

TEST(FullDiskSweep, MeetingPlan)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("meeting plan")));
}
TEST(FullDiskSweep, Declaration)
{
    sweepRealFullDisk(operationNamed(QStringLiteral("declaration")));
}

TEST(FaultSweep, Init)
{
    sweep(operationNamed(QStringLiteral("init")));
}
TEST(FaultSweep, SignIn)
{
    sweep(operationNamed(QStringLiteral("sign-in")));
}
TEST(FaultSweep, CaseChange)
{
    sweep(operationNamed(QStringLiteral("case change")));
}
TEST(FaultSweep, Note)
{
    sweep(operationNamed(QStringLiteral("note")));
}
TEST(FaultSweep, DemoFill)
{
    sweep(operationNamed(QStringLiteral("demo fill")));
}
TEST(FaultSweep, PassphraseChange)
{
    sweep(operationNamed(QStringLiteral("passphrase change")));
}
TEST(FaultSweep, Recovery)
{
    sweep(operationNamed(QStringLiteral("recovery")));
}
TEST(FaultSweep, UserRemoval)
{
    sweep(operationNamed(QStringLiteral("user removal")));
}

TEST(FaultSweep, MeetingPlan)
{
    sweep(operationNamed(QStringLiteral("meeting plan")));
}
TEST(FaultSweep, Declaration)
{
    sweep(operationNamed(QStringLiteral("declaration")));
}

} // namespace
} // namespace confer
