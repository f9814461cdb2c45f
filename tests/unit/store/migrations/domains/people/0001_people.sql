-- Test fixture: the people domain's first step, which the notes domain's step builds on.
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO people (name) VALUES ('first step');
