#pragma once

#include "store/Database.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace confer {
class Session;
}

namespace confer::test {

// The lines of EXPLAIN QUERY PLAN for sql, through the store door ("SCAN TABLE cases AS c USING ...").
QStringList queryPlan(Database& db, const QString& sql);

// Need-to-know (Caldicott principle 4), checked on what the store really compiles: records every statement
// the session's store prepares while this object records (Database's read recorder), then judges each one.
// A statement reads case data when the authorizer saw it read a column of a case-data table or its query
// plan opens one (count(*) reads no column). Such a statement must keep to CaseAccess::visibleCases for
// the signed-in user, or be one of the few statements with which CaseAccess decides access, or the
// caseload's search-index lookup (CaseloadPlanner::fillMatchesSql).
class CaseDataReads final {
public:
    explicit CaseDataReads(Session& session);
    ~CaseDataReads();
    CaseDataReads(const CaseDataReads&) = delete;
    CaseDataReads& operator=(const CaseDataReads&) = delete;

    // Stops recording; judging stops it first (its query plans must not be recorded).
    void stop();
    const std::vector<Database::StatementReads>& statements() const { return m_statements; }

    // The tables of case data, from the schema: cases, subjects, the search index (and its own tables),
    // and every table that refers to one of them, and so on (notes, actions and their updates, consent,
    // reviews, histories, ...).
    QStringList caseDataTables();
    // The case-data tables one statement reads.
    QSet<QString> caseDataReadBy(const Database::StatementReads& statement);
    // Why the statement breaks need-to-know; empty when it does not.
    QString breach(const Database::StatementReads& statement);
    // Every breach among the recorded statements, each with its statement.
    QStringList breaches();
    // How many recorded statements read case data, and which case-data tables they read in all.
    int caseDataStatementCount();
    QSet<QString> caseDataTablesRead();

private:
    Session& m_session;
    bool m_isRecording = true;
    std::vector<Database::StatementReads> m_statements;
    QStringList m_caseDataTables;
};

} // namespace confer::test
