-- Indexes for the caseload table (core/caseload/CaseloadQuery.cpp), so a filter keystroke and the first
-- page stay instant at 100,000 cases. SQLite 3.15 uses indexes on expressions (3.9+) for ORDER BY.

-- Counting and narrow filters: every filter but text from the index alone, no case row read.
CREATE INDEX cases_caseload ON cases(panel_id, stage, risk, next_review);

-- Walking a sort order for a broad filter: each index ends with the rowid, so ties break on the case id
-- without a sort. Reference walks the UNIQUE index on reference; NextReview puts cases without a date last.
CREATE INDEX cases_by_review_due ON cases(ifnull(next_review, '9999-12-31'));
CREATE INDEX cases_by_risk_rank
    ON cases((CASE risk WHEN 'red' THEN 3 WHEN 'amber' THEN 2 WHEN 'green' THEN 1 ELSE 0 END));
CREATE INDEX cases_by_stage ON cases(stage);
CREATE INDEX cases_by_panel ON cases(panel_id);
CREATE INDEX subjects_by_name ON subjects(name COLLATE NOCASE);
