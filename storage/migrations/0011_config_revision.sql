-- The teams' configuration (who is in the team, settings, groups, rules, aliases,
-- vacations) is read for every lead; the bot keeps it in memory and re-reads it only when
-- this token has changed. Every write to those tables draws a new random token (a counter
-- would come back to a cached value after a rollback). A member's open_leads is live state,
-- not configuration: changing it alone leaves the token as it is.
-- A migration that rebuilds one of these tables drops its triggers: it must create them again.
CREATE TABLE config_revision (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    token  BLOB NOT NULL
);
INSERT INTO config_revision (id, token) VALUES (1, randomblob(8));

CREATE TRIGGER config_teams_insert AFTER INSERT ON teams
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_teams_update AFTER UPDATE ON teams
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_teams_delete AFTER DELETE ON teams
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_team_settings_insert AFTER INSERT ON team_settings
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_team_settings_update AFTER UPDATE ON team_settings
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_team_settings_delete AFTER DELETE ON team_settings
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_vacations_insert AFTER INSERT ON vacations
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_vacations_update AFTER UPDATE ON vacations
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_vacations_delete AFTER DELETE ON vacations
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_groups_insert AFTER INSERT ON groups
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_groups_update AFTER UPDATE ON groups
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_groups_delete AFTER DELETE ON groups
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_group_members_insert AFTER INSERT ON group_members
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_group_members_update AFTER UPDATE ON group_members
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_group_members_delete AFTER DELETE ON group_members
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_rules_insert AFTER INSERT ON rules
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_rules_update AFTER UPDATE ON rules
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_rules_delete AFTER DELETE ON rules
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_aliases_insert AFTER INSERT ON aliases
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_aliases_update AFTER UPDATE ON aliases
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_aliases_delete AFTER DELETE ON aliases
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_members_insert AFTER INSERT ON members
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_members_update AFTER UPDATE OF team_id, user_id, full_name, username, language, active, joined_at, removed_at, removed_by, paused_at, weight, cap, skills, work_hours, on_duty ON members
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;

CREATE TRIGGER config_members_delete AFTER DELETE ON members
BEGIN
    UPDATE config_revision SET token = randomblob(8);
END;
