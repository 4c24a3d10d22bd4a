-- Least loaded (issue "Speed to lead"): a group may hand out by load too. SQLite cannot
-- change a CHECK in place: the table is rebuilt, with its index and the triggers that
-- draw a new configuration token (0011), which went with the old table.
CREATE TABLE groups_v20 (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL,  -- the name folded: "Gov" and "gov" are one group
    mode        TEXT    NOT NULL DEFAULT 'first_come'
                CHECK (mode IN ('first_come', 'round_robin', 'least_loaded')),
    created_at  TEXT    NOT NULL,
    deleted_at  TEXT
);
INSERT INTO groups_v20 (id, team_id, name, name_key, mode, created_at, deleted_at)
SELECT id, team_id, name, name_key, mode, created_at, deleted_at FROM groups;
DROP TABLE groups;
ALTER TABLE groups_v20 RENAME TO groups;
CREATE UNIQUE INDEX groups_by_name ON groups (team_id, name_key) WHERE deleted_at IS NULL;

CREATE TRIGGER config_groups_insert AFTER INSERT ON groups
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_groups_update AFTER UPDATE ON groups
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_groups_delete AFTER DELETE ON groups
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;
