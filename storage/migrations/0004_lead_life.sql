-- A lead's life: new (claimable in the team chat, or waiting for a head), offered (sent to
-- one manager), taken, won or lost. The owner, and when they got it, go together.
CREATE TABLE leads_v4 (
    id               INTEGER PRIMARY KEY,
    team_id          INTEGER REFERENCES teams (id),
    status           TEXT    NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'offered', 'taken', 'won', 'lost')),
    pool             TEXT    DEFAULT 'chat' CHECK (pool IN ('chat', 'heads')),
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
    assigned_at      TEXT,
    taken_at         TEXT,
    take_seconds     INTEGER,  -- from arrival to taken_at, kept for /stats
    closed_at        TEXT,
    lost_reason      TEXT,
    card_chat_id     INTEGER,
    card_message_id  INTEGER,
    CHECK ((status = 'new') = (owner_id IS NULL)),
    CHECK ((owner_id IS NULL) = (assigned_at IS NULL)),
    CHECK ((status = 'new') = (pool IS NOT NULL)),
    CHECK ((status IN ('taken', 'won', 'lost')) = (taken_at IS NOT NULL)),
    CHECK ((taken_at IS NULL) = (take_seconds IS NULL)),
    CHECK ((status IN ('won', 'lost')) = (closed_at IS NOT NULL)),
    CHECK ((status = 'lost') = (lost_reason IS NOT NULL))
);
INSERT INTO leads_v4 (id, team_id, status, pool, source, name, phone, email, company, tax_id,
                      message, channel, industry, region, product, external_id,
                      idempotency_key, extra, contact_user_id, owner_id, created_at,
                      assigned_at, taken_at, take_seconds, card_chat_id, card_message_id)
SELECT id, team_id,
       CASE status WHEN 'claimed' THEN 'taken' ELSE 'new' END,
       CASE status WHEN 'claimed' THEN NULL ELSE 'chat' END,
       source, name, phone, email, company, tax_id, message, channel, industry, region,
       product, external_id, idempotency_key, extra, contact_user_id, owner_id, created_at,
       claimed_at, claimed_at,
       CAST(round((julianday(claimed_at) - julianday(created_at)) * 86400) AS INTEGER),
       card_chat_id, card_message_id
FROM leads;
DROP TABLE leads;
ALTER TABLE leads_v4 RENAME TO leads;
CREATE INDEX leads_by_team_status ON leads (team_id, status);
CREATE INDEX leads_by_card_chat ON leads (card_chat_id, status);
CREATE INDEX leads_open_by_owner ON leads (owner_id, status);
-- /stats reads these without touching the rows.
CREATE INDEX leads_by_created ON leads (team_id, created_at, channel, status);
CREATE INDEX leads_by_take_time ON leads (team_id, owner_id, take_seconds, taken_at);

-- Team settings by name, so that a new setting needs no migration. The mode moves here.
CREATE TABLE team_settings (
    team_id  INTEGER NOT NULL REFERENCES teams (id),
    name     TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    PRIMARY KEY (team_id, name)
);
INSERT INTO team_settings (team_id, name, value)
SELECT id, 'mode', mode FROM teams WHERE mode <> 'first_come';
CREATE TABLE teams_v4 (
    id            INTEGER PRIMARY KEY,
    chat_id       INTEGER NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    language      TEXT    NOT NULL CHECK (language IN ('ru', 'en')),
    created_by    INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    paused_at     TEXT,
    pause_reason  TEXT
);
INSERT INTO teams_v4 (id, chat_id, title, language, created_by, created_at, paused_at,
                      pause_reason)
SELECT id, chat_id, title, language, created_by, created_at, paused_at, pause_reason FROM teams;
DROP TABLE teams;
ALTER TABLE teams_v4 RENAME TO teams;

-- The round-robin turn of a team (later also of each group), kept across restarts.
CREATE TABLE turns (
    team_id  INTEGER NOT NULL REFERENCES teams (id),
    scope    TEXT    NOT NULL,
    state    TEXT    NOT NULL,
    PRIMARY KEY (team_id, scope)
);

-- What a manager brings to distribution.
ALTER TABLE members ADD COLUMN paused_at TEXT;
ALTER TABLE members ADD COLUMN weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 10);
ALTER TABLE members ADD COLUMN cap INTEGER CHECK (cap IS NULL OR cap >= 0);
ALTER TABLE members ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';

-- Open leads (offered or taken) per member, kept by the database itself on every change of
-- a lead, so that routing and caps read one number instead of counting a big team's leads.
-- A migration that rebuilds `leads` drops these triggers with it and must create them again.
ALTER TABLE members ADD COLUMN open_leads INTEGER NOT NULL DEFAULT 0;
UPDATE members SET open_leads = (
    SELECT COUNT(*) FROM leads WHERE owner_id = members.id AND status IN ('offered', 'taken'));
CREATE TRIGGER leads_open_on_insert AFTER INSERT ON leads
WHEN NEW.owner_id IS NOT NULL AND NEW.status IN ('offered', 'taken')
BEGIN
    UPDATE members SET open_leads = open_leads + 1 WHERE id = NEW.owner_id;
END;
CREATE TRIGGER leads_open_on_update AFTER UPDATE OF status, owner_id ON leads
BEGIN
    UPDATE members SET open_leads = open_leads - 1
    WHERE id = OLD.owner_id AND OLD.status IN ('offered', 'taken');
    UPDATE members SET open_leads = open_leads + 1
    WHERE id = NEW.owner_id AND NEW.status IN ('offered', 'taken');
END;
CREATE TRIGGER leads_open_on_delete AFTER DELETE ON leads
WHEN OLD.owner_id IS NOT NULL AND OLD.status IN ('offered', 'taken')
BEGIN
    UPDATE members SET open_leads = open_leads - 1 WHERE id = OLD.owner_id;
END;

-- The outbox edits any message it sent (method 'edit', target_id names the row that sent
-- it), and keeps buttons in a neutral form, [[{"text", "data" | "url"}]], that the worker
-- turns into a keyboard.
CREATE TABLE outbox_v4 (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('send', 'edit_card', 'edit')),
    purpose          TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    buttons          TEXT,
    lead_id          INTEGER REFERENCES leads (id),
    target_id        INTEGER REFERENCES outbox (id),
    status           TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    message_id       INTEGER,
    CHECK ((method = 'edit') = (target_id IS NOT NULL))
);
INSERT INTO outbox_v4 (id, chat_id, method, purpose, text, buttons, lead_id, status,
                       attempts, next_attempt_at, last_error, created_at, sent_at, message_id)
SELECT id, chat_id, method, purpose, text,
       CASE WHEN reply_markup IS NULL THEN NULL ELSE (
           SELECT json_group_array(json((
               SELECT json_group_array(json_object(
                   'text', json_extract(b.value, '$.text'),
                   'data', json_extract(b.value, '$.callback_data')))
               FROM json_each(r.value) AS b)))
           FROM json_each(json_extract(outbox.reply_markup, '$.inline_keyboard')) AS r)
       END,
       lead_id, status, attempts, next_attempt_at, last_error, created_at, sent_at, message_id
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
CREATE INDEX outbox_pending_edits ON outbox (chat_id, method, id) WHERE status = 'pending';
CREATE INDEX outbox_pending_by_lead ON outbox (lead_id, chat_id, id) WHERE status = 'pending';
CREATE INDEX outbox_by_lead ON outbox (lead_id, purpose);

-- /stats counts each kind of event per member over a period from this index alone.
CREATE INDEX lead_events_by_kind ON lead_events (kind, at, member_id);
