-- Test fixture: the first step creates a table that later steps build on.
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO people (name) VALUES ('first step');
