-- Telegram's updates as the webhook took them: one delivered again (a timeout, a retry
-- that reached another process) is handled once. `done_at` NULL: being handled since
-- `claimed_at`; a claim that old is a process that died, and the update is handled again.
CREATE TABLE updates_seen (
    update_id   INTEGER PRIMARY KEY,
    claimed_at  TEXT    NOT NULL,
    done_at     TEXT
);
CREATE INDEX updates_seen_by_time ON updates_seen (claimed_at);
