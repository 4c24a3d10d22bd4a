-- A manager's latest turns, read back on each lapse: see storage/migrations/0022_presence.sql.
CREATE INDEX lead_events_by_member ON lead_events (member_id, id);
