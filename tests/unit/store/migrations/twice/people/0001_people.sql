-- Test fixture: step 1 of one domain.
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
