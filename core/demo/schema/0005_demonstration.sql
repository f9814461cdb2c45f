-- A demonstration store holds invented people and cases only, and stays one: `confer demo` marks it
-- (DemonstrationStore, audited as store.demonstration) and nothing unmarks it. See docs/decisions.md.
ALTER TABLE store_info ADD COLUMN is_demonstration INTEGER NOT NULL DEFAULT 0
    CHECK (is_demonstration IN (0, 1));

CREATE TRIGGER store_info_demonstration_is_for_good BEFORE UPDATE OF is_demonstration ON store_info
WHEN OLD.is_demonstration = 1 AND NEW.is_demonstration IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'a demonstration store stays a demonstration store');
END;

-- Whatever is added to a demonstration store later (a chair trying out New case...) is demonstration
-- data too, so the store never starts to count as holding real cases. Notes follow their case.
CREATE TRIGGER subjects_demo_in_demonstration_store AFTER INSERT ON subjects
WHEN (SELECT is_demonstration FROM store_info WHERE id = 1) = 1
BEGIN
    UPDATE subjects SET is_demo = 1 WHERE id = NEW.id;
END;

CREATE TRIGGER cases_demo_in_demonstration_store AFTER INSERT ON cases
WHEN (SELECT is_demonstration FROM store_info WHERE id = 1) = 1
BEGIN
    UPDATE cases SET is_demo = 1 WHERE id = NEW.id;
END;

CREATE TRIGGER actions_demo_in_demonstration_store AFTER INSERT ON actions
WHEN (SELECT is_demonstration FROM store_info WHERE id = 1) = 1
BEGIN
    UPDATE actions SET is_demo = 1 WHERE id = NEW.id;
END;
