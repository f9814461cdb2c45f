-- Roles per panel and sectors per agency (issue 8). Written for SQLite 3.15.

-- Which part of public life an agency belongs to; a panel kind names the sectors its meetings need to be
-- quorate (Channel: the local authority and the police, Durham 5.10). Existing agencies start as 'other'
-- until an administrator or coordinator says which sector they are.
ALTER TABLE agencies ADD COLUMN sector TEXT NOT NULL DEFAULT 'other'
    CHECK (sector IN ('police', 'local_authority', 'probation', 'health', 'housing', 'education',
                      'fire_rescue', 'voluntary_sector', 'other'));

-- A panel's coordinators, beside its chair (panels.chair_user_id): together they plan, open and close the
-- panel's meetings and make its panel decisions. A coordinator is a member of the panel: leaving the panel
-- ends the role with it (the membership's removal is audited; the cascade removes the role in the same
-- statement).
CREATE TABLE panel_coordinators (
    panel_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    added_utc TEXT NOT NULL,
    PRIMARY KEY (panel_id, user_id),
    FOREIGN KEY (panel_id, user_id) REFERENCES panel_members(panel_id, user_id) ON DELETE CASCADE
);
CREATE INDEX panel_coordinators_by_user ON panel_coordinators(user_id);
