-- A chat's budget is planned, not drained: rows can fold into a board, one live message
-- edited in place. A queue board lists leads waiting for a claim when the chat cannot show a
-- card for each; a digest board gathers one-line notices (announcements, reminders, heads'
-- notices) that come faster than one a minute.
CREATE TABLE boards (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('queue', 'digest')),
    opened_at  TEXT    NOT NULL,
    folded_at  TEXT    NOT NULL,  -- when a row last folded into it
    closed_at  TEXT
);
CREATE UNIQUE INDEX boards_open ON boards (chat_id, kind) WHERE closed_at IS NULL;

-- What each of a board's messages shows: one board may need several (4,096 characters and
-- 100 buttons each). The row is written when Telegram took the message or the edit.
CREATE TABLE board_messages (
    board_id    INTEGER NOT NULL REFERENCES boards (id),
    slot        INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    buttons     TEXT,
    shown_at    TEXT    NOT NULL,
    PRIMARY KEY (board_id, slot)
);

-- 'folded': shown as a line of a board instead of a message of its own (sent_at: when it
-- first appeared there; board_id stays when it is later sent on its own). `line`: what a
-- card shows when it folds into the queue.
CREATE TABLE outbox_v10 (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('send', 'edit_card', 'edit')),
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
    CHECK ((method = 'edit') = (target_id IS NOT NULL)),
    CHECK (status <> 'folded' OR board_id IS NOT NULL)
);
INSERT INTO outbox_v10 (id, chat_id, method, purpose, text, buttons, lead_id, target_id, status,
                        attempts, next_attempt_at, last_error, created_at, sent_at, message_id,
                        sending_at)
SELECT id, chat_id, method, purpose, text, buttons, lead_id, target_id, status, attempts,
       next_attempt_at, last_error, created_at, sent_at, message_id, sending_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v10 RENAME TO outbox;
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
CREATE INDEX outbox_pending_edits ON outbox (chat_id, method, id) WHERE status = 'pending';
CREATE INDEX outbox_pending_by_lead ON outbox (lead_id, chat_id, id) WHERE status = 'pending';
CREATE INDEX outbox_by_lead ON outbox (lead_id, purpose);
CREATE INDEX outbox_by_board ON outbox (board_id, id) WHERE board_id IS NOT NULL;
