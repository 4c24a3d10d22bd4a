-- The first contact with the client (issue "Speed to lead"): when its owner first reached
-- them, and who that was. Kept for good, like the first take: a lead handed on after a
-- contact keeps it. Leads closed before contacts were recorded get one where the outcome
-- implies it: a deal won, or lost for a reason only a conversation gives.
ALTER TABLE leads ADD COLUMN contacted_at TEXT;
ALTER TABLE leads ADD COLUMN contacted_by INTEGER REFERENCES members (id);
UPDATE leads SET contacted_at = closed_at, contacted_by = owner_id
WHERE closed_at IS NOT NULL
  AND (status = 'won' OR (status = 'lost' AND lost_reason IN ('no_budget', 'competitor', 'not_client')));
