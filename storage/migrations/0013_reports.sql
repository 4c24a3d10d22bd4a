-- The weekly report sends each head a picture: 'send_photo' rows carry one, kept in
-- outbox_files (so that the planner's scans of the outbox never read a picture's bytes)
-- and deleted once the row is done with. `text` is the photo's caption.
CREATE TABLE outbox_v13 (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('send', 'send_photo', 'edit_card', 'edit')),
    purpose          TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    buttons          TEXT,
    lead_id          INTEGER REFERENCES leads (id),
    target_id        INTEGER REFERENCES outbox (id),
    status           TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed', 'dropped', 'folded')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    message_id       INTEGER,
    sending_at       TEXT,
    line             TEXT,
    board_id         INTEGER REFERENCES boards (id),
    bundled_at       TEXT,
    CHECK ((method = 'edit') = (target_id IS NOT NULL)),
    CHECK (status <> 'folded' OR board_id IS NOT NULL)
);
INSERT INTO outbox_v13 (id, chat_id, method, purpose, text, buttons, lead_id, target_id, status,
                        attempts, next_attempt_at, last_error, created_at, sent_at, message_id,
                        sending_at, line, board_id, bundled_at)
SELECT id, chat_id, method, purpose, text, buttons, lead_id, target_id, status, attempts,
       next_attempt_at, last_error, created_at, sent_at, message_id, sending_at, line, board_id,
       bundled_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v13 RENAME TO outbox;
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
CREATE INDEX outbox_pending_edits ON outbox (chat_id, method, id) WHERE status = 'pending';
CREATE INDEX outbox_pending_by_lead ON outbox (lead_id, chat_id, id) WHERE status = 'pending';
CREATE INDEX outbox_by_lead ON outbox (lead_id, purpose);
CREATE INDEX outbox_by_board ON outbox (board_id, id) WHERE board_id IS NOT NULL;

CREATE TABLE outbox_files (
    row_id  INTEGER PRIMARY KEY REFERENCES outbox (id),
    name    TEXT    NOT NULL,
    data    BLOB    NOT NULL
);

-- What a lost lead's "Другое" waits for: the owner's next message in private is the reason.
-- A table, not the dispatcher's memory, so that a restart does not forget the question.
CREATE TABLE reason_questions (
    user_id    INTEGER PRIMARY KEY,
    lead_id    INTEGER NOT NULL REFERENCES leads (id),
    asked_at   TEXT    NOT NULL
);

-- How each rotation stood at the end of each of the team's days: /replay starts a past
-- period from the turn as it was, so that replaying the policy in force reproduces what
-- happened. One row per scope and day, overwritten through the day. Routing writes the
-- day's row and these triggers keep `turns` (the rotation now) equal to it: a lead routed
-- in turn costs one statement for both.
CREATE TABLE turn_days (
    team_id  INTEGER NOT NULL REFERENCES teams (id),
    scope    TEXT    NOT NULL,
    day      TEXT    NOT NULL,  -- the team's local date, YYYY-MM-DD
    state    TEXT    NOT NULL,
    PRIMARY KEY (team_id, scope, day)
);

CREATE TRIGGER turn_days_insert AFTER INSERT ON turn_days
BEGIN
    INSERT INTO turns (team_id, scope, state) VALUES (NEW.team_id, NEW.scope, NEW.state)
    ON CONFLICT (team_id, scope) DO UPDATE SET state = excluded.state;
END;

CREATE TRIGGER turn_days_update AFTER UPDATE OF state ON turn_days
BEGIN
    INSERT INTO turns (team_id, scope, state) VALUES (NEW.team_id, NEW.scope, NEW.state)
    ON CONFLICT (team_id, scope) DO UPDATE SET state = excluded.state;
END;
