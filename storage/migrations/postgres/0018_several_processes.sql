-- Several bot processes on one database.

-- Telegram's updates as the webhook took them (as SQLite's 0018).
CREATE TABLE updates_seen (
    update_id   BIGINT  PRIMARY KEY,
    claimed_at  TEXT    NOT NULL,
    done_at     TEXT
);
CREATE INDEX updates_seen_by_time ON updates_seen (claimed_at);

-- Who does the work one process at a time (the outbox, the timers, polling): held until
-- `expires_at` by the server's clock, renewed by its holder, taken over once it lapses.
CREATE TABLE leases (
    name        TEXT         PRIMARY KEY,
    holder      TEXT         NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);

-- The leader sleeps until told: a message queued, a timer set, a team's zone changed by
-- any process. NOTIFY is sent at commit, and never for a rolled-back transaction.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('leadbot_outbox', '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_queued AFTER INSERT OR UPDATE OF chat_id ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
CREATE TRIGGER teams_resumed AFTER UPDATE OF paused_at ON teams
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();

CREATE FUNCTION notify_timer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.fired_at IS NULL AND NEW.cancelled_at IS NULL THEN
        PERFORM pg_notify('leadbot_timers', NEW.due_at);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER timers_set AFTER INSERT OR UPDATE OF due_at ON timers
    FOR EACH ROW EXECUTE FUNCTION notify_timer();

CREATE FUNCTION notify_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('leadbot_settings', '');
    RETURN NULL;
END $$;

CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON team_settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_settings();
