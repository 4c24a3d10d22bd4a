-- A Return for "another reason" asks for the reason in words, as a lost lead's does: the
-- question says which of the two it is.
ALTER TABLE reason_questions ADD COLUMN kind TEXT NOT NULL DEFAULT 'lost'
    CHECK (kind IN ('lost', 'returned'));
