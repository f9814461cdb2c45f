-- Test fixture: numbers may leave gaps; this step runs last and needs the notes table.
CREATE INDEX notes_by_person ON notes (person_id);
