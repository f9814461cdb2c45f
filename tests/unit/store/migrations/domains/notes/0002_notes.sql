-- Test fixture: another domain's step; refers to people, so it fails if it runs before 0001.
CREATE TABLE notes (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id), body TEXT);
INSERT INTO notes (person_id, body) SELECT id, 'second step' FROM people;
