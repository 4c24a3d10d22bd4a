-- Intake requests that carried a valid token and still made no lead. Kept, so that no
-- form's trouble goes unseen: the heads are told, at most once an hour per reason.
CREATE TABLE intake_refusals (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    message       TEXT    NOT NULL,
    origin        TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    body_sample   TEXT    NOT NULL,
    reported_at   TEXT
);
CREATE INDEX intake_refusals_by_reason ON intake_refusals (reason, reported_at);
CREATE INDEX intake_refusals_by_time ON intake_refusals (at);

-- A member a head removed stays out: NULL for members who left for other reasons (the bot
-- could not write to them), who may join again by themselves.
ALTER TABLE members ADD COLUMN removed_by INTEGER;

-- Heads of sales added from Telegram (/head add), beside the ones in ADMIN_IDS.
CREATE TABLE heads (
    user_id     INTEGER PRIMARY KEY,
    full_name   TEXT    NOT NULL,
    username    TEXT,
    added_by    INTEGER NOT NULL,
    added_at    TEXT    NOT NULL
);

-- The outbox finds a chat's pending edits, and whether their lead has an earlier row, fast.
CREATE INDEX outbox_pending_edits ON outbox (chat_id, method, id) WHERE status = 'pending';
CREATE INDEX outbox_pending_by_lead ON outbox (lead_id, chat_id, id) WHERE status = 'pending';
