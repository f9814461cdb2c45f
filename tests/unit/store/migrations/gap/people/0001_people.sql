-- Test fixture: step 1; step 2 belongs to a domain that is not here.
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
