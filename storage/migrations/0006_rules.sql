-- Routing rules: groups of managers, the ordered rules, aliases, and the index of clients.

-- A group is deleted softly: old leads still name it, and its name can be used again.
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL,  -- the name folded: "Gov" and "gov" are one group
    mode        TEXT    NOT NULL DEFAULT 'first_come'
                CHECK (mode IN ('first_come', 'round_robin')),
    created_at  TEXT    NOT NULL,
    deleted_at  TEXT
);
CREATE UNIQUE INDEX groups_by_name ON groups (team_id, name_key) WHERE deleted_at IS NULL;

CREATE TABLE group_members (
    group_id   INTEGER NOT NULL REFERENCES groups (id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (group_id, member_id)
) WITHOUT ROWID;

-- The first rule (lowest position) that matches a lead decides; the team's mode catches
-- the rest. A rule sends to one manager or one group.
CREATE TABLE rules (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    position    INTEGER NOT NULL,
    field       TEXT    NOT NULL,
    match_values TEXT   NOT NULL,  -- JSON list, as the head typed them
    member_id   INTEGER REFERENCES members (id),
    group_id    INTEGER REFERENCES groups (id),
    created_at  TEXT    NOT NULL,
    CHECK ((member_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX rules_by_team ON rules (team_id, position);

-- `/alias region мск Москва`: alias_key is the alias folded (see bot/routing/match.py).
CREATE TABLE aliases (
    team_id    INTEGER NOT NULL REFERENCES teams (id),
    field      TEXT    NOT NULL,
    alias_key  TEXT    NOT NULL,
    alias      TEXT    NOT NULL,
    canonical  TEXT    NOT NULL,
    PRIMARY KEY (team_id, field, alias_key)
) WITHOUT ROWID;

-- Who the client is, normalised (phone digits, e-mail, tax id, company, brand): the known
-- client is found by this index, never by scanning leads.
CREATE TABLE client_keys (
    kind     TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    lead_id  INTEGER NOT NULL REFERENCES leads (id),
    PRIMARY KEY (kind, value, lead_id)
) WITHOUT ROWID;

-- Leads stored before this migration: the bot indexes them at start, in batches
-- (normalising needs Python). A lead leaves this list once its keys are written.
CREATE TABLE pending_client_keys (
    lead_id  INTEGER PRIMARY KEY REFERENCES leads (id)
);
INSERT INTO pending_client_keys (lead_id) SELECT id FROM leads;

-- A first-come group's card: only the group's members may claim it.
ALTER TABLE leads ADD COLUMN group_id INTEGER REFERENCES groups (id);
