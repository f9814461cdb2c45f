-- Meetings of a panel: agenda, attendance, confidentiality declarations and the decisions made at them
-- (issue 8; Thurrock 8.1 Method A, Durham 5.10). Written for SQLite 3.15 (no UPSERT, RETURNING, JSON1).

-- Each panel's declaration text, versioned: an edit makes a new version and the old ones stay, each with
-- the SHA-256 of its exact text (UTF-8), so a signature always names the words that were signed.
CREATE TABLE declaration_texts (
    id INTEGER PRIMARY KEY,
    panel_id INTEGER NOT NULL REFERENCES panels(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    text TEXT NOT NULL CHECK (length(text) > 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    created_by_user_id INTEGER REFERENCES users(id),
    created_utc TEXT NOT NULL,
    UNIQUE (panel_id, version)
);
CREATE TRIGGER declaration_texts_no_update BEFORE UPDATE ON declaration_texts
BEGIN
    SELECT RAISE(ABORT, 'a declaration text is never edited in place; add a new version');
END;

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,    -- MAPS-M-2026-004
    panel_id INTEGER NOT NULL REFERENCES panels(id),
    meeting_date TEXT NOT NULL,        -- ISO date, where the panel meets
    starts_at TEXT NOT NULL,           -- HH:MM local time
    ends_at TEXT NOT NULL,             -- HH:MM local time, the scheduled end
    place TEXT NOT NULL DEFAULT '',
    video_link TEXT NOT NULL DEFAULT '',
    chair_user_id INTEGER REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed', 'cancelled')),
    cancel_reason TEXT NOT NULL DEFAULT '',
    declaration_text_id INTEGER REFERENCES declaration_texts(id), -- fixed when the meeting opens
    opened_utc TEXT,
    closed_utc TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    CHECK (status = 'planned' OR status = 'cancelled' OR declaration_text_id IS NOT NULL)
);
CREATE INDEX meetings_by_panel ON meetings(panel_id, meeting_date);

-- The agenda: case items (one per case) and other business, in order, each with an optional time box.
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    position INTEGER NOT NULL,
    case_id INTEGER REFERENCES cases(id), -- NULL for other business
    title TEXT NOT NULL DEFAULT '',       -- other business: "Minutes of the last meeting"
    reason TEXT NOT NULL CHECK (reason IN ('carried_forward', 'review_overdue', 'review_due', 'open_actions',
                                           'chosen', 'business')),
    time_box_minutes INTEGER CHECK (time_box_minutes IS NULL OR time_box_minutes BETWEEN 1 AND 480),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'open', 'done')),
    opened_utc TEXT,
    finished_utc TEXT,
    CHECK ((case_id IS NULL) = (reason = 'business')),
    UNIQUE (meeting_id, case_id)
);
CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_by_case ON agenda_items(case_id);

-- Invitees and attendance: members, guests (who may be invited for one item) and observers; apologies,
-- arrival and leaving. Name, agency and role are kept as they were at the meeting.
CREATE TABLE meeting_attendees (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    user_id INTEGER REFERENCES users(id),          -- NULL for a guest without an account
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    agency_id INTEGER REFERENCES agencies(id),     -- NULL when the agency is not in the directory
    agency_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('member', 'guest', 'observer')),
    agenda_item_id INTEGER REFERENCES agenda_items(id), -- a guest invited for one item only
    has_apologies INTEGER NOT NULL DEFAULT 0 CHECK (has_apologies IN (0, 1)),
    agency_sent_information INTEGER NOT NULL DEFAULT 0 CHECK (agency_sent_information IN (0, 1)),
    is_remote INTEGER NOT NULL DEFAULT 0 CHECK (is_remote IN (0, 1)),
    arrived_utc TEXT,
    left_utc TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_utc TEXT NOT NULL,
    UNIQUE (meeting_id, user_id)
);
CREATE INDEX meeting_attendees_by_meeting ON meeting_attendees(meeting_id);

-- Each attendee's declaration: signed (drawn on screen, typed and witnessed, or spoken and witnessed for a
-- remote attendee) or refused, against the exact text version and its hash. Never changed: signing again
-- adds a row, and the latest counts.
CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    attendee_id INTEGER NOT NULL REFERENCES meeting_attendees(id),
    attendee_name TEXT NOT NULL,
    agency_name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    text_id INTEGER NOT NULL REFERENCES declaration_texts(id),
    text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
    outcome TEXT NOT NULL CHECK (outcome IN ('signed', 'refused')),
    method TEXT CHECK (method IN ('drawn', 'typed_witnessed', 'spoken_witnessed')),
    strokes BLOB,                    -- drawn: the signature's strokes as vectors (core/meetings/Signature)
    typed_name TEXT NOT NULL DEFAULT '',
    witness_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL,
    CHECK ((outcome = 'refused') = (method IS NULL)),
    CHECK ((method IS 'drawn') = (strokes IS NOT NULL)),
    CHECK (method IS NULL OR method = 'drawn' OR witness_user_id IS NOT NULL)
);
CREATE INDEX declarations_by_meeting ON declarations(meeting_id, attendee_id);
CREATE TRIGGER declarations_no_update BEFORE UPDATE ON declarations
BEGIN
    SELECT RAISE(ABORT, 'a declaration is never changed; record a new one');
END;

-- The chair's decision to go on without someone's signature, with the reason.
CREATE TABLE declaration_overrides (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    attendee_id INTEGER NOT NULL REFERENCES meeting_attendees(id),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    by_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL
);
CREATE INDEX declaration_overrides_by_meeting ON declaration_overrides(meeting_id, attendee_id);
CREATE TRIGGER declaration_overrides_no_update BEFORE UPDATE ON declaration_overrides
BEGIN
    SELECT RAISE(ABORT, 'an override is never changed');
END;

-- Decisions made at a meeting, against the agenda item: the stage move, who proposed it, whether the panel
-- agreed, and any dissent. An agreed move is made through the case's one stage-move path.
CREATE TABLE meeting_decisions (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    proposed_by_attendee_id INTEGER NOT NULL REFERENCES meeting_attendees(id),
    is_agreed INTEGER NOT NULL CHECK (is_agreed IN (0, 1)),
    dissent TEXT NOT NULL DEFAULT '',
    recorded_by_user_id INTEGER REFERENCES users(id),
    at_utc TEXT NOT NULL
);
CREATE INDEX meeting_decisions_by_item ON meeting_decisions(agenda_item_id);

-- Actions agreed at an agenda item; those still open are carried forward to the panel's next meeting.
CREATE TABLE agenda_item_actions (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
    action_id INTEGER NOT NULL UNIQUE REFERENCES actions(id),
    PRIMARY KEY (agenda_item_id, action_id)
);

-- In a demonstration store, meetings and their attendees are demonstration data too (as 0005 does for
-- cases), so the store never starts to count as holding real records.
CREATE TRIGGER meetings_demo_in_demonstration_store AFTER INSERT ON meetings
WHEN (SELECT is_demonstration FROM store_info WHERE id = 1) = 1
BEGIN
    UPDATE meetings SET is_demo = 1 WHERE id = NEW.id;
END;

CREATE TRIGGER meeting_attendees_demo_in_demonstration_store AFTER INSERT ON meeting_attendees
WHEN (SELECT is_demonstration FROM store_info WHERE id = 1) = 1
BEGIN
    UPDATE meeting_attendees SET is_demo = 1 WHERE id = NEW.id;
END;
