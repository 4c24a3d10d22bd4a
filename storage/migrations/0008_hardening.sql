-- A row is marked just before its call to Telegram. A row still marked at start may have
-- reached Telegram before the process died: it is sent again (at most one repeat a crash).
-- A row whose send Telegram accepted but whose record failed is never sent again: the
-- worker keeps the answer and retries the record instead.
ALTER TABLE outbox ADD COLUMN sending_at TEXT;
