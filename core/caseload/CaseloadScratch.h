#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace confer {

class Database;
struct CaseloadConditions;

// What a CaseloadQuery worked out and keeps while the store has not changed: the table model asks for the
// count and then page after page of one filter, and a keystroke changes only the text. The id sets are TEMP
// tables (in memory: temp_store=MEMORY is checked at open) holding case ids only.
//
// The store's content is stamped by total_changes() less this object's own writes: anything else that
// writes moves it, and one connection per store (StoreLock) means no writer goes unseen.
class CaseloadScratch final {
public:
    // A figure or set and what it was worked out for.
    struct Remembered {
        QString key;
        qint64 stamp = -1;
        int value = 0;
        bool isLeftOut = false; // for the scope set: it holds the visible cases the filter leaves out
    };

    explicit CaseloadScratch(Database& database);

    Result<qint64> stamp();

    // How many visible cases the filter admits, text aside (key: the filter without its text).
    Result<int> admittedCount(const QString& key, const CaseloadConditions& where, qint64 stamp);
    // How many cases the user may see at all (visible: CaseAccess::visibleCases("c")).
    Result<int> visibleCount(const QString& visible, qint64 stamp);
    // temp.caseload_match: the cases matching the text's expression, on any panel. Returns how many.
    Result<int> fillMatches(const QString& expression, qint64 stamp);
    // temp.caseload_scope: the filter's id set, holding whichever side is smaller.
    Result<Remembered> fillScope(const QString& key, const CaseloadConditions& where, bool keepsLeftOut,
                                 qint64 stamp);
    bool hasScope(const QString& key, qint64 stamp) const { return isCurrent(m_scopeSet, key, stamp); }

    // count() of a whole filter, remembered by its caller.
    std::optional<int> rememberedCount(const QString& key, qint64 stamp) const;
    void rememberCount(const QString& key, qint64 stamp, int value) { m_count = {key, stamp, value, false}; }

private:
    static bool isCurrent(const Remembered& remembered, const QString& key, qint64 stamp)
    {
        return remembered.key == key && remembered.stamp == stamp;
    }
    Status writeTemp(const QStringList& statements, const CaseloadConditions* where, int* rowsOfLast);
    Result<qint64> single(const QString& sql, const CaseloadConditions* where);

    Database& m_db;
    qint64 m_ownChanges = 0;
    Remembered m_count;    // count() of a whole filter
    Remembered m_admitted; // cases the filter admits, text aside
    Remembered m_visible;  // cases the user may see
    Remembered m_matchSet; // what temp.caseload_match holds
    Remembered m_scopeSet; // what temp.caseload_scope holds
};

} // namespace confer
