-- The first contact with the client: see storage/migrations/0019_first_contact.sql.
ALTER TABLE leads ADD COLUMN contacted_at TEXT;
ALTER TABLE leads ADD COLUMN contacted_by BIGINT REFERENCES members (id);
UPDATE leads SET contacted_at = closed_at, contacted_by = owner_id
WHERE closed_at IS NOT NULL
  AND (status = 'won' OR (status = 'lost' AND lost_reason IN ('no_budget', 'competitor', 'not_client')));
