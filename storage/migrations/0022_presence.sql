-- Presence that follows behaviour (issue "Speed to lead", part 2): on each lapse the bot
-- reads a manager's latest turns back, to see whether the last few lapsed in a row.
CREATE INDEX lead_events_by_member ON lead_events (member_id, id);
