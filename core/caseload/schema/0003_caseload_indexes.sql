-- Indexes for the caseload table (core/caseload/CaseloadQuery.cpp), so a filter keystroke and the first
-- page stay instant at 100,000 cases. SQLite 3.15: an index on an expression is used for ORDER BY but
-- never as a covering index, so the covering ones below name plain columns.

-- Counting and narrow filters: every filter but text from the index alone, no case row read.
CREATE INDEX cases_caseload ON cases(panel_id, stage, risk, next_review);

-- The cases matching a filter's text, looked up by id without reading their rows (which are large and
-- mostly outside the page cache): the filter's columns and the sort keys a page gathers and sorts.
CREATE INDEX cases_caseload_by_id ON cases(id, panel_id, stage, risk, next_review, reference, subject_id);

-- Walking a sort order for a broad filter. The default order (next review) walks a covering index and
-- sorts only the cases of one date at a time by id; the others end with the rowid, so ties break on the
-- case id without a sort. Reference walks the UNIQUE index on reference.
CREATE INDEX cases_review_walk ON cases(next_review, panel_id, stage, risk);
CREATE INDEX cases_by_risk_rank
    ON cases((CASE risk WHEN 'red' THEN 3 WHEN 'amber' THEN 2 WHEN 'green' THEN 1 ELSE 0 END));
CREATE INDEX cases_by_stage ON cases(stage);
CREATE INDEX cases_by_panel ON cases(panel_id);
CREATE INDEX subjects_by_name ON subjects(name COLLATE NOCASE);
