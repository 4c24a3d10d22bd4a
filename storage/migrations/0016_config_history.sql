-- What the team's configuration was, and when: /replay routes each past lead as the team
-- was then. Each change keeps the value it replaced, so the value at a moment is the one
-- the first later change replaced, or today's (history from before this migration reads
-- as today's, as /replay always read it).

-- A team setting changed at `at`; `old_value` NULL: it was the default.
CREATE TABLE setting_changes (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id),
    name       TEXT    NOT NULL,
    old_value  TEXT,
    at         TEXT    NOT NULL
);
CREATE INDEX setting_changes_by_team ON setting_changes (team_id, at);

-- The team's rules changed at `at` (added, deleted, moved): the whole list before, as JSON
-- [{"field", "values", "member_id", "group_id"}, ...] in order.
CREATE TABLE rule_changes (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id),
    old_rules  TEXT    NOT NULL,
    at         TEXT    NOT NULL
);
CREATE INDEX rule_changes_by_team ON rule_changes (team_id, at);

-- A manager's pauses, from /pause to /resume (open while paused): `members.paused_at` says
-- only the pause in force.
CREATE TABLE member_pauses (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    started_at  TEXT    NOT NULL,
    ended_at    TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX member_pauses_by_member ON member_pauses (member_id, started_at);
INSERT INTO member_pauses (member_id, started_at)
SELECT id, paused_at FROM members WHERE paused_at IS NOT NULL;
