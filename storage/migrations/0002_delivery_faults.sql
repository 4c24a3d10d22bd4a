-- A team is paused while the bot cannot post in its chat (removed, muted, chat gone).
-- Its outgoing messages wait in the outbox instead of failing, and go out on resume.
ALTER TABLE teams ADD COLUMN paused_at TEXT;
ALTER TABLE teams ADD COLUMN pause_reason TEXT;

-- Outbox rows that Telegram refused for good are kept as 'failed', with the reason, so
-- nothing vanishes: what they announced has been handed to someone else.
CREATE TABLE outbox_v2 (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('send', 'edit_card')),
    purpose          TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    reply_markup     TEXT,
    lead_id          INTEGER REFERENCES leads (id),
    status           TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    message_id       INTEGER
);
INSERT INTO outbox_v2 (id, chat_id, method, purpose, text, reply_markup, lead_id, status,
                       attempts, next_attempt_at, last_error, created_at, sent_at, message_id)
SELECT id, chat_id, method, purpose, text, reply_markup, lead_id, status,
       attempts, next_attempt_at, last_error, created_at, sent_at, message_id
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
CREATE INDEX leads_by_card_chat ON leads (card_chat_id, status);
