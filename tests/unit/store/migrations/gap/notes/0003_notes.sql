-- Test fixture: step 3, with step 2 missing: the list must be refused, not step 2 skipped.
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
