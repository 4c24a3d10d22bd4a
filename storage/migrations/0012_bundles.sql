-- A manager who accepts many offers at once gets their contacts in one message (purpose
-- 'contacts') instead of one edit a second; each offer's own edit still follows, later.
-- bundled_at marks the edits whose contacts went out that way, so they are bundled once.
ALTER TABLE outbox ADD COLUMN bundled_at TEXT;
