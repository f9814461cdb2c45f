-- Test fixture: another domain took number 1 too: the list must be refused.
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
