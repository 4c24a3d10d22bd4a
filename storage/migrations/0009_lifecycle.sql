-- A queued message whose premise no longer holds (a reminder for a lead claimed since, an
-- offer to a manager who went away) is not sent: it is marked 'dropped', with the reason in
-- last_error. The table is rebuilt for the new CHECK; its indexes are created again.
CREATE TABLE outbox_v9 (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('send', 'edit_card', 'edit')),
    purpose          TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    buttons          TEXT,
    lead_id          INTEGER REFERENCES leads (id),
    target_id        INTEGER REFERENCES outbox (id),
    status           TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    message_id       INTEGER,
    sending_at       TEXT,
    CHECK ((method = 'edit') = (target_id IS NOT NULL))
);
INSERT INTO outbox_v9 (id, chat_id, method, purpose, text, buttons, lead_id, target_id, status,
                       attempts, next_attempt_at, last_error, created_at, sent_at, message_id,
                       sending_at)
SELECT id, chat_id, method, purpose, text, buttons, lead_id, target_id, status, attempts,
       next_attempt_at, last_error, created_at, sent_at, message_id, sending_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v9 RENAME TO outbox;
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
CREATE INDEX outbox_pending_edits ON outbox (chat_id, method, id) WHERE status = 'pending';
CREATE INDEX outbox_pending_by_lead ON outbox (lead_id, chat_id, id) WHERE status = 'pending';
CREATE INDEX outbox_by_lead ON outbox (lead_id, purpose);

-- What a lead's timer measures starts here: the card reaching the chat, the offer, the last
-- reminder. A changed duration re-plans pending timers from it, and a reminder says how long
-- the lead really waited. NULL on older rows: created_at stands in.
ALTER TABLE timers ADD COLUMN since_at TEXT;
