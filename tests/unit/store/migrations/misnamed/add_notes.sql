-- Test fixture: no number in the name; the set must be refused, not this file skipped.
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
