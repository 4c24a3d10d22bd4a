-- Time: deadlines as rows, vacations, working hours and duty, and leads that wait for
-- opening. Every deadline is a row written with the change that causes it; the scheduler
-- only wakes the code at the earliest one.

CREATE TABLE vacations (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    deputy_id   INTEGER REFERENCES members (id),
    first_day   TEXT    NOT NULL,  -- local dates in the team's zone, both days away
    last_day    TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'active', 'ended', 'cancelled')),
    created_by  INTEGER NOT NULL,  -- the Telegram user who set it
    created_at  TEXT    NOT NULL,
    started_at  TEXT,
    ended_at    TEXT,
    CHECK (first_day <= last_day),
    CHECK (deputy_id IS NOT member_id),
    CHECK ((status = 'planned') = (started_at IS NULL) OR status = 'cancelled'),
    CHECK ((status IN ('ended', 'cancelled')) = (ended_at IS NOT NULL))
);
CREATE INDEX vacations_open ON vacations (team_id, member_id)
    WHERE status IN ('planned', 'active');

CREATE TABLE timers (
    id            INTEGER PRIMARY KEY,
    team_id       INTEGER NOT NULL REFERENCES teams (id),
    kind          TEXT    NOT NULL,
    lead_id       INTEGER REFERENCES leads (id),
    member_id     INTEGER REFERENCES members (id),  -- whom a lead's timer waits on
    vacation_id   INTEGER REFERENCES vacations (id),
    due_at        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    fired_at      TEXT,
    cancelled_at  TEXT,
    error         TEXT,  -- the firing failed: kept for the log, never retried in a loop
    CHECK (fired_at IS NULL OR cancelled_at IS NULL)
);
CREATE INDEX timers_pending ON timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX timers_pending_by_lead ON timers (lead_id)
    WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX timers_pending_by_vacation ON timers (vacation_id)
    WHERE fired_at IS NULL AND cancelled_at IS NULL;

ALTER TABLE members ADD COLUMN work_hours TEXT;  -- "10:00-19:00"; NULL: the team's
ALTER TABLE members ADD COLUMN on_duty INTEGER NOT NULL DEFAULT 0 CHECK (on_duty IN (0, 1));

-- Leads: a new lead may wait for opening (pool 'hours'), and a lead a deputy got while its
-- manager was away remembers whom it covers, to go back on their return. The table is
-- rebuilt for the new CHECK; its indexes and the open-lead triggers are created again.
CREATE TABLE leads_v7 (
    id               INTEGER PRIMARY KEY,
    team_id          INTEGER REFERENCES teams (id),
    status           TEXT    NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'offered', 'taken', 'won', 'lost')),
    pool             TEXT    DEFAULT 'chat' CHECK (pool IN ('chat', 'heads', 'hours')),
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
    source_id        INTEGER REFERENCES sources (id),
    group_id         INTEGER REFERENCES groups (id),
    cover_for        INTEGER REFERENCES members (id),
    CHECK ((status = 'new') = (owner_id IS NULL)),
    CHECK ((owner_id IS NULL) = (assigned_at IS NULL)),
    CHECK ((status = 'new') = (pool IS NOT NULL)),
    CHECK ((status IN ('taken', 'won', 'lost')) = (taken_at IS NOT NULL)),
    CHECK ((taken_at IS NULL) = (take_seconds IS NULL)),
    CHECK ((status IN ('won', 'lost')) = (closed_at IS NOT NULL)),
    CHECK ((status = 'lost') = (lost_reason IS NOT NULL)),
    CHECK (cover_for IS NULL OR owner_id IS NOT NULL)
);
INSERT INTO leads_v7 (id, team_id, status, pool, source, name, phone, email, company, tax_id,
                      message, channel, industry, region, product, external_id,
                      idempotency_key, extra, contact_user_id, owner_id, created_at,
                      assigned_at, taken_at, take_seconds, closed_at, lost_reason,
                      card_chat_id, card_message_id, source_id, group_id)
SELECT id, team_id, status, pool, source, name, phone, email, company, tax_id, message,
       channel, industry, region, product, external_id, idempotency_key, extra,
       contact_user_id, owner_id, created_at, assigned_at, taken_at, take_seconds,
       closed_at, lost_reason, card_chat_id, card_message_id, source_id, group_id
FROM leads;
DROP TABLE leads;
ALTER TABLE leads_v7 RENAME TO leads;
CREATE INDEX leads_by_team_status ON leads (team_id, status);
CREATE INDEX leads_by_card_chat ON leads (card_chat_id, status);
CREATE INDEX leads_open_by_owner ON leads (owner_id, status);
CREATE INDEX leads_by_created ON leads (team_id, created_at, channel, status);
CREATE INDEX leads_by_take_time ON leads (team_id, owner_id, take_seconds, taken_at);
CREATE INDEX leads_by_source ON leads (source_id, created_at);
CREATE INDEX leads_by_cover ON leads (cover_for, owner_id) WHERE cover_for IS NOT NULL;
-- A future rebuild of `leads` drops these again and must create them again.
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
