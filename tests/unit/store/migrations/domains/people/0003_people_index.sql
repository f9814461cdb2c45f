-- Test fixture: the people domain again, after the notes domain's step.
CREATE INDEX people_by_name ON people (name);
