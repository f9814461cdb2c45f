-- Panels and caseloads: agencies, panels with members, subjects, cases with their notes, actions,
-- consent, reviews and stage history. Written for SQLite 3.15 (no UPSERT, RETURNING, JSON1, FTS5).

-- Partner organisations (Durham 4.1-4.4: responsible authorities and co-operating bodies).
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL CHECK (kind IN ('responsible_authority', 'cooperating_body', 'other')),
    isp_signatory TEXT NOT NULL DEFAULT '',
    isp_signed_on TEXT,                       -- ISO date, NULL when not signed
    dp_registration TEXT NOT NULL DEFAULT '', -- ICO data protection registration number
    contact_name TEXT NOT NULL DEFAULT '',    -- single point of contact
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL
);

-- Which agency a user works for (originator of their notes; "my agency's actions").
ALTER TABLE users ADD COLUMN agency_id INTEGER REFERENCES agencies(id);

CREATE TABLE panels (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- "Easington MAPS"
    kind TEXT NOT NULL,                        -- panel kind key: maps, iom, meam, channel, ...
    chair_user_id INTEGER REFERENCES users(id),
    is_archived INTEGER NOT NULL DEFAULT 0 CHECK (is_archived IN (0, 1)),
    created_utc TEXT NOT NULL
);

-- Need-to-know (Caldicott 4): a user sees the cases of the panels they are a member of, and no others.
CREATE TABLE panel_members (
    panel_id INTEGER NOT NULL REFERENCES panels(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    added_utc TEXT NOT NULL,
    PRIMARY KEY (panel_id, user_id)
);
CREATE INDEX panel_members_by_user ON panel_members(user_id);

-- People, households and locations. Only what a panel kind asks for is filled in.
CREATE TABLE subjects (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('person', 'household', 'location')),
    name TEXT NOT NULL,              -- person's name, household name, or location description
    aliases TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,              -- ISO date
    gender TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_utc TEXT NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,  -- MAPS-2026-0042
    panel_id INTEGER NOT NULL REFERENCES panels(id),
    subject_id INTEGER NOT NULL REFERENCES subjects(id),
    stage TEXT NOT NULL,
    stage_reason TEXT NOT NULL DEFAULT '',
    risk TEXT NOT NULL DEFAULT 'unassessed' CHECK (risk IN ('red', 'amber', 'green', 'unassessed')),
    referral_date TEXT NOT NULL,     -- ISO date
    referrer TEXT NOT NULL DEFAULT '',
    referring_agency_id INTEGER REFERENCES agencies(id),
    referral_reason TEXT NOT NULL DEFAULT '',
    lead_agency_id INTEGER REFERENCES agencies(id),
    lead_professional TEXT NOT NULL DEFAULT '',
    next_review TEXT,                -- ISO date
    marking TEXT NOT NULL DEFAULT 'official-sensitive'
        CHECK (marking IN ('official', 'official-sensitive')),
    fields TEXT NOT NULL DEFAULT '{}', -- the kind's own fields, JSON written and read by Confer
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX cases_by_panel_stage ON cases(panel_id, stage);
CREATE INDEX cases_by_review ON cases(next_review);
CREATE INDEX cases_by_subject ON cases(subject_id);

-- Filter-as-you-type over reference, subject name and aliases, postcode (FTS4: SQLite 3.15 has no FTS5).
CREATE VIRTUAL TABLE case_search USING fts4(reference, subject, postcode, prefix="2,3");

CREATE TABLE case_stage_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    from_stage TEXT,                 -- NULL for the first stage
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    by_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL
);
CREATE INDEX case_stage_history_by_case ON case_stage_history(case_id);

-- Values of time-series fields (MEAM's new-directions score), newest last.
CREATE TABLE case_field_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    recorded_on TEXT NOT NULL,       -- ISO date
    by_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL
);
CREATE INDEX case_field_history_by_case ON case_field_history(case_id, field);

-- Notes are never edited in place (Thurrock 8.3.2, 8.4): a correction is a new version pointing at
-- the one it replaces; the old one stays.
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    thread_id INTEGER NOT NULL,      -- id of the first version; all versions share it
    version INTEGER NOT NULL,        -- 1, 2, 3...
    agency_id INTEGER NOT NULL REFERENCES agencies(id), -- originating agency keeps ownership
    author_user_id INTEGER NOT NULL REFERENCES users(id),
    is_opinion INTEGER NOT NULL CHECK (is_opinion IN (0, 1)), -- Thurrock 5.3.1 d)
    opinion_basis TEXT NOT NULL DEFAULT '',
    marking TEXT NOT NULL CHECK (marking IN ('official', 'official-sensitive')),
    body TEXT NOT NULL,
    correction_reason TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0,
    at_utc TEXT NOT NULL,
    UNIQUE (thread_id, version)
);
CREATE INDEX notes_by_case ON notes(case_id);
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notes are never edited in place; add a new version');
END;

-- Actions (taskings) given to agencies at the panel.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    description TEXT NOT NULL,
    owner_agency_id INTEGER NOT NULL REFERENCES agencies(id),
    owner_person TEXT NOT NULL DEFAULT '',
    due_date TEXT,                   -- ISO date
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_possible', 'not_done')),
    created_by_user_id INTEGER REFERENCES users(id),
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX actions_by_case ON actions(case_id);
CREATE INDEX actions_by_agency ON actions(owner_agency_id, status);

CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'not_possible', 'not_done')),
    text TEXT NOT NULL DEFAULT '',
    by_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL
);
CREATE INDEX action_updates_by_action ON action_updates(action_id);

-- Consent (Channel: the individual, or a parent/guardian under 18). Every change is a new row.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    given_by TEXT NOT NULL CHECK (given_by IN ('individual', 'parent_guardian')),
    given_by_name TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('given', 'refused', 'withdrawn')),
    on_date TEXT NOT NULL,           -- ISO date
    scope TEXT NOT NULL DEFAULT '',  -- what the consent covers (support, sharing with named agencies)
    by_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL
);
CREATE INDEX consents_by_case ON consents(case_id);

-- Reviews the application schedules (Channel: 6 and 12 months after exit).
CREATE TABLE scheduled_reviews (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    label TEXT NOT NULL,
    due_date TEXT NOT NULL,          -- ISO date
    completed_on TEXT,               -- ISO date, NULL while outstanding
    outcome TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL
);
CREATE INDEX scheduled_reviews_by_case ON scheduled_reviews(case_id);
