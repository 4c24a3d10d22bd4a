-- A deal's amount (issue "Speed to lead", part 5): asked for after Won, optional. Whole
-- currency units. The owner's next message answers it, like a lost lead's reason in
-- words: the question's kind gets a value, which SQLite adds by rebuilding the table.
ALTER TABLE leads ADD COLUMN won_amount INTEGER;
CREATE TABLE reason_questions_v21 (
    user_id    INTEGER PRIMARY KEY,
    lead_id    INTEGER NOT NULL REFERENCES leads (id),
    asked_at   TEXT    NOT NULL,
    kind       TEXT    NOT NULL DEFAULT 'lost' CHECK (kind IN ('lost', 'returned', 'amount'))
);
INSERT INTO reason_questions_v21 (user_id, lead_id, asked_at, kind)
SELECT user_id, lead_id, asked_at, kind FROM reason_questions;
DROP TABLE reason_questions;
ALTER TABLE reason_questions_v21 RENAME TO reason_questions;
