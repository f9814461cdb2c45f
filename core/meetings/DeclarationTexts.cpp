#include "meetings/DeclarationTexts.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "caseload/CaseRows.h"
#include "common/Clock.h"
#include "crypto/Sha256.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelMembership.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace confer {

namespace {

// The sentences of this file, in a context lupdate sees.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::DeclarationTexts)
};

const char* const SelectText =
    "SELECT t.id, t.panel_id, t.version, t.text, t.sha256, t.created_utc, ifnull(u.display_name, '') "
    "FROM declaration_texts t LEFT JOIN users u ON u.id = t.created_by_user_id";

DeclarationText readText(const Statement& row)
{
    DeclarationText text;
    text.id = row.columnId<DeclarationTextId>(0);
    text.panelId = row.columnId<PanelId>(1);
    text.version = int(row.columnInt(2));
    text.text = row.columnText(3);
    text.sha256 = row.columnText(4);
    text.createdUtc = QDateTime::fromString(row.columnText(5), Qt::ISODateWithMs);
    text.createdByName = row.columnText(6);
    return text;
}

// Signed exactly as it will be shown: trimmed at both ends and with one kind of line ending, nothing else.
QString normalised(const QString& text)
{
    QString result = text.trimmed();
    result.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    result.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return result;
}

Result<std::optional<DeclarationText>> latest(Database& db, PanelId panelId)
{
    auto row = db.prepare(QString::fromLatin1(SelectText) +
                          QStringLiteral(" WHERE t.panel_id = :panel ORDER BY t.version DESC LIMIT 1"));
    if (!row.ok())
        return row.error();
    row->bind(":panel", panelId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return std::optional<DeclarationText>{};
    return std::optional<DeclarationText>{readText(*row)};
}

} // namespace

DeclarationTexts::DeclarationTexts(Session& session, const PanelKindRegistry& kinds)
    : DeclarationTexts(session, kinds, session.clock())
{}

DeclarationTexts::DeclarationTexts(Session& session, const PanelKindRegistry& kinds, const Clock& clock)
    : m_session(session)
    , m_clock(clock)
    , m_kinds(kinds)
{}

Status DeclarationTexts::requireReader(PanelId panelId, AuditAction attemptedAction)
{
    // Administrators edit the text, so they read it; members sign it.
    if (m_session.isAdministrator())
        return {};
    return PanelMembership(m_session).requireMember(panelId, attemptedAction, AuditRecord::ofPanel(panelId));
}

Result<DeclarationText> DeclarationTexts::byId(Database& db, DeclarationTextId textId)
{
    auto row = db.prepare(QString::fromLatin1(SelectText) + QStringLiteral(" WHERE t.id = :id"));
    if (!row.ok())
        return row.error();
    row->bind(":id", textId);
    auto hasRow = row->step();
    if (!hasRow.ok())
        return hasRow.error();
    if (!*hasRow)
        return makeError(ErrorCode::NotFound, Tr::tr("That declaration text does not exist."));
    return readText(*row);
}

Result<DeclarationText> DeclarationTexts::current(PanelId panelId)
{
    if (Status allowed = requireReader(panelId, AuditAction::PanelView); !allowed.ok())
        return allowed.error();
    Database& db = m_session.database();
    auto stored = latest(db, panelId);
    if (!stored.ok())
        return stored.error();
    if (*stored)
        return **stored;
    auto kind = caserows::kindOfPanel(db, m_kinds, panelId);
    if (!kind.ok())
        return kind.error();
    DeclarationText fallback;
    fallback.panelId = panelId;
    fallback.text = normalised((*kind)->declarationText);
    fallback.sha256 = Sha256::hexOf(fallback.text.toUtf8());
    return fallback;
}

Result<std::vector<DeclarationText>> DeclarationTexts::versions(PanelId panelId)
{
    if (Status allowed = requireReader(panelId, AuditAction::PanelView); !allowed.ok())
        return allowed.error();
    auto rows = m_session.database().prepare(QString::fromLatin1(SelectText) +
                                             QStringLiteral(" WHERE t.panel_id = :panel ORDER BY t.version"));
    if (!rows.ok())
        return rows.error();
    rows->bind(":panel", panelId);
    return rows->collect<DeclarationText>(readText);
}

Result<DeclarationText> DeclarationTexts::edit(PanelId panelId, const QString& text)
{
    if (!m_session.isAdministrator()) {
        (void)m_session.audit().append(m_session.currentUser().login, AuditAction::AccessDenied,
                                       AuditRecord::ofPanel(panelId),
                                       auditActionKey(AuditAction::DeclarationText));
        return makeError(ErrorCode::AccessDenied,
                         Tr::tr("Only an administrator can change a panel's declaration."));
    }
    const QString wanted = normalised(text);
    if (wanted.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Enter the text of the declaration."));
    auto now = current(panelId);
    if (!now.ok())
        return now.error();
    if (now->id && now->text == wanted)
        return *now; // the same words: no new version
    return store(panelId, wanted);
}

Result<DeclarationTextId> DeclarationTexts::versionForMeeting(PanelId panelId)
{
    Database& db = m_session.database();
    auto stored = latest(db, panelId);
    if (!stored.ok())
        return stored.error();
    if (*stored)
        return *(*stored)->id;
    auto kind = caserows::kindOfPanel(db, m_kinds, panelId);
    if (!kind.ok())
        return kind.error();
    auto first = store(panelId, normalised((*kind)->declarationText));
    if (!first.ok())
        return first.error();
    return *first->id;
}

Result<DeclarationText> DeclarationTexts::store(PanelId panelId, const QString& text)
{
    Database& db = m_session.database();
    Transaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO declaration_texts (panel_id, version, text, sha256, created_by_user_id, created_utc) "
        "SELECT :panel, ifnull(max(version), 0) + 1, :text, :sha, :user, :at FROM declaration_texts "
        "WHERE panel_id = :panel"));
    if (!insert.ok())
        return insert.error();
    const QString sha256 = Sha256::hexOf(text.toUtf8());
    insert->bind(":panel", panelId)
        .bind(":text", text)
        .bind(":sha", sha256)
        .bind(":user", m_session.currentUser().id)
        .bind(":at", caserows::utcText(m_clock.nowUtc()));
    if (Status run = insert->run(); !run.ok())
        return run.error();
    const auto id = db.lastInsertId<DeclarationTextId>();
    auto stored = byId(db, id);
    if (!stored.ok())
        return stored.error();
    // The hash goes into the trail, so a text can be matched to its event without the text itself.
    if (Status audited = m_session.audit().append(
            m_session.currentUser().login, AuditAction::DeclarationText, AuditRecord::ofPanel(panelId),
            QStringLiteral("version=%1 sha256=%2").arg(stored->version).arg(sha256));
        !audited.ok())
        return audited.error();
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return stored;
}

} // namespace confer
