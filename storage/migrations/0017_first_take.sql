-- When a lead was first taken (claimed, accepted or assigned) and by whom: the reports'
-- time to take, and whose take it was (a deputy's is the deputy's). `taken_at` is the
-- present take (a Return clears it); these are kept for good. Filled from the history for
-- the leads there are; a lead taken before takes were recorded has only its own times.
ALTER TABLE leads ADD COLUMN first_taken_at TEXT;
ALTER TABLE leads ADD COLUMN first_taker_id INTEGER REFERENCES members (id);
UPDATE leads SET
    first_taken_at = (
        SELECT e.at FROM lead_events AS e
        WHERE e.lead_id = leads.id AND e.kind IN ('claimed', 'accepted', 'assigned')
        ORDER BY e.id LIMIT 1
    ),
    first_taker_id = (
        SELECT e.member_id FROM lead_events AS e
        WHERE e.lead_id = leads.id AND e.kind IN ('claimed', 'accepted', 'assigned')
        ORDER BY e.id LIMIT 1
    );
UPDATE leads SET first_taken_at = taken_at
WHERE first_taken_at IS NULL AND taken_at IS NOT NULL;
-- Early events name no member: the take was the owner's.
UPDATE leads SET first_taker_id = owner_id
WHERE first_taken_at IS NOT NULL AND first_taker_id IS NULL;
