-- Test fixture: a valid first step next to a misnamed file.
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
