-- Teams: one Telegram group chat where a sales team works.
CREATE TABLE teams (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    language    TEXT    NOT NULL CHECK (language IN ('ru', 'en')),
    mode        TEXT    NOT NULL DEFAULT 'first_come',
    created_by  INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
);

-- Members: sales managers of a team. A removed member keeps the row (leads point to it).
CREATE TABLE members (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    user_id     INTEGER NOT NULL,
    full_name   TEXT    NOT NULL,
    username    TEXT,
    language    TEXT    NOT NULL CHECK (language IN ('ru', 'en')),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    joined_at   TEXT    NOT NULL,
    removed_at  TEXT,
    UNIQUE (team_id, user_id)
);

-- Leads. team_id is NULL only while no team chat is set up yet; /setup adopts them.
CREATE TABLE leads (
    id               INTEGER PRIMARY KEY,
    team_id          INTEGER REFERENCES teams (id),
    status           TEXT    NOT NULL DEFAULT 'new',
    source           TEXT    NOT NULL CHECK (source IN ('http', 'command', 'forward')),
    name             TEXT,
    phone            TEXT,
    email            TEXT,
    company          TEXT,
    tax_id           TEXT,
    message          TEXT,
    channel          TEXT,
    industry         TEXT,
    region           TEXT,
    product          TEXT,
    external_id      TEXT UNIQUE,
    idempotency_key  TEXT UNIQUE,
    extra            TEXT    NOT NULL DEFAULT '{}',
    contact_user_id  INTEGER,
    owner_id         INTEGER REFERENCES members (id),
    created_at       TEXT    NOT NULL,
    claimed_at       TEXT,
    card_chat_id     INTEGER,
    card_message_id  INTEGER,
    CHECK ((owner_id IS NULL) = (claimed_at IS NULL))
);
CREATE INDEX leads_by_team_status ON leads (team_id, status);

-- Every state change of a lead: what happened, when, who did it, and why.
CREATE TABLE lead_events (
    id             INTEGER PRIMARY KEY,
    lead_id        INTEGER NOT NULL REFERENCES leads (id),
    at             TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    actor_user_id  INTEGER,
    member_id      INTEGER REFERENCES members (id),
    reason         TEXT    NOT NULL,
    details        TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX lead_events_by_lead ON lead_events (lead_id, id);

-- The one path to Telegram: rows are written in the same transaction as the state they
-- announce, and a worker sends them in id order per chat.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('send', 'edit_card')),
    purpose          TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    reply_markup     TEXT,
    lead_id          INTEGER REFERENCES leads (id),
    status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    message_id       INTEGER
);
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
