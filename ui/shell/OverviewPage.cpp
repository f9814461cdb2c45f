#include "shell/OverviewPage.h"

#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "session/Session.h"
#include "shell/AppStyle.h"
#include "shell/CoreCall.h"
#include "shell/FormFields.h"
#include "shell/PageHeader.h"
#include "shell/Tone.h"

#include <QDir>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace confer {

namespace {

constexpr int ContentMaximumWidth = 1040;

// A white card with a bold heading; the caller fills its grid.
QFrame* makeCard(const QString& heading, QWidget* parent, QGridLayout*& grid)
{
    auto* card = new QFrame(parent);
    AppStyle::setLook(card, AppStyle::Look::InfoCard);
    card->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(12);
    auto* title = new QLabel(heading, card);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setWeight(QFont::DemiBold);
    title->setFont(font);
    layout->addWidget(title);
    grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch(1);
    return card;
}

QLabel* addRow(QGridLayout* grid, const QString& name, const QString& value, QWidget* parent)
{
    const int row = grid->rowCount();
    auto* nameLabel = new QLabel(name, parent);
    applyTone(nameLabel, Tone::Muted);
    auto* valueLabel = new QLabel(value, parent);
    valueLabel->setWordWrap(true);
    valueLabel->setTextFormat(Qt::PlainText);
    valueLabel->setAccessibleName(name);
    grid->addWidget(nameLabel, row, 0, Qt::AlignTop);
    grid->addWidget(valueLabel, row, 1, Qt::AlignTop);
    return valueLabel;
}

} // namespace

OverviewPage::OverviewPage(Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_unboundWarning(new QLabel(this))
    , m_verification(new QLabel(this))
    , m_verify(FormFields::button(tr("&Verify now"), QStringLiteral("verifyButton"),
                                  tr("Verify the store and the audit trail now"), this))
{
    setObjectName(QStringLiteral("overviewPage"));
    m_unboundWarning->setObjectName(QStringLiteral("unboundWarning"));
    AppStyle::setLook(m_unboundWarning, AppStyle::Look::WarningBanner);
    m_unboundWarning->setAccessibleName(tr("Warning: this store is not bound to this computer"));
    m_unboundWarning->setWordWrap(true);
    m_unboundWarning->setContentsMargins(14, 10, 14, 10);
    m_unboundWarning->setText(
        tr("<b>This store is not bound to this computer.</b> Anyone who has a copy of its files and a "
           "passphrase can open it on any computer. Keep its folder on an encrypted disk and do not "
           "copy it elsewhere."));
    m_unboundWarning->setVisible(!session.isDeviceBound());

    auto* cards = new QGridLayout;
    cards->setSpacing(16);
    cards->addWidget(makeAccountCard(), 0, 0);
    cards->addWidget(makeStoreCard(), 0, 1);
    cards->addWidget(makeAutoLockCard(), 1, 0);
    cards->addWidget(makeAuditCard(), 1, 1);
    cards->setColumnStretch(0, 1);
    cards->setColumnStretch(1, 1);

    auto* column = new QWidget(this);
    column->setMaximumWidth(ContentMaximumWidth);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(18);
    columnLayout->addWidget(new PageHeader(
        tr("Overview"), tr("Your account, this store, and the state of its protections."), this));
    columnLayout->addWidget(m_unboundWarning);
    columnLayout->addLayout(cards);
    columnLayout->addStretch(1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addStretch(0);
    layout->addWidget(column, 1);
    layout->addStretch(0);
    refresh();
}

QFrame* OverviewPage::makeAccountCard()
{
    const User& user = m_session.currentUser();
    QGridLayout* grid = nullptr;
    QFrame* card = makeCard(tr("Signed in"), this, grid);
    addRow(grid, tr("Name"), user.displayName, card);
    addRow(grid, tr("Login"), user.login, card);
    addRow(grid, tr("Role"), roleDisplayName(user.role), card);
    return card;
}

QFrame* OverviewPage::makeStoreCard()
{
    QGridLayout* grid = nullptr;
    QFrame* card = makeCard(tr("This store"), this, grid);
    QLabel* location =
        addRow(grid, tr("Location"), QDir::toNativeSeparators(m_session.paths().directory()), card);
    location->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    const bool isBound = m_session.isDeviceBound();
    QLabel* binding = addRow(grid, tr("Device binding"),
                             isBound ? tr("\u2713 Bound to this computer's keychain")
                                     : tr("Not bound: opens on any computer"),
                             card);
    applyTone(binding, isBound ? Tone::Good : Tone::Warning);
    addRow(grid, tr("Encryption"), tr("AES-256 (SQLCipher), key sealed per user with Argon2id"), card);
    return card;
}

QFrame* OverviewPage::makeAutoLockCard()
{
    QGridLayout* grid = nullptr;
    QFrame* card = makeCard(tr("Automatic lock"), this, grid);
    m_autoLock = addRow(grid, tr("Locks after"), QString(), card);
    addRow(grid, tr("Also locks"), tr("When the screen locks, and on Ctrl+L"), card);
    if (m_session.isAdministrator()) {
        m_changeAutoLock = FormFields::button(tr("C&hange\u2026"), QStringLiteral("changeAutoLockButton"),
                                              tr("Change the automatic lock time"), card);
        grid->addWidget(m_changeAutoLock, grid->rowCount(), 0, 1, 2, Qt::AlignLeft);
        connect(m_changeAutoLock, &QPushButton::clicked, this, &OverviewPage::settingsRequested);
    }
    return card;
}

QFrame* OverviewPage::makeAuditCard()
{
    QGridLayout* grid = nullptr;
    QFrame* card = makeCard(tr("Audit trail"), this, grid);
    m_eventCount = addRow(grid, tr("Events"), QString(), card);
    m_verification->setObjectName(QStringLiteral("verificationStatus"));
    m_verification->setWordWrap(true);
    m_verification->setAccessibleName(tr("Verification"));
    m_verification->setText(tr("Not checked yet in this session."));
    auto* statusName = new QLabel(tr("Checked"), card);
    applyTone(statusName, Tone::Muted);
    const int statusRow = grid->rowCount();
    grid->addWidget(statusName, statusRow, 0, Qt::AlignTop);
    grid->addWidget(m_verification, statusRow, 1, Qt::AlignTop);
    m_verify->setParent(card);
    m_verify->setToolTip(tr("Checks the database's integrity and every link of the audit chain."));
    grid->addWidget(m_verify, grid->rowCount(), 0, 1, 2, Qt::AlignLeft);
    connect(m_verify, &QPushButton::clicked, this, &OverviewPage::verifyNow);
    return card;
}

void OverviewPage::refresh()
{
    const int minutes = m_session.autoLockMinutes();
    m_autoLock->setText(minutes == 1 ? tr("1 minute without keyboard or mouse input")
                                     : tr("%1 minutes without keyboard or mouse input").arg(minutes));
    const qint64 events = m_session.audit().head().sequence;
    m_eventCount->setText(events == 1 ? tr("1 event recorded") : tr("%1 events recorded").arg(events));
}

void OverviewPage::verifyNow()
{
    const Status status = [&] {
        CoreCall call;
        return m_session.verify();
    }();
    const QString time =
        QLocale().toString(m_session.clock().nowUtc().toLocalTime().time(), QStringLiteral("HH:mm"));
    if (status.ok()) {
        m_verification->setText(
            tr("\u2713 Intact at %1: the database and every audit event check out.").arg(time));
        applyTone(m_verification, Tone::Good);
    } else {
        m_verification->setText(tr("Problem found at %1: %2").arg(time, status.error().message));
        applyTone(m_verification, Tone::Bad);
    }
    refresh();
}

} // namespace confer
